import { ContentError } from '../errors.js';
import { SCENARIO_KINDS } from '../scenario/types.js';
import { scenarioListings, type ScenarioListing } from '../content/listing-cache.js';
import { outputWidth } from '../io/colour.js';
import { wrap } from '../debrief/text.js';
import { jsonOutput } from '../debrief/render-json.js';
import { writeErr, writeOut } from '../io/output.js';

export type { ScenarioListing } from '../content/listing-cache.js';

export interface ListOptions {
  kind?: string;
  json?: boolean;
  scenarios?: string;
}

function sortListings(rows: readonly ScenarioListing[]): ScenarioListing[] {
  return [...rows].sort((a, b) => SCENARIO_KINDS.indexOf(a.kind) - SCENARIO_KINDS.indexOf(b.kind) || a.id.localeCompare(b.id));
}

/**
 * An aligned table, one line per scenario, when it fits `width`; otherwise each scenario is a
 * short block (id, kind and minutes; then its title and signals, wrapped), so nothing is cut.
 */
export function formatTable(rows: readonly ScenarioListing[], width = 80): string {
  const header = ['ID', 'KIND', 'MIN', 'TITLE', 'SIGNALS'];
  const cells = [header, ...rows.map((r) => [r.id, r.kind, String(r.minutes), r.title, r.signals.join(', ')])];
  // folded, not spread: a search path may hold more scenarios than a call takes arguments
  const widths = header.map((_, c) => cells.reduce((n, row) => Math.max(n, row[c]!.length), 0));
  const full = widths.reduce((n, w) => n + w + 2, 0) - 2;
  if (full <= width) {
    return cells
      .map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd())
      .join('\n');
  }
  const blocks = rows.map((r) =>
    [`${r.id}  ${r.kind}, ${r.minutes} min`, ...wrap(r.title, width, '    '), ...wrap(`signals: ${r.signals.join(', ')}`, width, '    ')].join('\n'),
  );
  return blocks.join('\n\n');
}

export async function listCommand(opts: ListOptions): Promise<void> {
  const { listings: all, problems } = await scenarioListings({ scenarios: opts.scenarios });
  const shown = sortListings(all).filter((s) => opts.kind === undefined || s.kind === opts.kind);
  if (opts.json) writeOut(jsonOutput(shown));
  else if (shown.length > 0) {
    // fit a terminal; piped output keeps one line per scenario for grep and friends
    const width = process.stdout.isTTY || process.env.COLUMNS ? outputWidth(process.stdout, process.env) : Infinity;
    writeOut(`${formatTable(shown, width)}\n`);
  } else writeErr(opts.kind ? `no ${opts.kind} scenarios found\n` : 'no scenarios found\n');
  // the good scenarios are listed; the broken files still make the command fail
  if (problems.length > 0) throw new ContentError(problems);
}
