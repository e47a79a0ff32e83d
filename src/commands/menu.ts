import { UserError } from '../errors.js';
import type { ScenarioKind } from '../scenario/types.js';
import type { SignalId } from '../rubric/types.js';
import { drillScenario } from '../round/drill.js';
import { loadCompiledRubric, playScenario } from './run.js';

const COMMANDS = ['run', 'drill', 'list', 'score', 'debrief', 'resume', 'history', 'validate', 'new'];

type RoundType = ScenarioKind | 'drill' | 'resume' | 'weakest';

/** The weakest signal in history, for the menu's "practise your weakest signal". */
async function weakestSignal(): Promise<{ signal: SignalId; why: string } | undefined> {
  try {
    const { sessionsDir } = await import('../io/session-store.js');
    const { readPastRounds } = await import('../io/past-rounds.js');
    const { pickDrill } = await import('../debrief/history.js');
    const pick = pickDrill(readPastRounds(sessionsDir(), () => {}));
    return pick?.reason === 'weakest' ? pick : undefined;
  } catch {
    return undefined;
  }
}

/** The newest interrupted round not being played elsewhere: offered first in the menu. */
async function interruptedRound(): Promise<{ id: string; title: string; startedAt: string } | undefined> {
  try {
    const { sessionsDir } = await import('../io/session-store.js');
    const { readJournal, stoppedRounds } = await import('../io/journal.js');
    const latest = stoppedRounds(sessionsDir()).at(-1);
    const start = latest ? readJournal(latest.journal).start : undefined;
    return start && latest ? { id: latest.id, title: start.scenario.title, startedAt: start.startedAt } : undefined;
  } catch {
    // an unreadable data directory just means nothing to offer
    return undefined;
  }
}

/** `mockloop` alone: pick a round type, then a scenario, then play it. */
export async function menuCommand(args: string[], opts: { scenarios?: string }): Promise<void> {
  if (args.length > 0) {
    const { didYouMean } = await import('../content/suggest.js');
    throw new UserError(`unknown command "${args[0]}"${didYouMean(args[0]!, COMMANDS)} (run mockloop --help for usage)`);
  }
  if (!process.stdin.isTTY) {
    throw new UserError('mockloop: the menu needs a terminal; use `mockloop run <id>` (ids: mockloop list), with --answers FILE or answers piped on stdin');
  }
  const terminal = await import('../io/terminal.js');
  const { Interrupted } = await import('../io/play.js');
  // Ctrl-C at a menu leaves quietly: nothing has been played yet
  const choose: typeof terminal.choose = async (message, choices) => {
    try {
      return await terminal.choose(message, choices);
    } catch (err) {
      if (err instanceof Interrupted) throw new UserError('Cancelled; nothing was played.', 130);
      throw err;
    }
  };
  const { loadCatalogue } = await import('../content/index.js');
  const catalogue = await loadCatalogue(opts.scenarios ? { scenarios: opts.scenarios } : {});
  const rubric = await loadCompiledRubric();
  const count = (kind: ScenarioKind) => catalogue.scenarios.filter((s) => s.scenario.kind === kind).length;
  const unfinished = await interruptedRound();
  const weakest = await weakestSignal();
  const { sanitize } = await import('../debrief/sanitize.js');
  const weakestName = weakest ? (rubric.spec.signals.find((s) => s.id === weakest.signal)?.name ?? weakest.signal) : '';
  const type = await choose<RoundType>('What do you want to practise?', [
    ...(unfinished
      ? [
          {
            name: `Resume where you stopped: ${sanitize(unfinished.title)}`,
            value: 'resume' as const,
            description: `Started ${unfinished.startedAt.slice(0, 16).replace('T', ' ')} UTC (mockloop resume ${unfinished.id})`,
          },
        ]
      : []),
    { name: `Incident: the 3am page (${count('incident')})`, value: 'incident', description: 'The interviewer plays the system; ask for telemetry in your own words.' },
    { name: `System design with inline probes (${count('design')})`, value: 'design' },
    { name: `Behavioral / hiring manager (${count('behavioral')})`, value: 'behavioral' },
    ...(weakest
      ? [{ name: `Practise your weakest signal: ${sanitize(weakestName)}`, value: 'weakest' as const, description: `A drill: ${weakest.why}.` }]
      : []),
    { name: 'Drill one signal (one prompt, with follow-ups)', value: 'drill' },
  ]);
  if (type === 'weakest') {
    await playScenario({ scenario: drillScenario(rubric.spec, weakest!.signal), rubric, save: true, ...(opts.scenarios ? { scenarios: opts.scenarios } : {}) });
    return;
  }
  if (type === 'resume') {
    const { resumeCommand } = await import('./resume.js');
    await resumeCommand(unfinished!.id, opts.scenarios ? { scenarios: opts.scenarios } : {});
    return;
  }
  if (type === 'drill') {
    const signal = await choose<SignalId>(
      'Which signal?',
      rubric.spec.signals.map((s) => ({ name: s.name, value: s.id, description: s.description })),
    );
    await playScenario({ scenario: drillScenario(rubric.spec, signal), rubric, save: true, ...(opts.scenarios ? { scenarios: opts.scenarios } : {}) });
    return;
  }
  const options = catalogue.scenarios.filter((s) => s.scenario.kind === type);
  if (options.length === 0) throw new UserError(`no ${type} scenarios found (see mockloop list)`);
  const picked = await choose(
    'Which round?',
    options.map((s) => ({ name: `${s.scenario.title}  (${s.scenario.minutes} min)`, value: s.scenario, description: `${s.scenario.id}: ${s.scenario.summary}` })),
  );
  await playScenario({ scenario: picked, rubric, save: true, ...(opts.scenarios ? { scenarios: opts.scenarios } : {}) });
}
