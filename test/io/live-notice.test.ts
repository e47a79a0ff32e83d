import { describe, expect, it } from 'vitest';
import { formatEntry } from '../../src/io/live.js';

// A system notice (/time, /panels, skips) is dimmed with a bullet per line; a line too long for
// the terminal continues under its own text rather than starting a new bullet mid-sentence.

const notice = (text: string) => formatEntry({ role: 'system', kind: 'notice', text } as Parameters<typeof formatEntry>[0], { colour: false, width: 80, echoCandidate: false })!;

describe('system notices', () => {
  it.each([
    ['a short line', '59m 23s left in the round.', ['  · 59m 23s left in the round.']],
    [
      'a long line wraps without a second bullet',
      '59m 23s left in the round. Phase 2 of 5: Operating it once live (9m 42s of its 10m left).',
      ['  · 59m 23s left in the round. Phase 2 of 5: Operating it once live (9m 42s of', '    its 10m left).'],
    ],
    ['each line of a list keeps its bullet', 'Asked for so far:\n  02:47  Grafana', ['  · Asked for so far:', '  ·   02:47  Grafana']],
  ])('%s', (_name, text, lines) => {
    const out = notice(text).split('\n');
    expect(out).toEqual(lines);
    for (const l of out) expect(l.length).toBeLessThanOrEqual(80);
  });
});

describe('panel headings', () => {
  const panel = (title: string, width: number, colour = false) =>
    formatEntry({ role: 'system', kind: 'panel', title, clock: '02:47', text: 'p95 1.8 s', phase: 'p', atMs: 0 } as Parameters<typeof formatEntry>[0], {
      colour,
      width,
      echoCandidate: false,
    })!;
  it.each([
    ['fits on one line', 'Grafana: auth-api overview', 80, ['  ┌─ Grafana: auth-api overview  · 02:47']],
    ['wraps under itself, the clock whole', 'Grafana: auth-api overview (latency, errors, throughput)', 60, ['  ┌─ Grafana: auth-api overview (latency, errors,', '     throughput)  · 02:47']],
    ['moves the clock down when it would not fit', 'Grafana: auth-api overview (latency, errors, and', 54, ['  ┌─ Grafana: auth-api overview (latency, errors, and', '     · 02:47']],
  ])('%s', (_name, title, width, head) => {
    const lines = panel(title, width).split('\n');
    expect(lines.slice(0, head.length)).toEqual(head);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
  });
  it('keeps the words and the clock with colour on', () => {
    const plain = panel('Grafana: auth-api overview (latency, errors, throughput)', 60, true).replace(/\x1b\[[0-9;]*m/g, '');
    expect(plain).toBe(panel('Grafana: auth-api overview (latency, errors, throughput)', 60));
  });
});
