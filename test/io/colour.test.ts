import { describe, expect, it } from 'vitest';
import { colourEnabled, outputWidth } from '../../src/io/colour.js';

describe('colourEnabled', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ TERM: 'dumb' }, true, false],
  ])('%o, tty %s → %s', (env, isTTY, expected) => {
    expect(colourEnabled({ env, isTTY })).toBe(expected);
  });
});

describe('outputWidth', () => {
  it.each([
    [{ isTTY: true, columns: 100 }, {}, 100],
    [{ isTTY: false }, {}, 80],
    [{ isTTY: false }, { COLUMNS: '64' }, 64],
    [{ isTTY: true, columns: 20 }, {}, 40],
    [{ isTTY: true, columns: 300 }, {}, 120],
  ])('%o %o → %i', (stream, env, expected) => {
    expect(outputWidth(stream, env)).toBe(expected);
  });
});
