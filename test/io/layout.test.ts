import { describe, expect, it } from 'vitest';
import { displayWidth, withoutOrphan, wrapPath } from '../../src/debrief/text.js';
import { fitAnswer, fitChoices } from '../../src/io/terminal.js';
import { formatEntry } from '../../src/io/live.js';
import type { TranscriptEntry } from '../../src/round/transcript.js';

// Text laid out before the terminal (or inquirer) gets to wrap it: at word boundaries, each
// continuation under its own text, paths broken only after a slash.

describe('fitAnswer', () => {
  it.each([
    [40, 'short answer', '› [5m left]', 'short answer'],
    [30, 'check the queue depth on the partner integration', '› [5m left]', 'check the queue\n  depth on the partner\n  integration'],
    // exactly filling a line: the next line starts with the next word, not a space
    [20, 'aaaa bbbb cccc dddd eeee', '› [x]', 'aaaa bbbb cccc\n  dddd eeee'],
    [12, 'authorisations rate', '› [a long prompt]', '\n  authorisations\n  rate'],
  ])('at %i columns', (width, answer, prompt, expected) => {
    const out = fitAnswer(prompt, answer, width);
    expect(out).toBe(expected);
    const lines = `${prompt} ${out}`.split('\n');
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {2}\S/);
  });
});

describe('fitChoices', () => {
  it('wraps a long name under itself and keeps a one-line short form', () => {
    const [c] = fitChoices('Which round?', [{ name: 'Incident: the 3am authorisation latency page (40 min)', value: 1, description: 'payment-auth-3am: 02:47 on a Saturday: p95 payment authorisation latency has crossed its threshold.' }], 30);
    expect(c!.name).toBe('Incident: the 3am\n  authorisation latency page\n  (40 min)');
    for (const l of c!.description!.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    expect(c!.short.includes('\n')).toBe(false);
  });
});

describe('wrapPath', () => {
  it.each([
    ['/tmp/a/b.json', 80, ['Saved: /tmp/a/b.json']],
    ['/home/someone/.local/share/mockloop/sessions/2026-12-06T04-04-36-payment-auth-3am-7a5b.json', 60, ['Saved: /home/someone/.local/share/mockloop/sessions/', '2026-12-06T04-04-36-payment-auth-3am-7a5b.json']],
  ])('%s at %i columns', (path, width, expected) => {
    const lines = wrapPath(path, width, 'Saved: ');
    expect(lines).toEqual(expected);
    expect(lines.join('')).toBe(`Saved: ${path}`);
  });
});

describe('withoutOrphan', () => {
  it.each([
    [['one two three four', 'five'], 20, ['one two three', 'four five']],
    [['one two', 'three'], 20, ['one two', 'three']],
    [['    a b cc dd', '    ee'], 13, ['    a b cc', '    dd ee']],
    [['aaaaa bbbbb ccccc', 'dddddddddddd'], 17, ['aaaaa bbbbb ccccc', 'dddddddddddd']],
  ])('%o at %i', (lines, width, expected) => {
    const indent = /^\s*/.exec(lines[0]!)![0];
    expect(withoutOrphan(lines, width, indent)).toEqual(expected);
  });
});

describe('a panel in the live transcript', () => {
  it('leaves no word alone on the last line of a wrapped panel line', () => {
    const text = 'Northbridge is answering, just slowly. We send about 1,150/s; they are completing about 800/s and the queue grows.';
    const entry = { role: 'system', kind: 'panel', text, title: 'Partner integration', ref: 'partner-queue', clock: '02:57', phase: 'triage', atMs: 0 } as const;
    const lines = formatEntry(entry as unknown as TranscriptEntry, { colour: false, width: 60, echoCandidate: false })!.split('\n');
    const body = lines.filter((l) => l.startsWith('  │ ')).map((l) => l.slice(4));
    expect(body.length).toBeGreaterThan(1);
    for (const l of body) expect(l.trim().split(/\s+/).length).toBeGreaterThan(1);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(60);
    expect(body.join(' ')).toBe(text);
  });
});
