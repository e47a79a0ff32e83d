import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheDir, makeDirs } from '../io/home.js';
import type { Problem } from '../errors.js';
import type { SignalId } from '../rubric/types.js';
import type { ScenarioKind } from '../scenario/types.js';
import { BUILTIN_RUBRIC, contentFilesIn, scenarioDirs, type SearchPathOptions } from './paths.js';

// `mockloop list` answers from a small cache of scenario summaries, valid while every content
// file on the search path (and the rubric they are checked against) keeps its size and
// modification time. A hit never loads the YAML parser or the schema validator; any change,
// new file or removed file falls back to the full, validating load, which refreshes the cache.

export interface ScenarioListing {
  id: string;
  kind: ScenarioKind;
  title: string;
  minutes: number;
  signals: SignalId[];
}

interface Stamp {
  size: number;
  mtimeMs: number;
}

interface CacheFile {
  version: 1;
  /** The search path the listings were made for, and each file's stamp. */
  files: Record<string, Stamp>;
  listings: ScenarioListing[];
}


const KINDS: readonly unknown[] = ['design', 'incident', 'behavioral'];

/** A listing as written: anything else (a damaged or edited cache) means the cache is rebuilt. */
function isListing(value: unknown): value is ScenarioListing {
  const l = value as Partial<ScenarioListing> | null;
  return (
    typeof l === 'object' &&
    l !== null &&
    typeof l.id === 'string' &&
    KINDS.includes(l.kind) &&
    typeof l.title === 'string' &&
    typeof l.minutes === 'number' &&
    Number.isFinite(l.minutes) &&
    Array.isArray(l.signals) &&
    l.signals.every((s) => typeof s === 'string')
  );
}

function cachePath(env: Record<string, string | undefined>): string {
  return path.join(cacheDir(env), 'listings-v1.json');
}

/** Every file whose change would change the listing, with its stamp; undefined if any is unreadable. */
async function stamps(opts: SearchPathOptions): Promise<Record<string, Stamp> | undefined> {
  try {
    const files = [BUILTIN_RUBRIC];
    for (const { dir } of scenarioDirs(opts)) files.push(dir, ...(await contentFilesIn(dir)));
    const out: Record<string, Stamp> = {};
    for (const f of files) {
      const s = await stat(f);
      out[f] = { size: s.size, mtimeMs: s.mtimeMs };
    }
    return out;
  } catch {
    return undefined;
  }
}

function sameStamps(a: Record<string, Stamp>, b: Record<string, Stamp>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => b[k] !== undefined && b[k]!.size === a[k]!.size && b[k]!.mtimeMs === a[k]!.mtimeMs);
}

/** The cached listings when nothing on the search path changed since they were made. */
export async function readCachedListings(
  opts: SearchPathOptions,
): Promise<{ hit?: ScenarioListing[]; stamp?: Record<string, Stamp> }> {
  const stamp = await stamps(opts);
  if (!stamp) return {};
  try {
    const cached = JSON.parse(await readFile(cachePath(opts.env ?? process.env), 'utf8')) as CacheFile;
    if (cached.version === 1 && Array.isArray(cached.listings) && cached.listings.every(isListing) && sameStamps(stamp, cached.files)) {
      return { hit: cached.listings, stamp };
    }
  } catch {
    // no cache yet, or an unreadable one: it is rebuilt below
  }
  return { stamp };
}

/** Store listings made from a clean, fully validated load. Best effort: a cache is never required. */
export async function writeCachedListings(
  opts: SearchPathOptions,
  stamp: Record<string, Stamp>,
  listings: ScenarioListing[],
): Promise<void> {
  const file = cachePath(opts.env ?? process.env);
  try {
    makeDirs(path.dirname(file));
    const tmp = `${file}.${process.pid}.tmp`;
    const body: CacheFile = { version: 1, files: stamp, listings };
    await writeFile(tmp, JSON.stringify(body));
    await rename(tmp, file);
  } catch {
    // an unwritable cache directory only costs speed
  }
}

/**
 * Every scenario on the search path as a listing: from the cache when nothing changed,
 * otherwise from a full validating load (which refreshes the cache when it is clean).
 */
export async function scenarioListings(opts: SearchPathOptions): Promise<{ listings: ScenarioListing[]; problems: Problem[] }> {
  const cached = await readCachedListings(opts);
  if (cached.hit) return { listings: cached.hit, problems: [] };
  const { loadCatalogue } = await import('./catalogue.js');
  const catalogue = await loadCatalogue(opts);
  const listings = catalogue.scenarios.map(({ scenario: { id, kind, title, minutes, signals } }) => ({
    id,
    kind,
    title,
    minutes,
    signals: [...signals],
  }));
  if (catalogue.problems.length === 0 && cached.stamp) await writeCachedListings(opts, cached.stamp, listings);
  return { listings, problems: catalogue.problems };
}
