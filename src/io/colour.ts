// Whether to colour output, decided once at the edge and passed into the renderers.

export interface ColourContext {
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

/**
 * NO_COLOR (any non-empty value) turns colour off; FORCE_COLOR turns it on (or off for "0" /
 * "false"); otherwise colour only when writing to a terminal. Also off for TERM=dumb.
 */
export function colourEnabled({ env, isTTY }: ColourContext): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** Columns to wrap at: the terminal's width, else COLUMNS, else 80; capped for readability. */
export function outputWidth(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv = {}): number {
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  const cols = stream.isTTY && stream.columns ? stream.columns : Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80;
  return Math.max(40, Math.min(cols, 120));
}

/** Both decisions for stdout, for commands that render. */
export function stdoutStyle(): { colour: boolean; width: number } {
  return {
    colour: colourEnabled({ env: process.env, isTTY: process.stdout.isTTY === true }),
    width: outputWidth(process.stdout, process.env),
  };
}
