import { describe, expect, it } from 'vitest';
import { performs, readClauses, type Clause } from '../../src/language/index.js';

// The clause reader: each clause's frame as "mood polarity modality agent", and whether it
// performs what it names. Tables of plain sentences, as candidates type them.

const frame = (c: Clause) => `${c.mood} ${c.polarity} ${c.modality} ${c.agent}`;
const frames = (text: string) => readClauses(text).map((c) => [c.text, frame(c)]);

describe('splits clauses at marks, conjunctions and subordinators', () => {
  const table: [string, string[]][] = [
    ['I declare an incident and page the incident manager.', ['I declare an incident', 'page the incident manager']],
    ["Rolling back the ledger deploy wouldn't help, because it shipped two days ago", ["Rolling back the ledger deploy wouldn't help", 'it shipped two days ago']],
    ["Scaling out won't help: the bottleneck is the partner", ["Scaling out won't help", 'the bottleneck is the partner']],
    ["Before touching anything I'd confirm the page.", ['touching anything', "I'd confirm the page"]],
    ['Rather than failing open, I would rate-limit new traffic', ['failing open', 'I would rate-limit new traffic']],
    ['Set auth.partner.max_new_rps to 1,000.', ['Set auth.partner.max_new_rps to 1,000']],
    ["let billing and inventory know what's happening", ['let billing and inventory know', "what's happening"]],
    ["let's rate limit and then check the queue", ["let's rate limit", 'then check the queue']],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(readClauses(text).map((c) => c.text)).toEqual(expected);
  });
});

describe('frames: mood, polarity, modality, agent', () => {
  const table: [string, string[][]][] = [
    ['Set the max_new_rps flag to 800.', [['Set the max_new_rps flag to 800', 'act done planned speaker']]],
    ["I'm setting auth.partner.max_new_rps to 800.", [["I'm setting auth.partner.max_new_rps to 800", 'act done planned speaker']]],
    ['I cap new authorisations at 800 per second.', [['I cap new authorisations at 800 per second', 'act done planned speaker']]],
    ['first I want the logs', [['first I want the logs', 'ask done planned speaker']]],
    // an adverb of sequence before the subject leaves the clause the speaker's act
    ["meanwhile I'll lower retention on the topic", [["meanwhile I'll lower retention on the topic", 'act done planned speaker']]],
    ['Finally I would roll back the deploy.', [['Finally I would roll back the deploy', 'act done would speaker']]],
    ['Meanwhile the database was fine.', [['Meanwhile the database was fine', 'explain done planned none']]],
    // an irregular past tense tells what was done (a base form that is also a past, "Set the ...", stays an instruction)
    ['We wrote it up the next day.', [['We wrote it up the next day', 'act done did team']]],
    ['I rang the DBA.', [['I rang the DBA', 'act done did speaker']]],
    ["I'd roll back", [["I'd roll back", 'act done would speaker']]],
    ["Let's roll back the deploy", [["Let's roll back the deploy", 'act done planned team']]],
    ['I rolled back the deploy', [['I rolled back the deploy', 'act done did speaker']]],
    ['I should have rolled back earlier', [['I should have rolled back earlier', 'act done should-have speaker']]],
    ['we might roll back', [['we might roll back', 'act done possible team']]],
    ['perhaps we revert the deploy', [['perhaps we revert the deploy', 'act done possible team']]],
    ["I won't fail open", [["I won't fail open", 'act refused planned speaker']]],
    ["don't restart the pods", [["don't restart the pods", 'act refused planned speaker']]],
    ["I'd hold off on the rollback", [["I'd hold off on the rollback", 'act prevented would speaker']]],
    [
      "Rolling back the ledger deploy wouldn't help, because it shipped two days ago",
      [
        ["Rolling back the ledger deploy wouldn't help", 'explain argued-against planned speaker'],
        ['it shipped two days ago', 'explain done did other'],
      ],
    ],
    ['My worry with a region failover is that both regions use the same endpoint', [
      ['My worry with a region failover is', 'explain done planned none'],
      ['both regions use the same endpoint', 'explain done planned none'],
    ]],
    ["If we failed open, we'd tell merchants yes, so I won't", [
      ['we failed open', 'explain done conditional team'],
      ["we'd tell merchants yes", 'act done conditional team'],
      ["I won't", 'act refused planned speaker'],
    ]],
    ['The runbook says to fail open', [['The runbook says to fail open', 'explain done planned none']]],
    ['Which merchants are affected?', [['Which merchants are affected', 'ask done planned none']]],
    ['When did this start?', [['When did this start', 'ask done planned none']]],
    ['is the database ok', [['is the database ok', 'ask done planned none']]],
    ['queue depth', [['queue depth', 'ask done planned none']]],
    ['show me the partner queue', [['show me the partner queue', 'ask done planned speaker']]],
    ["I'd check the queue depth", [["I'd check the queue depth", 'ask done would speaker']]],
    ['pull up the runbook', [['pull up the runbook', 'ask done planned speaker']]],
    ['check if the database is ok', [
      ['check', 'ask done planned speaker'],
      ['the database is ok', 'ask done planned none'],
    ]],
    ['the bottleneck is the partner', [['the bottleneck is the partner', 'explain done planned none']]],
    ['a bigger pool just feeds the leak', [['a bigger pool just feeds the leak', 'explain done planned none']]],
    ['so my hypothesis is stale reads', [['my hypothesis is stale reads', 'explain done planned none']]],
    ['I think the partner is slow', [['I think the partner is slow', 'explain done planned speaker']]],
    ["we're fine", [["we're fine", 'explain done planned team']]],
    // "'d" before a participle is "had": told, not imagined
    ["We'd already drained the node", [["We'd already drained the node", 'act done did team']]],
    ["I'd been on call all week", [["I'd been on call all week", 'explain done planned speaker']]],
    ['we had restarted the consumers', [['we had restarted the consumers', 'act done did team']]],
    // an "it" that stands for no one
    ['It turned out the index was missing', [['It turned out the index was missing', 'explain done planned none']]],
    ['it was agreed to freeze deploys', [['it was agreed to freeze deploys', 'act done planned team']]],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(frames(text)).toEqual(expected);
  });
});

describe('performs: only an act meant now, not ruled out', () => {
  const table: [string, boolean[]][] = [
    ['I declare an incident and page the incident manager.', [true, true]],
    ["I won't fail open. I'll rate limit new authorisations instead.", [false, true]],
    ['Rather than failing open, I would rate-limit new traffic', [false, true]],
    ["Scaling out won't help: the bottleneck is the partner", [false, false]],
    ["If we failed open, we'd tell merchants yes, so I won't", [false, false, false]],
    ['should we roll back?', [false]],
    ['I could roll back, but first I want the logs', [false, false]],
    ['I should have paged earlier', [false]],
    ['The runbook says to restart', [false]],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(readClauses(text).map(performs)).toEqual(expected);
  });
});

describe('more verbs from the vocabulary being read about', () => {
  it('a verb the lists do not know leads an imperative when the reader is told it is one', () => {
    expect(readClauses('quiesce the consumers')[0]!.mood).toBe('ask');
    expect(readClauses('quiesce the consumers', { verbs: new Set(['quiesce']) })[0]!.mood).toBe('act');
  });
});
