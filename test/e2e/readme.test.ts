import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './tmux.js';

// The README's 3am round is a real round: its candidate turns, played by the built binary as
// `run --answers` plays them at 80 columns, print the lines the README shows, its debrief
// headline and per-signal scores included. When the scorer or the scenario changes, this fails
// with what mockloop prints now, to paste over the README's excerpt.

const SECTION = '## A 3am round, as it plays';
const ELLIPSIS = '…';

/** The excerpt: the first ```text block of the section. */
function readmeExcerpt(): { scenario: string; lines: string[] } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf(SECTION));
  const scenario = /real round of `([a-z0-9-]+)`/.exec(section)?.[1];
  const block = /```text\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!scenario || block === undefined) throw new Error(`README.md: no "${SECTION}" excerpt with its scenario id`);
  return { scenario, lines: block.split('\n') };
}

/**
 * The candidate's turns as typed: a line starting with "> " and the lines that carry it on
 * (indented two spaces, and not a box, an ellipsis, a notice or a clock line of the system's).
 */
export function turnsOf(lines: readonly string[]): string[] {
  const turns: string[] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line.startsWith('> ')) {
      current = [line.slice(2)];
      turns.push('');
    } else if (current && /^ {2}\S/.test(line) && !/^ {2}([┌│└…·]|\d\d:\d\d )/.test(line)) {
      current.push(line.trim());
    } else {
      current = undefined;
    }
    if (current) turns[turns.length - 1] = current.join(' ');
  }
  return turns;
}

/** The excerpt cut at its ellipses: each part must appear whole in the output, in order. */
function partsOf(lines: readonly string[]): string[][] {
  const parts: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === ELLIPSIS) parts.push([]);
    else parts[parts.length - 1]!.push(line);
  }
  return parts.filter((p) => p.length > 0);
}

/** A saved round's short ref changes with every run. */
const normal = (line: string) => line.replace(/mockloop debrief [0-9a-f]{4,}/g, 'mockloop debrief <ref>').trimEnd();

/** Where `part` appears whole in `out` at or after `from`, or -1. */
function find(out: readonly string[], part: readonly string[], from: number): number {
  for (let i = from; i + part.length <= out.length; i++) if (part.every((l, j) => normal(out[i + j]!) === normal(l))) return i;
  return -1;
}

describe('the README’s 3am round', () => {
  const { scenario, lines } = readmeExcerpt();
  const turns = turnsOf(lines);
  const home = mkdtempSync(join(tmpdir(), 'mockloop-readme-'));
  const answers = join(home, 'turns.yaml');
  writeFileSync(answers, turns.map((t) => `- ${JSON.stringify(t)}`).join('\n'));
  const r = spawnSync(process.execPath, [BIN, 'run', scenario, '--answers', answers], {
    encoding: 'utf8',
    env: { ...process.env, MOCKLOOP_HOME: home, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: '80' },
    timeout: 60_000,
  });
  const out = r.stdout.split('\n');
  const printed = `mockloop prints now:\n${r.stdout}`;

  it('reads the candidate’s turns from the excerpt', () => {
    expect(turns.length).toBeGreaterThanOrEqual(4);
    expect(turns[0]).toBe("Before touching anything I'd confirm the page. What do p95 latency and the error rate look like?");
    expect(turns.every((t) => t !== '' && !t.includes('  '))).toBe(true);
    expect(r.status, r.stderr).toBe(0);
  });

  it('shows the debrief headline mockloop prints: the overall level and each signal’s score', () => {
    const headline = (text: readonly string[]) => {
      const at = text.findIndex((l) => l.startsWith('Overall '));
      const end = text.indexOf('', at);
      return text.slice(at, end).join(' ');
    };
    const scores = (text: readonly string[]) => text.filter((l) => /^ {2}\S.*\s(no signal|weak|mixed|solid|strong)\s+\d+\s+[█░]+$/.test(l));
    expect(headline(out), printed).toBe(headline(lines));
    expect(scores(lines).length).toBeGreaterThan(0);
    expect(scores(out), printed).toEqual(scores(lines));
  });

  it('shows every line as mockloop prints it, with only whole runs of lines left out', () => {
    let at = 0;
    for (const part of partsOf(lines)) {
      const found = find(out, part, at);
      expect(found, `README.md excerpt lines not printed here (in this order):\n${part.join('\n')}\n\n${printed}`).toBeGreaterThanOrEqual(0);
      at = found + part.length;
    }
  });
});
