import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from './tmux.js';

// One display scale, through the built binary: every score a user sees lies in its level's band
// (no signal 0–9, weak 10–24, mixed 25–49, solid 50–74, strong 75–100), in `score`, in a round's
// debrief, and in a round saved before the scale; and `score --json` has one shape per story.

const home = mkdtempSync(join(tmpdir(), 'mockloop-scale-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function mockloop(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MOCKLOOP_SCENARIOS: '', MOCKLOOP_HOME: home, COLUMNS: '80' },
    timeout: 60000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BANDS: [number, number][] = [
  [0, 9],
  [10, 24],
  [25, 49],
  [50, 74],
  [75, 100],
];
interface Scored {
  id?: string;
  score: number;
  level: number;
}
/** Every score that is not inside its level's band, as "where: level score". */
function outOfBand(where: string, items: readonly Scored[]): string[] {
  return items.flatMap((s) => {
    const [lo, hi] = BANDS[s.level]!;
    return s.score >= lo && s.score <= hi ? [] : [`${where} ${s.id ?? 'overall'}: level ${s.level} score ${s.score}`];
  });
}

const storiesDir = join(ROOT, 'test', 'fixtures', 'stories');
const stories = readdirSync(storiesDir)
  .filter((f) => f.endsWith('.md'))
  .sort();

interface Report {
  signals: (Scored & { id: string; label: string })[];
  overall: Scored & { label: string };
}

describe('mockloop score: one display scale', () => {
  const files = stories.map((f) => join(storiesDir, f));
  const bank = mockloop(['score', '--json', ...files]);
  const parsed = JSON.parse(bank.stdout) as { stories: (Report & { file: string })[]; best: Record<string, string | null>; uncovered: string[] };

  it('every story fixture: each signal and the overall score lie in their level’s band', () => {
    expect(bank.status, bank.stderr).toBe(0);
    expect(parsed.stories).toHaveLength(files.length);
    const off = parsed.stories.flatMap((s) => [...outOfBand(s.file, s.signals), ...outOfBand(s.file, [s.overall])]);
    expect(off).toEqual([]);
  });

  it('several files: each story is the one-file object with its file, then the bank’s summary', () => {
    expect(Object.keys(parsed)).toEqual(['stories', 'best', 'uncovered']);
    for (const i of [0, Math.floor(files.length / 2), files.length - 1]) {
      const one = mockloop(['score', '--json', files[i]!]);
      expect(one.status, one.stderr).toBe(0);
      const single = JSON.parse(one.stdout) as Report;
      // PRODUCT.md's contract for one file, unchanged
      expect(Object.keys(single)).toEqual(['signals', 'overall']);
      expect(parsed.stories[i]).toEqual({ file: files[i], ...single });
    }
    expect(parsed.uncovered.every((id) => parsed.best[id] === null)).toBe(true);
  });

  it('the text shows the same numbers as the JSON', () => {
    const file = join(storiesDir, 'data-integrity-2-ledger-backfill.md');
    const json = JSON.parse(mockloop(['score', '--json', file]).stdout) as Report;
    const text = mockloop(['score', file]).stdout;
    expect(text).toContain(`Overall  ${json.overall.label}  ${json.overall.score}/100`);
    const di = json.signals.find((s) => s.id === 'data-integrity')!;
    expect(text).toMatch(new RegExp(`^Data-integrity decisions under uncertainty +${di.label} +${di.score} `, 'm'));
    expect(text).toMatch(/^No signal in this story: /m);
    expect(text).not.toContain('not targeted');
  });
});

describe('a round and a round saved before the scale', () => {
  const turns = join(home, 'turns.yaml');
  writeFileSync(
    turns,
    [
      "Before touching anything I'd confirm the page. What do p95 latency and the error rate look like?",
      "What's the queue depth on the partner integration?",
      'I declare an incident and page the incident manager.',
      "I won't fail open. The partner is slow, not down, so approvals we give now could be rejected when they catch up. I'll rate limit new authorisations instead.",
      '/end',
    ]
      .map((t) => `- ${JSON.stringify(t)}`)
      .join('\n'),
  );
  const played = mockloop(['run', 'payment-auth-3am', '--answers', turns, '--json']);
  const round = JSON.parse(played.stdout) as { debrief: Report & { scale?: { bands: number[] }; targets: string[] } };

  it('the debrief’s scores lie in their levels’ bands and it says it is on the scale', () => {
    expect(played.status, played.stderr).toBe(0);
    expect(outOfBand('round', [...round.debrief.signals, round.debrief.overall])).toEqual([]);
    expect(round.debrief.scale).toEqual({ bands: [0, 10, 25, 50, 75] });
  });

  it('a saved round holding rubric points is shown on the scale, with the levels it was given', () => {
    const dir = join(home, 'sessions');
    const saved = readdirSync(dir).find((f) => f.endsWith('.json'))!;
    const record = JSON.parse(readFileSync(join(dir, saved), 'utf8'));
    // as a round was saved before the display scale: round points (thresholds 8, 25, 46, 71), no marker
    delete record.debrief.scale;
    const ij = record.debrief.signals.find((s: Scored) => s.id === 'incident-judgement');
    Object.assign(ij, { score: 44, level: 2, label: 'mixed' });
    const di = record.debrief.signals.find((s: Scored) => s.id === 'data-integrity');
    // a red flag held it at weak with 60 points
    Object.assign(di, { score: 60, level: 1, label: 'weak' });
    record.debrief.overall = { ...record.debrief.overall, score: 26, level: 1, label: 'weak' };
    const id = '2020-01-01T00-00-00-payment-auth-3am-0ld5';
    writeFileSync(join(dir, `${id}.json`), JSON.stringify({ ...record, id, startedAt: '2020-01-01T00:00:00.000Z', endedAt: '2020-01-01T00:10:00.000Z' }));

    const debrief = mockloop(['debrief', id, '--format', 'json']);
    expect(debrief.status, debrief.stderr).toBe(0);
    const d = JSON.parse(debrief.stdout) as Report & { scale?: unknown };
    expect(d.signals.find((s) => s.id === 'incident-judgement')).toMatchObject({ level: 2, score: 47 });
    expect(d.signals.find((s) => s.id === 'data-integrity')).toMatchObject({ level: 1, score: 24 });
    expect(outOfBand('old round', [...d.signals, d.overall])).toEqual([]);
    expect(d.overall.level).toBe(1);

    const history = mockloop(['history', '--json']);
    expect(history.status, history.stderr).toBe(0);
    const h = JSON.parse(history.stdout) as { sessions: { id: string; signals: Record<string, Scored> }[]; trends: Record<string, number[]> };
    const old = h.sessions.find((s) => s.id === id)!;
    expect(old.signals['incident-judgement']).toMatchObject({ level: 2, score: 47 });
    // the old round comes first in the trend, on the same scale as the new one
    expect(h.trends['incident-judgement']![0]).toBe(47);

    const text = mockloop(['debrief', id]).stdout;
    expect(text).toMatch(/Incident judgement under pressure +mixed +47 /);
  });
});
