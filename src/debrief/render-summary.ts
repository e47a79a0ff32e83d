import type { ChalkInstance } from 'chalk';
import type { Debrief } from './types.js';
import { debriefView, MILESTONES, nextCommand, overallBasis, raisedFlags, valuableMisses, type ReportView } from './view.js';
import { displayWidth, formatDuration, padEnd, padStart, scoreBar, truncate, wrap } from './text.js';
import { sanitize } from './sanitize.js';
import { inlineName } from './model.js';

// The debrief as a coach gives it at the end of a round: how it went overall and why, one line
// per signal, the three misses worth the most, any red flag, and the next thing to practise. The
// full detail (every beat with its quote, the investigation) is one flag away.

export interface SummaryContext {
  c: ChalkInstance;
  width: number;
  /** The saved round's short ref, for the commands that show more. */
  ref?: string;
  levelColour(level: number): ChalkInstance;
  symbols: { miss: string; flag: string };
}

/** One row of the per-signal table: name, level, score and a ten-cell bar, aligned down the page. */
function signalRow(s: ReportView['signals'][number], ctx: SummaryContext, nameWidth: number): string {
  const { c } = ctx;
  const bar = scoreBar(s.score);
  const colour = ctx.levelColour(s.level);
  const name = padEnd(truncate(s.name, nameWidth), nameWidth);
  return `  ${name}  ${colour(padEnd(s.label, 9))} ${padStart(String(s.score), 3)}  ${colour(bar.filled)}${c.dim(bar.empty)}`;
}

export function summaryLines(debrief: Debrief, ctx: SummaryContext): string[] {
  const { c, width } = ctx;
  const view = debriefView(debrief);
  const out: string[] = [];
  const o = view.overall;
  out.push(...wrap(`Overall ${o.label} ${o.score}/100: ${overallBasis(debrief)}.`, width).map((l, i) => (i === 0 ? l.replace(/^Overall/, c.bold('Overall')) : l)));
  out.push(...wrap(o.line, width));
  if (view.salad.length > 0) out.push(...wrap('Reads as a list of terms rather than a story: level capped. Say what you did, in sentences.', width, '! ').map((l) => c.yellow(l)));

  const targeted = view.signals.filter((s) => s.targeted);
  const passing = view.signals.filter((s) => !s.targeted);
  // name column: what is left of the width after level, score and bar (2 + 2 + 9 + 1 + 3 + 2 + 10)
  const nameWidth = Math.max(8, Math.min(width - 29, targeted.reduce((n, s) => Math.max(n, displayWidth(s.name)), 0)));
  out.push('');
  for (const s of targeted) out.push(signalRow(s, ctx, nameWidth));
  if (passing.length > 0) {
    const heard = passing.map((s) => `${inlineName(s.name)} ${s.label} ${s.score}`).join(' · ');
    out.push(...wrap(`Also heard, not targeted: ${heard}`, width, '  ').map((l) => c.dim(l)));
  }

  const misses = valuableMisses(debrief);
  if (misses.length > 0) {
    out.push('', c.bold(`The ${misses.length === 1 ? 'miss' : `${misses.length} misses`} worth the most`));
    for (const m of misses) {
      // a miss on a signal a cap holds adds nothing to its score: say which signal, not "+0"
      const head = `${m.label} (${m.points > 0 ? `+${m.points} ` : ''}on ${inlineName(m.signalName)})`;
      out.push(...wrap(head, width, `  ${ctx.symbols.miss} `).map((l, i) => (i === 0 ? `  ${c.red(ctx.symbols.miss)}${l.slice(3)}` : l)));
      if (m.tip) out.push(...wrap(m.tip, width, '    ').map((l) => c.dim(l)));
    }
  }

  const flags = raisedFlags(view);
  if (flags.length > 0) {
    out.push('', c.bold('Red flags'));
    // one quote raising several flags is quoted once, under all of them; why each counts is in --full
    const byQuote = new Map<string, typeof flags>();
    flags.forEach((f, i) => {
      const key = f.evidence || `#${i}`;
      byQuote.set(key, [...(byQuote.get(key) ?? []), f]);
    });
    for (const group of byQuote.values()) {
      const head = group.map((f) => `${f.label} (${inlineName(f.signalName)}${f.fromPath ? ', from what you did' : ''})`).join('; ');
      out.push(...wrap(head, width, `  ${ctx.symbols.flag} `).map((l, i) => (i === 0 ? `  ${c.magenta(ctx.symbols.flag)}${l.slice(3)}` : l)));
      const evidence = group[0]!.evidence;
      if (evidence) out.push(...wrap(`“${evidence}”`, width, '    ').map((l) => c.italic(l)));
    }
  }

  const facts: string[] = [];
  if (debrief.phases.length > 0) {
    const spent = debrief.phases.reduce((n, p) => n + p.spentMs, 0);
    // the round's time as the clock counted it down, not only the phases' share of it
    const budget = debrief.minutes !== undefined ? debrief.minutes * 60_000 : debrief.phases.reduce((n, p) => n + p.budgetMinutes * 60_000, 0);
    const over = debrief.phases.filter((p) => p.spentMs > p.budgetMinutes * 60_000).map((p) => sanitize(p.title));
    facts.push(`Time ${formatDuration(spent)} of ${formatDuration(budget)}${over.length > 0 ? `, over on ${over.join(', ')}` : ''}.`);
  }
  if (debrief.milestones) facts.push(`${MILESTONES.map(([k, label]) => `${label} ${debrief.milestones?.[k] ?? 'never'}`).join(' · ')}.`);
  if (facts.length > 0) out.push('', ...facts.flatMap((f) => wrap(f, width)));

  if (debrief.next) {
    const signal = debrief.signals.find((s) => s.id === debrief.next?.signal);
    const name = signal ? sanitize(signal.name) : debrief.next.signal;
    const what = debrief.next.kind === 'scenario' ? 'a round aimed at it' : 'a drill';
    out.push('', ...wrap(`Next: ${inlineName(name)}, your weakest signal this round; ${what}:`, width).map((l, i) => (i === 0 ? c.bold(l.slice(0, 5)) + l.slice(5) : l)));
    // the command alone on its line, to copy
    out.push(`  ${nextCommand(debrief.next)}`);
  }
  // each command whole on its own line, to copy
  const ref = ctx.ref ? sanitize(ctx.ref) : undefined;
  const more: [string, string][] = ref
    ? [
        [`mockloop debrief ${ref} --full`, 'every beat with its quote'],
        ...(debrief.timeline && debrief.timeline.length > 0 ? [[`mockloop debrief ${ref} --timeline`, 'the investigation, step by step'] as [string, string]] : []),
      ]
    : [['--full', 'add it for every beat with its quote']];
  const cmdWidth = Math.max(...more.map(([cmd]) => displayWidth(cmd)));
  out.push('');
  more.forEach(([cmd, what], i) => {
    const line = `${i === 0 ? 'More: ' : '      '}${padEnd(cmd, cmdWidth)}  ${what}`;
    out.push(c.dim(displayWidth(line) <= width ? line : `${i === 0 ? 'More: ' : '      '}${cmd}`));
  });
  return out;
}
