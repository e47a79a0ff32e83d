import { Chalk, type ChalkInstance } from 'chalk';
import type { SignalId } from '../rubric/types.js';
import type { FacilitatorSheet, SheetPanel } from '../round/facilitator.js';
import type { FacilitatorVerdict, SignalResult } from '../scoring/types.js';
import type { Debrief } from './types.js';
import { displayWidth, wrap } from './text.js';
import { sanitize } from './sanitize.js';

// The facilitator sheet as plain text, and the facilitator's marks the debrief renderers add.

export interface SheetOptions {
  colour?: boolean;
  /** Columns to wrap at; default 80. */
  width?: number;
}

const RED_HERRING = 'RED HERRING';

/** Scenario text that is laid out by hand (panel views): kept as written, wrapped only where too wide. */
function preformatted(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  for (const line of sanitize(text, { multiline: true }).split('\n')) {
    if (line.trim() === '') continue;
    if (displayWidth(indent + line) <= width) {
      out.push(indent + line);
      continue;
    }
    const lead = indent + (/^ */.exec(line)?.[0] ?? '');
    out.push(...hardWrap(line.trimStart(), width, lead, `${lead}  `));
  }
  return out;
}

/** Breaks at spaces like wrap(), but keeps the runs of spaces that line up a panel's columns. */
function hardWrap(line: string, width: number, first: string, rest: string): string[] {
  const out: string[] = [];
  let prefix = first;
  let text = line;
  while (displayWidth(prefix + text) > width) {
    const room = width - displayWidth(prefix);
    let cut = -1;
    for (let i = 1; i < text.length; i++) {
      if (text[i] !== ' ' || text[i - 1] === ' ') continue;
      if (displayWidth(text.slice(0, i)) > room) break;
      cut = i;
    }
    if (cut <= 0) return [...out, ...wrap(text, width, prefix, rest)];
    out.push(prefix + text.slice(0, cut).trimEnd());
    text = text.slice(cut).trimStart();
    prefix = rest;
  }
  out.push(prefix + text);
  return out;
}

function para(text: string, width: number, first = '', rest = ' '.repeat(displayWidth(first))): string[] {
  return wrap(sanitize(text), width, first, rest);
}

function panelLines(p: SheetPanel, c: ChalkInstance, width: number): string[] {
  const head = p.redHerring ? `${sanitize(p.title)} [${RED_HERRING}]` : sanitize(p.title);
  const out = para(`${head} (${p.id})`, width, '  ').map((l) => c.bold(l));
  if (p.redHerring) out[0] = out[0]!.replace(`[${RED_HERRING}]`, c.red(`[${RED_HERRING}]`));
  if (p.note) out.push(...para(`note: ${p.note}`, width, '    ', '      '));
  for (const v of p.views) {
    out.push(...para(`${v.condition}:`, width, '    ', '      ').map((l) => c.dim(l)));
    out.push(...preformatted(v.text, width, '      '));
  }
  return out;
}

function bullets(items: string[], width: number): string[] {
  return items.flatMap((i) => para(i, width, '  - ', '    '));
}

/** The sheet a game master reads before the round: what the system will show, and what good looks like. */
export function renderFacilitatorSheet(sheet: FacilitatorSheet, options: SheetOptions = {}): string {
  const c = new Chalk({ level: options.colour ? 1 : 0 });
  const width = Math.max(40, options.width ?? 80);
  const out: string[] = [];
  const section = (title: string) => out.push('', ...para(title, width).map((l) => c.bold(l)));

  const title = `Facilitator sheet: ${sanitize(sheet.title)}`;
  out.push(...para(title, width).map((l) => c.bold(l)), '─'.repeat(Math.min(width, displayWidth(title))));
  out.push(...para(`${sheet.id} · ${sheet.kind} · ${sheet.minutes} minutes · signals: ${sheet.signals.join(', ')}`, width));
  out.push('', ...para(sheet.summary, width));
  if (sheet.facilitatorSummary) {
    section('What happens');
    out.push(...para(sheet.facilitatorSummary, width, '  '));
  }

  const inc = sheet.incident;
  if (inc) {
    const clock =
      inc.minutesPerMiss === undefined
        ? `each turn moves the clock ${inc.minutesPerTurn} minutes`
        : `a turn that looks or acts moves the clock ${inc.minutesPerTurn} minutes, one that finds nothing ${inc.minutesPerMiss}`;
    section(`The page (${inc.start}${inc.day ? ` ${inc.day}` : ''}; ${clock})`);
    const page = [inc.page.source, inc.page.severity, inc.page.title].filter((x): x is string => Boolean(x)).join(' · ');
    out.push(...para(page, width, '  '), ...para(inc.page.text, width, '  '));
  }

  section('Round plan');
  sheet.phases.forEach((p, i) => {
    if (i > 0) out.push('');
    out.push(...para(`${i + 1}. ${p.title} (${p.minutes} min${p.investigate ? ', investigation' : ''})`, width, '  ', '     ').map((l) => c.bold(l)));
    out.push(...para(`asks: ${p.prompt}`, width, '     ', '       '));
    for (const q of p.probes) out.push(...para(`probe${q.condition ? ` (${q.condition})` : ''}: ${q.say}`, width, '     ', '       '));
  });

  if (inc) {
    section('Telemetry (each panel shows its first view whose condition holds)');
    inc.panels.forEach((p, i) => {
      if (i > 0) out.push('');
      out.push(...panelLines(p, c, width));
    });

    if (inc.events.length > 0) {
      section('Timed events (clock order)');
      for (const e of inc.events) {
        const head = `  ${e.at}  `;
        const indent = ' '.repeat(displayWidth(head));
        out.push(...para(`${e.id}${e.condition ? `, ${e.condition}` : ''}`, width, head, indent).map((l) => c.bold(l)));
        out.push(...para(`system: ${e.says}`, width, indent, `${indent}  `));
        if (e.sets.length > 0) out.push(...para(`sets ${e.sets.join(', ')}`, width, indent).map((l) => c.dim(l)));
      }
    }

    if (inc.actions.length > 0) {
      section('Actions (what the candidate can do)');
      inc.actions.forEach((a, i) => {
        if (i > 0) out.push('');
        out.push(...para(`${a.title} (${a.kind}, ${a.id})`, width, '  ', '    ').map((l) => c.bold(l)));
        if (a.sets.length > 0) out.push(...para(`changes ${a.sets.join(', ')}`, width, '    ', '      '));
        else out.push('    changes nothing in the state');
        if (a.condition) out.push(...para(`works only ${a.condition}`, width, '    ', '      '));
        out.push(...para(`system: ${a.says}`, width, '    ', '      '));
        if (a.otherwise) out.push(...para(`otherwise: ${a.otherwise}`, width, '    ', '      '));
      });
    }

    if (inc.checks.length > 0) {
      section('Investigation checks (graded from what the candidate did)');
      for (const k of inc.checks) {
        const what = k.redFlag ? `red flag, −${k.weight} on ${k.signal}` : `beat, ${k.weight} on ${k.signal}`;
        out.push(...para(`${k.label} (${what})`, width, '  ', '    ').map((l) => c.bold(l)));
        out.push(...para(`${k.redFlag ? 'raised when they' : 'earned when they'} ${k.rule}`, width, '    ', '      '));
        if (k.why) out.push(...para(`why: ${k.why}`, width, '    ', '      '));
      }
    }
  }

  if (sheet.timeline.length > 0) {
    section('Timeline');
    for (const t of sheet.timeline) out.push(...para(t.what, width, `  ${t.at}  `));
  }

  section('Expected beats');
  out.push(...bullets(sheet.expected, width));
  for (const p of sheet.phaseBeats) {
    if (p.beats.length === 0) continue;
    out.push(...para(`${p.phase}, graded on:`, width, '  ').map((l) => c.bold(l)));
    out.push(...bullets(p.beats, width));
  }

  if (sheet.redHerrings.length > 0) {
    section(`Red herrings`);
    out.push(...bullets(sheet.redHerrings, width));
  }
  if (sheet.commonMistakes.length > 0) {
    section('Common mistakes');
    out.push(...bullets(sheet.commonMistakes, width));
  }
  if (sheet.notes) {
    section('Notes');
    out.push(...para(sheet.notes, width, '  '));
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Marks in the debrief

export const VERDICT_TEXT: Record<FacilitatorVerdict, string> = {
  accepted: 'facilitator: accepted',
  rejected: 'facilitator: rejected',
  awarded: 'awarded by the facilitator',
};

export interface SignalMarks {
  verdict: NonNullable<SignalResult['facilitator']>;
  /** By sanitised label: the debrief views list beats by label. */
  hits: Map<string, FacilitatorVerdict>;
  misses: Map<string, FacilitatorVerdict>;
}

/** The facilitator's verdicts per reviewed signal; empty when the round was not facilitated. */
export function reviewMarks(d: Debrief): Map<SignalId, SignalMarks> {
  const out = new Map<SignalId, SignalMarks>();
  for (const s of d.signals) {
    if (!s.facilitator) continue;
    const marks: SignalMarks = { verdict: s.facilitator, hits: new Map(), misses: new Map() };
    for (const b of s.beats) if (b.facilitator) (b.hit ? marks.hits : marks.misses).set(sanitize(b.label), b.facilitator);
    out.set(s.id, marks);
  }
  return out;
}

/** "scorer: mixed 41 · facilitator: solid 58" */
export function verdictLine(s: { label: string; score: number }, marks: SignalMarks): string {
  return `scorer: ${s.label} ${s.score} · facilitator: ${marks.verdict.label} ${marks.verdict.score}`;
}
