import { ContentError } from '../errors.js';
import { loadCatalogue, sortScenarios, type LoadedScenario } from '../content/index.js';
import { SCENARIO_KINDS, type ScenarioKind } from '../scenario/types.js';

export interface ListOptions {
  kind?: string;
  json?: boolean;
  scenarios?: string;
}

export interface ScenarioListing {
  id: string;
  kind: ScenarioKind;
  title: string;
  minutes: number;
  signals: string[];
}

export function listing(s: LoadedScenario): ScenarioListing {
  const { id, kind, title, minutes, signals } = s.scenario;
  return { id, kind, title, minutes, signals: [...signals] };
}

/** A plain aligned table; the last column is left ragged. */
export function formatTable(rows: readonly ScenarioListing[]): string {
  const header = ['ID', 'KIND', 'MIN', 'TITLE', 'SIGNALS'];
  const cells = [header, ...rows.map((r) => [r.id, r.kind, String(r.minutes), r.title, r.signals.join(', ')])];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  return cells
    .map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

export async function listCommand(opts: ListOptions): Promise<void> {
  const { scenarios, problems } = await loadCatalogue({ scenarios: opts.scenarios });
  const shown = sortScenarios(scenarios, SCENARIO_KINDS)
    .filter((s) => opts.kind === undefined || s.scenario.kind === opts.kind)
    .map(listing);
  if (opts.json) process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  else if (shown.length > 0) process.stdout.write(`${formatTable(shown)}\n`);
  else process.stderr.write(opts.kind ? `no ${opts.kind} scenarios found\n` : 'no scenarios found\n');
  // the good scenarios are listed; the broken files still make the command fail
  if (problems.length > 0) throw new ContentError(problems);
}
