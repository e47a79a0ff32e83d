import type { ScoreReport } from '../scoring/types.js';
import type { SignalId } from '../rubric/types.js';
import type { Debrief } from './types.js';
import { renderTerminal, reportLines, legend, makeChalk } from './render-terminal.js';
import { mdEscape, renderMarkdown, reportMarkdown } from './render-markdown.js';
import { jsonOutput, renderJson } from './render-json.js';
import { reportView } from './view.js';

export type DebriefFormat = 'text' | 'md' | 'json';

export interface RenderOptions {
  format?: DebriefFormat;
  colour?: boolean;
  width?: number;
  title?: string;
  /** The saved round's id (terminal only: names the command that lists every missed beat). */
  sessionId?: string;
  /** The saved round's short ref, as history shows it (terminal only). */
  ref?: string;
  /** Terminal: every beat and the investigation, not the summary. */
  full?: boolean;
  /** Terminal: the summary plus the time per phase and the investigation. */
  timeline?: boolean;
}

export function renderDebrief(debrief: Debrief, options: RenderOptions = {}): string {
  switch (options.format ?? 'text') {
    case 'json':
      return renderJson(debrief);
    case 'md':
      return renderMarkdown(debrief, options.title === undefined ? {} : { title: options.title });
    default:
      return renderTerminal(debrief, options);
  }
}

export interface ScoreRenderOptions extends RenderOptions {
  /** Signals to list first (e.g. `score --signal ID`); the rest fold when silent. */
  targets?: SignalId[];
}

/** A ScoreReport alone, as `mockloop score` prints it. */
export function renderScoreReport(report: ScoreReport, options: ScoreRenderOptions = {}): string {
  const view = reportView(report.signals, report.overall, options.targets ?? [], true);
  switch (options.format ?? 'text') {
    case 'json':
      return jsonOutput(report);
    case 'md': {
      const head = `# Score${options.title ? `: ${mdEscape(options.title)}` : ''}`;
      return `${[head, '', ...reportMarkdown(view, 1)].join('\n').trimEnd()}\n`;
    }
    default: {
      const c = makeChalk(options.colour);
      const width = Math.max(40, options.width ?? 80);
      const lines = reportLines(view, { c, width });
      const words = `${report.overall.words} words, ${report.overall.statements} statements`;
      return `${[...lines, '', c.dim(words), legend(c, width)].join('\n')}\n`;
    }
  }
}

export { renderTerminal, renderMarkdown, renderJson };
