import { basename } from 'node:path';
import { UserError } from '../errors.js';
import { SIGNAL_IDS, type SignalId } from '../rubric/types.js';
import type { ScoreReport } from '../scoring/types.js';
import { readTextInput } from '../io/input.js';
import { jsonOutput } from '../debrief/render-json.js';
import { stdoutStyle } from '../io/colour.js';
import { wrap } from '../debrief/text.js';
import { writeOut } from '../io/output.js';

export interface ScoreCommandOptions {
  signal?: string;
  json?: boolean;
  format?: string;
}

export interface ScoredStory {
  file: string;
  report: ScoreReport;
}

function checkSignal(id: string | undefined): SignalId | undefined {
  if (id === undefined) return undefined;
  if ((SIGNAL_IDS as readonly string[]).includes(id)) return id as SignalId;
  throw new UserError(`unknown signal "${id}"; the signals are: ${SIGNAL_IDS.join(', ')}`);
}

/** Levels at or above which a story can carry a signal in an interview. */
const SOLID = 3;

export async function scoreCommand(files: string[], opts: ScoreCommandOptions): Promise<void> {
  const signal = checkSignal(opts.signal);
  const format = opts.json ? 'json' : (opts.format ?? 'text');
  if (!['text', 'md', 'json'].includes(format)) {
    throw new UserError(`unknown format "${format}"; use text, md or json`);
  }
  const sources = files.length > 0 ? files : ['-'];
  if (sources.includes('-') && process.stdin.isTTY) {
    throw new UserError('score needs a story: give a file (mockloop score story.md) or pipe one in (cat story.md | mockloop score -)');
  }
  const texts = await Promise.all(sources.map(async (f) => ({ file: f, text: await readTextInput(f) })));
  for (const { file, text } of texts) {
    if (text.trim() === '') throw new UserError(`${file === '-' ? 'stdin' : file}: empty, nothing to score`);
  }

  const [{ loadRubric }, { compileRubric, scoreText }, { reportOnDisplayScale }, render] = await Promise.all([
    import('../content/index.js'),
    import('../scoring/index.js'),
    import('../scoring/scale.js'),
    import('../debrief/render.js'),
  ]);
  const rubric = compileRubric((await loadRubric()).rubric);
  const opt = signal ? { signals: [signal] } : {};
  // a story alone is levelled by the rubric's own thresholds; what is shown is on the display scale
  const thresholds = rubric.spec.scoring.levelThresholds;
  const stories: ScoredStory[] = texts.map(({ file, text }) => ({ file, report: reportOnDisplayScale(scoreText(text, rubric, opt), thresholds) }));
  const { colour, width } = stdoutStyle();

  if (stories.length === 1) {
    const { report, file } = stories[0]!;
    const title = file === '-' ? undefined : basename(file);
    let out = render.renderScoreReport(report, {
      format: format as 'text' | 'md' | 'json',
      colour,
      width,
      ...(title ? { title } : {}),
      ...(signal ? { targets: [signal] } : {}),
    });
    if (format !== 'json') out += framingsLine(report, width);
    writeOut(out);
    return;
  }

  const bank = storyBank(stories, rubric.spec.signals.map((s) => ({ id: s.id, short: s.short ?? s.name })));
  if (format === 'json') {
    writeOut(jsonOutput(bankJson(stories, bank)));
    return;
  }
  writeOut(format === 'md' ? bankMarkdown(bank) : bankText(bank, colour, width));
}

function framingsLine(report: ScoreReport, width: number): string {
  const carried = report.signals.filter((s) => s.level >= SOLID).sort((a, b) => b.score - a.score);
  if (carried.length < 2) return '';
  const names = carried.map((s) => s.name).join('; ');
  return `\n${wrap(`This story can be framed for ${carried.length} signals: ${names}. Lead with the one the question asks for.`, width).join('\n')}\n`;
}

/**
 * `score --json` with several files: each story as the one-file object (`signals` and `overall`,
 * PRODUCT.md's contract) with its `file`, then the bank's summary: each signal's strongest solid
 * story and the signals with none.
 */
export function bankJson(stories: readonly ScoredStory[], bank: StoryBank): {
  stories: ({ file: string } & ScoreReport)[];
  best: StoryBank['best'];
  uncovered: SignalId[];
} {
  return {
    stories: stories.map(({ file, report }) => ({ file, signals: report.signals, overall: report.overall })),
    best: bank.best,
    uncovered: bank.uncovered,
  };
}

export interface StoryBank {
  signals: { id: SignalId; short: string }[];
  stories: { file: string; levels: Record<string, number>; scores: Record<string, number>; salad: boolean }[];
  /** For each signal, the strongest story, if any reaches solid. */
  best: Record<string, string | null>;
  /** Signals with no story at level 3 or above yet. */
  uncovered: SignalId[];
}

export function storyBank(stories: ScoredStory[], signals: { id: SignalId; short: string }[]): StoryBank {
  const present = signals.filter((s) => stories.some((st) => st.report.signals.some((r) => r.id === s.id)));
  const rows = stories.map(({ file, report }) => ({
    file,
    levels: Object.fromEntries(report.signals.map((s) => [s.id, s.level])),
    scores: Object.fromEntries(report.signals.map((s) => [s.id, s.score])),
    salad: report.overall.salad,
  }));
  const best: Record<string, string | null> = {};
  const uncovered: SignalId[] = [];
  for (const s of present) {
    let top: { file: string; level: number; score: number } | undefined;
    for (const r of rows) {
      const level = r.levels[s.id] ?? 0;
      const score = r.scores[s.id] ?? 0;
      if (level >= SOLID && (!top || level > top.level || (level === top.level && score > top.score))) top = { file: r.file, level, score };
    }
    best[s.id] = top?.file ?? null;
    if (!top) uncovered.push(s.id);
  }
  return { signals: present, stories: rows, best, uncovered };
}

const LEVEL_MARK = ['·', '1', '2', '3', '4'];

function bankText(bank: StoryBank, colour: boolean, width: number): string {
  const codes = bank.signals.map((_, i) => `S${i + 1}`);
  const nameWidth = Math.min(40, Math.max(5, ...bank.stories.map((s) => basename(s.file).length)));
  const lines: string[] = [];
  lines.push(`${'story'.padEnd(nameWidth)}  ${codes.map((c) => c.padStart(3)).join(' ')}`);
  for (const s of bank.stories) {
    const name = basename(s.file);
    const cells = bank.signals.map((sig) => {
      const level = s.levels[sig.id] ?? 0;
      const mark = LEVEL_MARK[level] ?? '·';
      const cell = mark.padStart(3);
      if (!colour) return cell;
      return level >= 3 ? `\u001b[32m${cell}\u001b[39m` : level === 2 ? `\u001b[33m${cell}\u001b[39m` : cell;
    });
    const tail = s.salad ? '  (reads as a list of terms)' : '';
    lines.push(`${(name.length > nameWidth ? `${name.slice(0, nameWidth - 1)}…` : name).padEnd(nameWidth)}  ${cells.join(' ')}${tail}`);
  }
  lines.push('');
  bank.signals.forEach((sig, i) => {
    const best = bank.best[sig.id];
    lines.push(...wrap(`${sig.short}${best ? `: best story ${basename(best)}` : ': no solid story yet'}`, width, `${codes[i]!.padStart(3)}  `));
  });
  lines.push('');
  lines.push('Levels: · no signal, 1 weak, 2 mixed, 3 solid, 4 strong.');
  if (bank.uncovered.length > 0) {
    const names = bank.uncovered.map((id) => bank.signals.find((s) => s.id === id)?.short ?? id);
    lines.push(...wrap(`No solid story yet for: ${names.join(', ')}.`, width));
  } else {
    lines.push('Every signal has at least one solid story.');
  }
  return `${lines.join('\n')}\n`;
}

function bankMarkdown(bank: StoryBank): string {
  const lines: string[] = ['# Story bank', ''];
  lines.push(`| story | ${bank.signals.map((s) => s.short).join(' | ')} |`);
  lines.push(`|---|${bank.signals.map(() => ':-:').join('|')}|`);
  for (const s of bank.stories) {
    lines.push(`| ${basename(s.file)} | ${bank.signals.map((sig) => LEVEL_MARK[s.levels[sig.id] ?? 0]).join(' | ')} |`);
  }
  lines.push('', 'Levels: · no signal, 1 weak, 2 mixed, 3 solid, 4 strong.', '');
  if (bank.uncovered.length > 0) {
    const names = bank.uncovered.map((id) => bank.signals.find((s) => s.id === id)?.short ?? id);
    lines.push(`**No solid story yet for:** ${names.join(', ')}.`);
  } else {
    lines.push('Every signal has at least one solid story.');
  }
  return `${lines.join('\n')}\n`;
}
