import type { Debrief } from '../debrief/types.js';
import { renderFacilitatorSheet } from '../debrief/render-facilitator.js';
import { sanitize } from '../debrief/sanitize.js';
import { truncate, wrap } from '../debrief/text.js';
import { applyJudgement, beatKey, facilitatorSheet, type Judgement } from '../round/facilitator.js';
import type { SignalId } from '../rubric/types.js';
import type { Scenario } from '../scenario/types.js';
import type { CompiledRubric } from '../scoring/index.js';
import type { BeatResult } from '../scoring/types.js';
import { write } from './output.js';
import { chooseMany } from './terminal.js';

// Facilitator mode at the terminal: the sheet before the round, and the review of the scorer's
// beats after it, one checkbox list per signal the round targets.

export function sheetText(scenario: Scenario, rubric: CompiledRubric, style: { colour: boolean; width: number }): string {
  return renderFacilitatorSheet(facilitatorSheet(scenario, (ref) => rubric.beat(ref)?.spec.label), style);
}

const EVIDENCE_CHARS = 60;

/** One beat as a checkbox line: its label and, for a hit, the candidate's words shortened. */
function choiceName(b: BeatResult, width: number): string {
  const notes = [b.source === 'path' ? 'from what they did' : '', b.story ? 'story shape' : '', b.hit && b.hypothetical ? 'hypothetical only' : '']
    .filter(Boolean)
    .join(', ');
  let name = sanitize(b.label) + (notes ? ` (${notes})` : '');
  if (b.hit && b.evidence && b.source !== 'path') name += ` — “${truncate(sanitize(b.evidence), EVIDENCE_CHARS)}”`;
  // the checkbox and cursor take four columns; a wrapped choice confuses the list's redraw
  return truncate(name, Math.max(20, width - 5));
}

const byHitThenWeight = (a: BeatResult, b: BeatResult) => Number(b.hit) - Number(a.hit) || b.weight - a.weight;

/**
 * Asks the facilitator to confirm the scorer's verdicts: the scorer's hits come pre-checked;
 * unchecking rejects one, checking a miss awards it. `answered`: the signals the round asked for
 * and got a claim on (answeredSignals in round/finish.ts), held at weak with no beat as the scorer
 * holds them. Ctrl-C throws Interrupted (see terminal.ts).
 */
export async function reviewDebrief(
  debrief: Debrief,
  scenario: Scenario,
  rubric: CompiledRubric,
  io: { output: NodeJS.WritableStream; width: number },
  answered: readonly SignalId[] = [],
): Promise<Debrief> {
  const judgement: Judgement = {};
  const reviewed = scenario.signals.flatMap((id) => debrief.signals.filter((s) => s.id === id));
  const intro = `Facilitator review of ${reviewed.length} signal${reviewed.length === 1 ? '' : 's'}: the scorer's hits are checked. Uncheck a beat to reject it, check a missed one to award it; space toggles, Enter confirms the signal.`;
  write(io.output, `\n${wrap(intro, io.width).join('\n')}\n`);
  for (const [i, s] of reviewed.entries()) {
    const beats = [...s.beats].sort(byHitThenWeight);
    const shown = truncate(`${i + 1}/${reviewed.length} ${sanitize(s.name)} (scorer: ${s.label} ${s.score})`, io.width - 2);
    judgement[s.id] = await chooseMany(
      shown,
      beats.map((b) => ({ name: choiceName(b, io.width), value: beatKey(b), checked: b.hit })),
      io.output,
    );
  }
  return applyJudgement(debrief, judgement, rubric.spec.scoring, { answered, storyExpected: scenario.kind === 'behavioral' });
}
