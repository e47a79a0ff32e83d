import { existsSync } from 'node:fs';
import { UserError } from '../errors.js';
import { renderDebrief, type DebriefFormat } from '../debrief/render.js';
import { recoverRound, renderRecovered } from '../debrief/recovered.js';
import { jsonOutput } from '../debrief/render-json.js';
import { stdoutStyle } from '../io/colour.js';
import { readJournal, roundHolder } from '../io/journal.js';
import { latestSession, readRecord, resolveSession, sessionsDir, shortRefOf, type SessionRecord } from '../io/session-store.js';
import { writeErr, writeOut } from '../io/output.js';

export interface DebriefCommandOptions {
  format?: string;
  /** Terminal: every beat with its quote and the investigation. */
  full?: boolean;
  /** Terminal: the summary plus the time per phase and the investigation. */
  timeline?: boolean;
  /** Extra scenario directories, to find the scenario of a journal being replayed. */
  scenarios?: string;
}

const NOT_SCORED =
  'This round stopped before it was scored and could not be replayed, so there are no signal scores: only the timing, the investigation and the transcript are shown.';

export async function debriefCommand(ref: string | undefined, opts: DebriefCommandOptions): Promise<void> {
  const format = (opts.format ?? 'text') as DebriefFormat;
  if (!['text', 'md', 'json'].includes(format)) throw new UserError(`unknown format "${format}"; use text, md or json`);
  const dir = sessionsDir();
  const found = ref === undefined ? latestSession(dir) : resolveSession(ref, dir);
  const { colour, width } = stdoutStyle();
  const detail = { ...(opts.full ? { full: true } : {}), ...(opts.timeline ? { timeline: true } : {}) };
  const saved = (id: string) => ({ sessionId: id, ref: shortRefOf(id, dir) });

  let record: SessionRecord | undefined;
  if (found.kind === 'record') {
    try {
      record = readRecord(found.path);
    } catch (err) {
      // a record cut short (a full disk) or damaged: its journal still holds the round
      const journalPath = found.path.replace(/\.json$/, '.jsonl');
      if (!(err instanceof UserError) || !existsSync(journalPath)) throw err;
      writeErr(`mockloop: ${err.message}; rebuilding the round from its journal\n`);
      found.kind = 'journal';
      found.path = journalPath;
    }
  }
  if (record) {
    if (record.debrief) {
      writeOut(renderDebrief(record.debrief, { format, colour, width, title: record.scenario.title, ...saved(record.id), ...detail }));
      return;
    }
    const recovered = recoverRound({ id: record.id, scenario: record.scenario, transcript: record.transcript, note: NOT_SCORED });
    write(format, recovered, width);
    return;
  }

  const journal = readJournal(found.path);
  for (const p of journal.problems) writeErr(`${found.path}:${p.line}: ${p.message}\n`);
  if (!journal.start) throw new UserError(`${found.path}: not a mockloop journal (no start event)`);
  const { replayJournal } = await import('../io/replay.js');
  const replayed = await replayJournal(journal, opts.scenarios === undefined ? {} : { scenarios: opts.scenarios });
  if ('debrief' in replayed) {
    const holder = roundHolder(found.path);
    if (holder !== undefined) writeErr(`mockloop: this round is being played now (process ${holder}); here is its debrief so far, rebuilt from the journal\n`);
    else {
      const carryOn = journal.start.id ? ` (mockloop resume ${journal.start.id} carries it on)` : '';
      writeErr(`mockloop: this round was interrupted; its debrief was rebuilt by replaying the journal${carryOn}\n`);
    }
    if (replayed.warning) writeErr(`mockloop: ${replayed.warning}\n`);
    const title = `${journal.start.scenario.title} (interrupted)`;
    writeOut(renderDebrief(replayed.debrief, { format, colour, width, title, ...(journal.start.id ? saved(journal.start.id) : {}), ...detail }));
    return;
  }
  const recovered = recoverRound({
    id: journal.start.id,
    scenario: journal.start.scenario,
    transcript: journal.transcript,
    ...(journal.start.phases ? { phases: journal.start.phases } : {}),
    ...(journal.start.actionKinds ? { actionKinds: journal.start.actionKinds } : {}),
    note: `${NOT_SCORED} (${replayed.reason}.)`,
  });
  write(format, recovered, width);
}

function write(format: DebriefFormat, recovered: ReturnType<typeof recoverRound>, width: number): void {
  if (format === 'json') {
    const { id, scenario, transcript, phases, timeline, milestones, note } = recovered;
    const out = { id, scenario, status: 'interrupted', transcript, debrief: null, recovered: { phases, timeline, milestones, note } };
    writeOut(jsonOutput(out));
    return;
  }
  writeOut(renderRecovered(recovered, format, width));
}
