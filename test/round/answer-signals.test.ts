import { describe, expect, test } from 'vitest';
import { answerSignals } from '../../src/round/finish.js';
import type { Phase } from '../../src/scenario/types.js';

// Which signals one answer of a round speaks to: its phase's own targets, plus the targets of the
// inline probe it answers. A probe that was asked claims its signals for its own answers.

const operate = {
  id: 'operate',
  title: 'Operating it',
  minutes: 10,
  prompt: 'How would you operate this?',
  targets: ['reliability-practice/runbook', 'story/outcome'],
  probes: [
    { id: 'on-call', say: 'What is on-call like?', targets: ['pager-empathy/actionable-pages'] },
    { id: 'slo', say: 'What SLO?', targets: ['slo-tradeoffs/error-budget'] },
  ],
} as unknown as Phase;
const bank = { id: 'story', title: 'A story', minutes: 5, prompt: 'Tell me', fromBank: 'cross-team' } as unknown as Phase;

describe('answerSignals', () => {
  const cases: { name: string; def: Phase; answered?: (string | null)[]; asked: string[]; index: number; signals: string[] }[] = [
    { name: 'the prompt, every probe asked: the phase targets only', def: operate, answered: [null, 'on-call', 'slo'], asked: ['on-call', 'slo'], index: 0, signals: ['reliability-practice'] },
    { name: "a probe's answer: the phase targets and that probe's", def: operate, answered: [null, 'on-call', 'slo'], asked: ['on-call', 'slo'], index: 1, signals: ['reliability-practice', 'pager-empathy'] },
    { name: "another probe's signals are not read there", def: operate, answered: [null, 'on-call', 'slo'], asked: ['on-call', 'slo'], index: 2, signals: ['reliability-practice', 'slo-tradeoffs'] },
    { name: 'a probe never asked leaves its signals to the whole phase', def: operate, answered: [null, 'on-call'], asked: ['on-call'], index: 0, signals: ['reliability-practice', 'slo-tradeoffs'] },
    { name: 'a round saved before answers recorded their question reads the whole phase', def: operate, asked: ['on-call', 'slo'], index: 0, signals: ['reliability-practice', 'pager-empathy', 'slo-tradeoffs'] },
    { name: "a prompt bank's signal", def: bank, answered: [null], asked: [], index: 0, signals: ['cross-team'] },
  ];
  test.each(cases)('$name', ({ def, answered, asked, index, signals }) => {
    const run = answered === undefined ? { probesAsked: asked } : { answered, probesAsked: asked };
    expect([...answerSignals(def, run, index)].sort()).toEqual([...signals].sort());
  });
});
