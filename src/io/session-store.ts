import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { dataDir } from './home.js';
import { writeFileDurably, type DurableFs } from './durable-write.js';
import { savedProblem } from './saved-schema.js';
import { debriefOnDisplayScale } from '../scoring/scale.js';
import type { Debrief } from '../debrief/types.js';
import type { TranscriptEntry } from '../round/transcript.js';
import type { SignalId } from '../rubric/types.js';
import type { ScenarioKind } from '../scenario/types.js';
import { UserError } from '../errors.js';
import { idSuffix, shortRefs, type RoundEnding } from '../debrief/history.js';

// Saved rounds on disk: <data>/sessions/<id>.jsonl (the journal, written as the round plays) and
// <id>.json (the finished record, written atomically at the end). No shared index file: listing
// reads the directory, so two rounds saving at once never touch the same file.

export interface SessionScenario {
  id: string;
  kind: ScenarioKind;
  title: string;
  /** The signals the scenario targets, so history can follow them even without a debrief. */
  signals?: SignalId[];
}

export interface SessionRecord {
  version: 1;
  id: string;
  scenario: SessionScenario;
  startedAt: string;
  endedAt: string;
  status: 'complete' | 'interrupted';
  /**
   * How a complete round ended: 'done' played through, 'time' ran out of time, 'end' stopped early
   * (/end, or the answers ran out). Absent in records saved before it was kept.
   */
  ended?: RoundEnding;
  seed: number;
  transcript: TranscriptEntry[];
  /** Absent (or null) when the round ended before it could be scored. */
  debrief?: Debrief | null;
}

export { dataDir } from './home.js';

export function sessionsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'sessions');
}

/** "2026-11-28T17-05-09-payment-auth-3am-ab12": sortable by time, readable, unique with the suffix. */
export function sessionId(scenarioId: string, startedAt: Date, suffix: string): string {
  const stamp = startedAt.toISOString().slice(0, 19).replace(/:/g, '-');
  const slug = scenarioId.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'round';
  return `${stamp}-${slug}-${suffix}`;
}

export function writeRecord(dir: string, record: SessionRecord, fs?: DurableFs): string {
  const path = join(dir, `${record.id}.json`);
  writeFileDurably(path, `${JSON.stringify(record, null, 2)}\n`, fs ? { fs } : {});
  return path;
}

export function readRecord(path: string): SessionRecord {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new UserError(`${path}: no such file`);
    throw new UserError(`${path}: not a saved mockloop round (${e.code ?? e.message})`);
  }
  const problem = savedProblem('record', value);
  if (problem) throw new UserError(`${path}: not a saved mockloop round (${problem})`);
  const record = value as SessionRecord;
  // a round saved before the display scale holds rubric points: shown on the scale like any other
  if (record.debrief) record.debrief = debriefOnDisplayScale(record.debrief);
  return record;
}

export interface SessionFiles {
  id: string;
  record?: string;
  journal?: string;
}

/** Every saved round in `dir`, by id (oldest first), with its record and/or journal path. */
export function listSessionFiles(dir: string): SessionFiles[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    // an unreadable directory is the user's to fix, not a bug
    throw new UserError(`${dir}: cannot read the saved rounds (${code ?? (err as Error).message})`);
  }
  const byId = new Map<string, SessionFiles>();
  for (const name of names) {
    const m = /^(.+)\.(json|jsonl)$/.exec(name);
    // dotfiles (the record's temporaries) are not rounds; neither is any "x.y.json"
    if (!m || name.startsWith('.') || m[1]!.includes('.')) continue;
    const id = m[1]!;
    const files = byId.get(id) ?? { id };
    if (m[2] === 'json') files.record = join(dir, name);
    else files.journal = join(dir, name);
    byId.set(id, files);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * What `mockloop debrief <ref>` names: a path to a .json record or .jsonl journal, or a saved id
 * (or an unambiguous prefix of one). Records win over journals of the same round.
 */
export function resolveSession(ref: string, dir: string): { kind: 'record' | 'journal'; path: string } {
  const looksLikePath = ref.includes('/') || ref.includes('\\') || /\.jsonl?$/.test(ref);
  if (looksLikePath) {
    const path = resolve(ref);
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      // not a file: try it as an id below
    }
    if (isFile) return { kind: path.endsWith('.jsonl') ? 'journal' : 'record', path };
  }
  const sessions = listSessionFiles(dir);
  const id = basename(ref).replace(/\.jsonl?$/, '');
  const exact = sessions.find((s) => s.id === id);
  let matches = exact ? [exact] : sessions.filter((s) => s.id.startsWith(id));
  // the short ref history shows: the id's random suffix
  if (matches.length === 0) matches = sessions.filter((s) => idSuffix(s.id) === id);
  if (matches.length === 0) {
    throw new UserError(`no saved round matches "${ref}" in ${dir} (mockloop history lists them)`);
  }
  if (matches.length > 1) {
    const more = matches.length > 5 ? `\n  … and ${matches.length - 5} more (mockloop history lists them)` : '';
    const shown = matches.slice(0, 5).map((s) => `  ${s.id}`).join('\n') + more;
    throw new UserError(`"${ref}" matches ${matches.length} saved rounds; give more of the id:\n${shown}`);
  }
  const m = matches[0]!;
  return m.record ? { kind: 'record', path: m.record } : { kind: 'journal', path: m.journal! };
}

/** The short ref `mockloop history` shows for a saved round (its id's suffix when that is unique). */
export function shortRefOf(id: string, dir: string): string {
  const ids = listSessionFiles(dir).map((s) => s.id);
  if (!ids.includes(id)) ids.push(id);
  return shortRefs(ids)[ids.indexOf(id)]!;
}

/**
 * The latest saved round, finished or not: what `mockloop debrief` shows with no ref. Latest is
 * the one written last (ids sort by the second a round started, and two can start in the same one).
 */
export function latestSession(dir: string): { kind: 'record' | 'journal'; path: string } {
  let latest: { kind: 'record' | 'journal'; path: string; at: number } | undefined;
  for (const s of listSessionFiles(dir)) {
    const found = s.record ? { kind: 'record' as const, path: s.record } : { kind: 'journal' as const, path: s.journal! };
    let at = 0;
    try {
      at = statSync(found.path).mtimeMs;
    } catch {
      // gone since the listing: not a candidate
      continue;
    }
    if (!latest || at >= latest.at) latest = { ...found, at };
  }
  if (!latest) throw new UserError(`no saved rounds yet in ${dir}`, 1, 'play one with: mockloop run payment-auth-3am');
  return { kind: latest.kind, path: latest.path };
}
