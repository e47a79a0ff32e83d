import { describe, expect, test } from 'vitest';
import { analyze, compileRubric, scoreDoc, scoreText } from '../../src/scoring/index.js';
import type { RubricSpec } from '../../src/rubric/types.js';

// Which sentence a beat quotes: the candidate's most specific words for it, from the answers
// that targeted the signal, not merely the first match in the text.

const spec: RubricSpec = {
  version: 1,
  scoring: { hypotheticalCredit: 0.5, levelThresholds: [10, 30, 50, 70], redFlagLevelCap: 2 },
  concepts: {},
  storyBeats: [{ id: 'numbers', label: 'Specific numbers', weight: 1, patterns: ['#num'], probe: 'How big?', tip: 'Use numbers.' }],
  signals: [
    {
      id: 'data-integrity',
      name: 'Data integrity',
      description: 'd',
      prompts: ['p'],
      beats: [{ id: 'way-back', label: 'A way back', weight: 3, patterns: ['back', 'way back'], probe: 'p', tip: 't' }],
      redFlags: [],
    },
    {
      id: 'incident-judgement',
      name: 'Incident judgement',
      description: 'd',
      prompts: ['p'],
      beats: [{ id: 'escalation', label: 'Escalated', weight: 3, patterns: ['paged manager'], probe: 'p', tip: 't' }],
      redFlags: [{ id: 'blame', label: 'Blame', weight: 10, patterns: ['their fault'], why: 'w' }],
    },
  ],
};
const rubric = compileRubric(spec);
const beat = (text: string, signal: string, id: string, opts = {}) =>
  scoreText(text, rubric, opts).signals.find((s) => s.id === signal)!.beats.find((b) => b.id === id)!;

describe('the quote for a beat', () => {
  test.each([
    ['a more specific pattern beats an earlier loose one', 'Before rolling back I posted in the incident channel. We kept the old table, so we always had a way back.', 'data-integrity', 'way-back', 'We kept the old table, so we always had a way back.'],
    ["the candidate's own action beats a report of someone else's", 'The vendor paged their manager at once. Then I paged the incident manager.', 'incident-judgement', 'escalation', 'Then I paged the incident manager.'],
    ['a tight match beats one spread over many words', 'We paged a lot of people, the manager too. I paged the manager.', 'incident-judgement', 'escalation', 'I paged the manager.'],
  ])('%s', (_name, text, signal, id, quote) => {
    expect(beat(text, signal, id).evidence).toBe(quote);
  });

  test('a long sentence is quoted by the clause that holds the match', () => {
    const text =
      'I lost a few minutes at the start because the runbook did not say which mitigation fits a slowdown; my part was that I had paged the manager only after the second alert fired.';
    expect(beat(text, 'incident-judgement', 'escalation').evidence).toBe('my part was that I had paged the manager only after the second alert fired.');
  });

  test('a match that ends its clause at a colon is quoted with the clause that explains it', () => {
    const text =
      'The contributing factors were a config change without a canary, an alert that fired late, and the part where I paged the manager: I had approved the change after a quick look; we agreed three action items.';
    expect(beat(text, 'incident-judgement', 'escalation').evidence).toBe(
      'The contributing factors were a config change without a canary, an alert that fired late, and the part where I paged the manager: I had approved the change after a quick look',
    );
  });

  test("a signal's evidence comes only from the answers that targeted it", () => {
    const first = 'We paged the manager while rolling back.';
    const second = 'In the migration I paged the manager and we kept a way back for 2 weeks.';
    const doc = analyze(`${first}\n\n${second}`);
    const start = first.length + 2;
    const report = scoreDoc(doc, rubric, { scopes: { 'data-integrity': [{ start, end: doc.text.length }], 'incident-judgement': [{ start: 0, end: first.length }] } });
    const di = report.signals.find((s) => s.id === 'data-integrity')!;
    const ij = report.signals.find((s) => s.id === 'incident-judgement')!;
    expect(di.beats.find((b) => b.id === 'way-back')!.evidence).toBe(second);
    expect(ij.beats.find((b) => b.id === 'escalation')!.evidence).toBe(first);
    // the story beat is quoted from the signal's own answer, the one that carries it
    expect(di.beats.find((b) => b.id === 'numbers')!.evidence).toBe(second);
    // outside the answers that target it, a beat earns nothing: the rest of the round does not count
    const elsewhere = scoreDoc(doc, rubric, { scopes: { 'incident-judgement': [] } });
    const missed = elsewhere.signals.find((s) => s.id === 'incident-judgement')!;
    expect(missed.beats.find((b) => b.id === 'escalation')!.hit).toBe(false);
    expect(missed.score).toBeLessThan(ij.score);
  });
});
