import { UserError } from '../errors.js';
import { SIGNAL_IDS, type SignalId } from '../rubric/types.js';
import { beatLabels, buildHistory, renderHistoryText } from '../debrief/history.js';
import { stdoutStyle } from '../io/colour.js';
import { jsonOutput } from '../debrief/render-json.js';
import { readPastRounds } from '../io/past-rounds.js';
import { sessionsDir } from '../io/session-store.js';
import { writeErr, writeOut } from '../io/output.js';

export interface HistoryCommandOptions {
  signal?: string;
  json?: boolean;
}

function localDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export async function historyCommand(opts: HistoryCommandOptions): Promise<void> {
  if (opts.signal !== undefined && !(SIGNAL_IDS as readonly string[]).includes(opts.signal)) {
    throw new UserError(`unknown signal "${opts.signal}"; the signals are: ${SIGNAL_IDS.join(', ')}`);
  }
  const signal = opts.signal as SignalId | undefined;
  const rounds = readPastRounds(sessionsDir(), (m) => writeErr(`mockloop: ${m}\n`));
  const history = buildHistory(rounds, signal ? { signal } : {});
  if (opts.json) {
    writeOut(jsonOutput(history));
    return;
  }
  const { width } = stdoutStyle();
  writeOut(renderHistoryText(history, { width, formatDate: localDate, beatLabels: beatLabels(rounds) }));
}
