import type { Debrief } from './types.js';
import { debriefView, MILESTONES, nextCommand, type ReportView, type SignalView } from './view.js';
import { formatDuration, scoreBar } from './text.js';
import { sanitize } from './sanitize.js';
import { SYMBOLS } from './render-terminal.js';
import { reviewMarks, VERDICT_TEXT, verdictLine, type SignalMarks } from './render-facilitator.js';

export interface MarkdownOptions {
  title?: string;
  /** Heading level of the title (signals go one deeper); default 1. */
  depth?: number;
}

/** Escapes text so candidate words cannot become Markdown (or HTML) structure. */
export function mdEscape(text: string): string {
  return sanitize(text)
    .replace(/[\\`*_[\]<>|#~]/g, (ch) => `\\${ch}`)
    .replace(/^([-+]|\d+[.)])(\s)/, '\\$1$2');
}

function quote(text: string): string {
  return `  > ${mdEscape(text)}`;
}

function signalSection(s: SignalView, h: string, marks?: SignalMarks): string[] {
  const bar = scoreBar(s.score);
  const out = [`${h} ${mdEscape(s.name)}: ${s.label} (${s.score}/100)${s.targeted ? '' : ' (not targeted)'}`, ''];
  if (marks) out.push(`**${verdictLine(s, marks)}**`, '');
  const verdict = (v: keyof typeof VERDICT_TEXT | undefined) => (v ? ` **(${VERDICT_TEXT[v]})**` : '');
  out.push(`\`${bar.filled}${bar.empty}\``, '');
  if (s.salad) out.push('_Reads as a list of terms rather than a story: level capped._', '');
  if (s.hits.length > 0) {
    out.push('**Hit**', '');
    for (const b of s.hits) {
      const notes = [
        b.fromPath ? '_(from what you did in the round)_' : '',
        b.hypothetical ? '_(only as a hypothetical: partial credit)_' : '',
        b.quotedAbove ? '_(same sentence as above)_' : '',
      ]
        .filter(Boolean)
        .join(' ');
      out.push(`- ${b.hypothetical ? SYMBOLS.hypothetical : SYMBOLS.hit} ${mdEscape(b.label)}${notes ? ` ${notes}` : ''}${verdict(marks?.hits.get(b.label))}`);
      if (b.evidence) out.push(quote(b.evidence));
    }
    out.push('');
  }
  if (s.misses.length > 0) {
    out.push('**Missed**', '');
    for (const m of s.misses) {
      out.push(`- ${SYMBOLS.miss} ${mdEscape(m.label)}${m.fromPath ? ' _(in what you did)_' : ''}${verdict(marks?.misses.get(m.label))}${m.tip ? `: ${mdEscape(m.tip)}` : ''}`);
    }
    out.push('');
  }
  if (s.flags.length > 0) {
    out.push('**Red flags**', '');
    for (const f of s.flags) {
      const path = f.fromPath ? ' _(from what you did in the round)_' : '';
      out.push(`- ${SYMBOLS.flag} ${mdEscape(f.label)}${path}${f.why ? `: ${mdEscape(f.why)}` : ''}`);
      if (f.evidence) out.push(quote(f.evidence));
    }
    out.push('');
  }
  return out;
}

/** The overall line and per-signal sections: shared by the debrief and `score --format md`. */
export function reportMarkdown(view: ReportView, depth: number, marks?: Map<string, SignalMarks>): string[] {
  const h = '#'.repeat(depth + 1);
  const out = [`**Overall: ${view.overall.label} (${view.overall.score}/100).** ${mdEscape(view.overall.line)}`, ''];
  for (const s of view.signals) out.push(...signalSection(s, h, marks?.get(s.id)));
  if (view.folded.length > 0) out.push(`_${view.foldedLead}:_ ${view.folded.map(mdEscape).join(', ')}.`, '');
  return out;
}

function cell(text: string): string {
  return mdEscape(text) || ' ';
}

export function renderMarkdown(debrief: Debrief, options: MarkdownOptions = {}): string {
  const depth = Math.max(1, Math.min(4, options.depth ?? 1));
  const h1 = '#'.repeat(depth);
  const h2 = '#'.repeat(depth + 1);
  const out = [`${h1} Debrief${options.title ? `: ${mdEscape(options.title)}` : ''}`, ''];
  if (debrief.facilitated) {
    out.push("_Reviewed by a facilitator: each reviewed signal shows the scorer's level and the facilitator's, and each reviewed beat the facilitator's verdict._", '');
  }
  out.push(...reportMarkdown(debriefView(debrief), depth, debrief.facilitated ? reviewMarks(debrief) : undefined));

  if (debrief.phases.length > 0) {
    out.push(`${h2} Time per phase`, '', '| Phase | Spent | Budget | |', '|---|---:|---:|---|');
    for (const p of debrief.phases) {
      const budgetMs = p.budgetMinutes * 60_000;
      const note = p.spentMs === 0 ? 'not reached' : p.spentMs > budgetMs ? `over by ${formatDuration(p.spentMs - budgetMs)}` : '';
      out.push(`| ${cell(p.title)} | ${formatDuration(p.spentMs)} | ${formatDuration(budgetMs)} | ${note || ' '} |`);
    }
    out.push('');
  }

  if (debrief.timeline && debrief.timeline.length > 0) {
    out.push(`${h2} Investigation timeline`, '', '| Clock | | What | Result |', '|---|---|---|---|');
    for (const t of debrief.timeline) {
      const what = t.kind === 'event' ? `_${cell(t.what)}_` : cell(t.what);
      out.push(`| ${t.clock} | ${t.kind === 'unmatched' ? 'no match' : t.kind} | ${what} | ${cell(t.result)} |`);
    }
    out.push('');
  }
  if (debrief.milestones) {
    out.push(MILESTONES.map(([k, label]) => `**${label}** ${debrief.milestones?.[k] ?? 'never'}`).join(' · '), '');
  }

  if (debrief.next) {
    const signal = debrief.signals.find((s) => s.id === debrief.next?.signal);
    out.push(`${h2} Next`, '');
    out.push(`${mdEscape(signal?.name ?? debrief.next.signal)}: \`${nextCommand(debrief.next)}\`. ${mdEscape(debrief.next.why)}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
