import { ContentError } from '../errors.js';
import { SCENARIO_KINDS } from '../scenario/types.js';
import { scenarioListings, type ScenarioListing } from '../content/listing-cache.js';
import { outputWidth } from '../io/colour.js';

export type { ScenarioListing } from '../content/listing-cache.js';

export interface ListOptions {
  kind?: string;
  json?: boolean;
  scenarios?: string;
}

function sortListings(rows: readonly ScenarioListing[]): ScenarioListing[] {
  return [...rows].sort((a, b) => SCENARIO_KINDS.indexOf(a.kind) - SCENARIO_KINDS.indexOf(b.kind) || a.id.localeCompare(b.id));
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(1, width - 1))}…`;
}

/**
 * An aligned table that fits the terminal: when a row would be wider than `width`, the title
 * is shortened and the signals go on their own indented line below it.
 */
export function formatTable(rows: readonly ScenarioListing[], width = 80): string {
  const header = ['ID', 'KIND', 'MIN', 'TITLE', 'SIGNALS'];
  const cells = [header, ...rows.map((r) => [r.id, r.kind, String(r.minutes), r.title, r.signals.join(', ')])];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  const full = widths.reduce((n, w) => n + w + 2, 0) - 2;
  if (full <= width) {
    return cells
      .map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd())
      .join('\n');
  }
  const lead = widths[0]! + widths[1]! + widths[2]! + 6;
  const titleWidth = Math.max(12, width - lead);
  const lines: string[] = [];
  cells.forEach((row, i) => {
    const head = [row[0]!.padEnd(widths[0]!), row[1]!.padEnd(widths[1]!), row[2]!.padEnd(widths[2]!), truncate(row[3]!, titleWidth)];
    lines.push(head.join('  ').trimEnd());
    if (i > 0) lines.push(`    ${truncate(row[4]!, width - 4)}`);
  });
  return lines.join('\n');
}

export async function listCommand(opts: ListOptions): Promise<void> {
  const { listings: all, problems } = await scenarioListings({ scenarios: opts.scenarios });
  const shown = sortListings(all).filter((s) => opts.kind === undefined || s.kind === opts.kind);
  if (opts.json) process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  else if (shown.length > 0) {
    // fit a terminal; piped output keeps one line per scenario for grep and friends
    const width = process.stdout.isTTY || process.env.COLUMNS ? outputWidth(process.stdout, process.env) : Infinity;
    process.stdout.write(`${formatTable(shown, width)}\n`);
  } else process.stderr.write(opts.kind ? `no ${opts.kind} scenarios found\n` : 'no scenarios found\n');
  // the good scenarios are listed; the broken files still make the command fail
  if (problems.length > 0) throw new ContentError(problems);
}
