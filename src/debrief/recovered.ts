import type { TranscriptEntry } from '../round/transcript.js';
import type { Debrief, PhaseTiming } from './types.js';
import { incidentMilestones, investigationTimeline, phaseTimings } from './model.js';
import { sanitize } from './sanitize.js';
import { formatDuration, padEnd, wrap } from './text.js';
import { mdEscape } from './render-markdown.js';
import { MILESTONES } from './view.js';

// What can be shown for a round that stopped before it was scored (an interrupted journal):
// the transcript, and the timing and investigation timeline, which need no scoring.

export interface RecoveredRound {
  id: string;
  scenario: { id: string; kind: string; title: string };
  transcript: TranscriptEntry[];
  phases: PhaseTiming[];
  timeline?: Debrief['timeline'];
  milestones?: Debrief['milestones'];
  /** Why there are no signal scores. */
  note: string;
}

export function recoverRound(input: {
  id: string;
  scenario: { id: string; kind: string; title: string };
  transcript: TranscriptEntry[];
  phases?: { id: string; title: string; minutes: number }[];
  actionKinds?: Record<string, string>;
  note: string;
}): RecoveredRound {
  const endMs = input.transcript.reduce((m, e) => Math.max(m, e.atMs), 0);
  const out: RecoveredRound = {
    id: input.id,
    scenario: input.scenario,
    transcript: input.transcript,
    phases: input.phases ? phaseTimings(input.phases, input.transcript, endMs) : [],
    note: input.note,
  };
  if (input.scenario.kind === 'incident') {
    out.timeline = investigationTimeline(input.transcript);
    if (input.actionKinds) out.milestones = incidentMilestones(out.timeline, input.actionKinds);
  }
  return out;
}

function milestoneLine(m: NonNullable<Debrief['milestones']>, strong: (s: string) => string): string {
  return MILESTONES.map(([k, label]) => `${strong(label)} ${m[k] ?? 'never'}`).join(' · ');
}

const WHO: Record<TranscriptEntry['role'], string> = { interviewer: 'Interviewer', candidate: 'You', system: 'System' };

export function renderTranscriptText(transcript: readonly TranscriptEntry[], width = 80): string[] {
  const out: string[] = [];
  for (const e of transcript) {
    const head = `${e.clock ? `${e.clock} ` : ''}${WHO[e.role]}: `;
    const paragraphs = sanitize(e.text, { multiline: true }).split('\n');
    paragraphs.forEach((p, i) => out.push(...wrap(p, width, i === 0 ? `  ${head}` : '    ', '    ')));
  }
  return out;
}

export function renderRecovered(round: RecoveredRound, format: 'text' | 'md', width = 80): string {
  const title = sanitize(round.scenario.title);
  if (format === 'md') {
    const out = [`# Debrief: ${mdEscape(title)} (interrupted)`, '', `_${mdEscape(round.note)}_`, ''];
    if (round.phases.length > 0) {
      out.push('## Time per phase', '', '| Phase | Spent | Budget |', '|---|---:|---:|');
      for (const p of round.phases) out.push(`| ${mdEscape(p.title)} | ${formatDuration(p.spentMs)} | ${formatDuration(p.budgetMinutes * 60_000)} |`);
      out.push('');
    }
    if (round.timeline && round.timeline.length > 0) {
      out.push('## Investigation timeline', '', '| Clock | | What | Result |', '|---|---|---|---|');
      for (const t of round.timeline) out.push(`| ${t.clock} | ${t.kind} | ${mdEscape(t.what) || ' '} | ${mdEscape(t.result) || ' '} |`);
      out.push('');
      if (round.milestones) out.push(milestoneLine(round.milestones, (s) => `**${s}**`), '');
    }
    out.push('## Transcript', '');
    for (const e of round.transcript) {
      const text = sanitize(e.text, { multiline: true }).split('\n').map(mdEscape).join('  \n');
      out.push(`**${WHO[e.role]}**${e.clock ? ` (${e.clock})` : ''}: ${text}`, '');
    }
    return `${out.join('\n').trimEnd()}\n`;
  }
  const out = [`Debrief: ${title} (interrupted)`, ...wrap(round.note, width), ''];
  if (round.phases.length > 0) {
    out.push('Time per phase');
    const w = round.phases.reduce((n, p) => Math.max(n, p.title.length), 0);
    for (const p of round.phases) out.push(`  ${padEnd(sanitize(p.title), w)}  ${formatDuration(p.spentMs)} / ${formatDuration(p.budgetMinutes * 60_000)}`);
    out.push('');
  }
  if (round.timeline && round.timeline.length > 0) {
    out.push('Investigation (simulated clock)');
    for (const t of round.timeline) out.push(...wrap(`${t.what ? `“${sanitize(t.what)}” ` : ''}→ ${sanitize(t.result)}`, width, `  ${t.clock}  ${padEnd(t.kind, 9)}`, ' '.repeat(18)));
    if (round.milestones) out.push(...wrap(milestoneLine(round.milestones, (s) => s), width, '  '));
    out.push('');
  }
  out.push('Transcript', ...renderTranscriptText(round.transcript, width));
  return `${out.join('\n')}\n`;
}
