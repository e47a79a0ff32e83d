import { Command, Option } from 'commander';

// Commander wiring only. Each command's module is imported when that command runs,
// so the prompt library, ajv and yaml load only where they are used.

/** The options every played round takes (run and drill); only their help differs. */
function roundOptions(cmd: Command, help: { minutes: string; untimed: string; seed: string }): void {
  cmd
    .option('--minutes <n>', help.minutes)
    .option('--untimed', help.untimed)
    .option('--answers <file>', 'play the turns in this YAML list of strings instead of prompting')
    .option('--json', 'print the transcript and the debrief as one JSON object')
    .option('--no-save', 'do not save the round')
    .option('--full', 'end with the whole debrief: every beat with its quote, the time per phase, the investigation')
    .option('--seed <n>', help.seed);
}

const EXAMPLES: Record<string, string[]> = {
  run: [
    'mockloop run payment-auth-3am                       # a timed incident round',
    'mockloop run hiring-manager-backend --untimed       # no clock',
    'mockloop run payment-auth-3am --answers turns.yaml --json',
  ],
  drill: ['mockloop drill                                # your weakest signal, from history', 'mockloop drill --signal pager-empathy'],
  list: ['mockloop list', 'mockloop list --kind incident --json'],
  validate: ['mockloop validate                             # all built-in content', 'mockloop validate my-pack/checkout-outage.yaml'],
  new: ['mockloop new checkout-outage --kind incident --dir my-pack', 'mockloop new team-loop --kind behavioral'],
  score: ['mockloop score my-3am-story.md', 'mockloop score stories/*.md', 'pbpaste | mockloop score - --format md'],
  debrief: ['mockloop debrief                              # the latest round', 'mockloop debrief eb41 --full                  # every beat, with its quote', 'mockloop debrief eb41 --format md > debrief.md'],
  resume: ['mockloop resume                               # the latest interrupted round', 'mockloop resume eb41 --answers rest.yaml'],
  history: ['mockloop history', 'mockloop history --signal incident-judgement --json'],
};

/** Two or three lines of examples at the end of a command's --help. */
function examples(cmd: Command, lines: string[]): Command {
  return cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
}

export function buildProgram(version: string): Command {
  const program = new Command();
  program
    .name('mockloop')
    .description('An AI-free mock interviewer in the terminal for backend and infrastructure engineers.')
    .version(version, '-V, --version')
    .option('--scenarios <dirs>', 'extra scenario directories, colon-separated (also MOCKLOOP_SCENARIOS)')
    .configureOutput({ outputError: (str, write) => write(usageError(str, 'mockloop --help')) })
    .exitOverride();

  const run = program
    .command('run')
    .description('play one round (incident, design or behavioral); ends with the debrief')
    .argument('<scenario>', 'a scenario id (see mockloop list) or a scenario .yaml file');
  roundOptions(run, {
    minutes: "the round's time budget in minutes (default: the scenario's)",
    untimed: 'no time limit, no warnings',
    seed: 'seed for prompt choices (same seed, same round)',
  });
  run
    .option('--facilitator', "print the facilitator sheet first; at a terminal, review the scorer's verdicts before the debrief")
    .action(async (scenario: string, opts: { minutes?: string; untimed?: boolean; answers?: string; json?: boolean; save?: boolean; seed?: string; facilitator?: boolean; full?: boolean }) => {
      const { runCommand } = await import('./commands/run.js');
      await runCommand(scenario, { ...opts, scenarios: program.opts().scenarios as string | undefined });
    });

  const drill = program
    .command('drill')
    .description("one prompt from a signal's prompt bank, with follow-ups, scored")
    .option('--signal <id>', 'the signal to drill (default: your weakest or least recently practised, from history)');
  roundOptions(drill, {
    minutes: 'time budget in minutes (default 10)',
    untimed: 'no time limit',
    seed: 'seed for the signal and prompt choice',
  });
  drill
    .action(async (opts: { signal?: string; minutes?: string; untimed?: boolean; answers?: string; json?: boolean; save?: boolean; seed?: string; full?: boolean }) => {
      const { drillCommand } = await import('./commands/drill.js');
      await drillCommand({ ...opts, scenarios: program.opts().scenarios as string | undefined });
    });

  // `mockloop` alone: the interactive menu.
  program.allowExcessArguments(true).action(async (_opts: unknown, cmd: Command) => {
    const { menuCommand } = await import('./commands/menu.js');
    await menuCommand(cmd.args, { scenarios: program.opts().scenarios as string | undefined });
  });

  program
    .command('list')
    .description('list the scenarios found, with id, kind, title, minutes and signals')
    .addOption(new Option('--kind <kind>', 'only this kind of round').choices(['design', 'incident', 'behavioral']))
    .option('--json', 'print JSON')
    .action(async (opts: { kind?: string; json?: boolean }) => {
      const { listCommand } = await import('./commands/list.js');
      await listCommand({ ...opts, scenarios: program.opts().scenarios as string | undefined });
    });

  program
    .command('validate')
    .description('check scenario and rubric files; problems as file:line:col: message')
    .argument('[paths...]', 'files or directories (default: all built-in content)')
    .action(async (paths: string[]) => {
      const { validateCommand } = await import('./commands/validate.js');
      await validateCommand(paths, { scenarios: program.opts().scenarios as string | undefined });
    });

  program
    .command('new')
    .description('write a commented scenario template that plays as written, to edit into your own round')
    .argument('<id>', 'the scenario id, also the file name: lower-case letters, digits and hyphens')
    .addOption(new Option('--kind <kind>', 'the kind of round').choices(['incident', 'design', 'behavioral']).makeOptionMandatory())
    .option('--dir <dir>', 'write into this directory (default: the current one)')
    .option('--force', 'overwrite an existing file')
    .action(async (id: string, opts: { kind?: string; dir?: string; force?: boolean }) => {
      const { newCommand } = await import('./commands/new.js');
      await newCommand(id, opts);
    });

  program
    .command('score')
    .description('score written stories against every signal; several files give a story-bank matrix')
    .argument('[files...]', 'story files, or - for stdin')
    .option('--signal <id>', 'only this signal')
    .option('--json', 'print JSON')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'md', 'json']))
    .action(async (files: string[], opts: { signal?: string; json?: boolean; format?: string }) => {
      const { scoreCommand } = await import('./commands/score.js');
      await scoreCommand(files, opts);
    });

  program
    .command('debrief')
    .description("re-print a saved round's debrief (default: the latest round)")
    .argument('[session]', "a saved round: history's short ref, its id (or an unambiguous prefix), a .json record or a .jsonl journal")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .option('--full', 'every beat with its quote, the time per phase and the investigation (Markdown and JSON always have it all)')
    .option('--timeline', 'the summary plus the time per phase and the investigation timeline')
    .action(async (session: string | undefined, opts: { format?: string; full?: boolean; timeline?: boolean }) => {
      const { debriefCommand } = await import('./commands/debrief.js');
      await debriefCommand(session, { ...opts, scenarios: program.opts().scenarios as string | undefined });
    });

  program
    .command('resume')
    .description('carry on an interrupted round where it stopped (default: the latest one)')
    .argument('[session]', 'an interrupted round: its id (or an unambiguous prefix) or its .jsonl journal')
    .option('--answers <file>', 'play the remaining turns from this YAML list of strings instead of prompting')
    .option('--json', 'print the transcript and the debrief as one JSON object')
    .option('--facilitator', "at a terminal, review the scorer's verdicts before the debrief")
    .option('--full', 'end with the whole debrief: every beat with its quote, the time per phase, the investigation')
    .action(async (session: string | undefined, opts: { answers?: string; json?: boolean; facilitator?: boolean; full?: boolean }) => {
      const { resumeCommand } = await import('./commands/resume.js');
      await resumeCommand(session, { ...opts, scenarios: program.opts().scenarios as string | undefined });
    });

  program
    .command('history')
    .description("past rounds, each signal's trend, and what changed between retakes")
    .option('--signal <id>', 'only rounds and trends for this signal')
    .option('--json', 'print JSON')
    .action(async (opts: { signal?: string; json?: boolean }) => {
      const { historyCommand } = await import('./commands/history.js');
      await historyCommand(opts);
    });

  for (const cmd of program.commands) {
    const lines = EXAMPLES[cmd.name()];
    if (lines) examples(cmd, lines);
  }
  examples(program, ['mockloop                          # the menu: pick a round and play it', 'mockloop run payment-auth-3am     # a timed 3am incident round', 'mockloop history                  # past rounds and each signal\'s trend']);
  // a usage error names the help of the command it was made in
  for (const cmd of program.commands) {
    cmd.configureOutput({ outputError: (str, write) => write(usageError(str, `mockloop ${cmd.name()} --help`)) });
  }
  return program;
}

/**
 * Commander's message in mockloop's error style: `error: …` on one line (its "Did you mean"
 * folded in), then one line saying where the usage is.
 */
export function usageError(str: string, help: string): string {
  const [first = '', ...rest] = str.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  const suggestion = rest.map((l) => l.replace(/^\((.*)\)$/, '$1')).join(' ');
  const head = first.startsWith('error:') ? first : `error: ${first}`;
  const said = suggestion ? `${head} (${suggestion.charAt(0).toLowerCase()}${suggestion.slice(1)})` : head;
  return `${said}\nsee ${help}\n`;
}
