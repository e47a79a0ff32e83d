import { readFileSync } from 'node:fs';
import { roundEnding, type PastRound } from '../debrief/history.js';
import { parseJournal, roundHolder } from './journal.js';
import { listSessionFiles, readRecord, type SessionRecord } from './session-store.js';

// Reads every saved round for `history`: finished records, and journals of rounds that never
// wrote one (interrupted). Unreadable files are reported, not fatal.

export function readPastRounds(dir: string, warn: (message: string) => void): PastRound[] {
  const rounds: PastRound[] = [];
  for (const files of listSessionFiles(dir)) {
    if (files.record) {
      try {
        rounds.push(toPastRound(readRecord(files.record)));
        continue;
      } catch (err) {
        warn(`${(err as Error).message}; skipped`);
        if (!files.journal) continue;
      }
    }
    if (files.journal) {
      try {
        const j = parseJournal(readFileSync(files.journal, 'utf8'));
        if (!j.start) {
          warn(`${files.journal}: no start event; skipped`);
          continue;
        }
        const round: PastRound = { id: j.start.id ?? files.id, scenario: j.start.scenario, startedAt: j.start.startedAt, status: 'interrupted', debrief: null };
        if (roundHolder(files.journal) !== undefined) round.playing = true;
        rounds.push(round);
      } catch (err) {
        warn(`${files.journal}: ${(err as Error).message}; skipped`);
      }
    }
  }
  return rounds;
}

function toPastRound(r: SessionRecord): PastRound {
  const round: PastRound = { id: r.id, scenario: r.scenario, startedAt: r.startedAt, status: r.status, debrief: r.debrief ?? null };
  const ended = roundEnding(r);
  if (ended) round.ended = ended;
  return round;
}
