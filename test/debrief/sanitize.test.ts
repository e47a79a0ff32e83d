import { describe, expect, it } from 'vitest';
import { sanitize } from '../../src/debrief/sanitize.js';

describe('sanitize', () => {
  it.each([
    ['plain text', 'I paged the IM.', 'I paged the IM.'],
    ['SGR colour', 'we \u001b[31mrolled back\u001b[0m', 'we rolled back'],
    ['cursor movement and clear screen', 'a\u001b[2J\u001b[H\u001b[10;5Hb', 'ab'],
    ['private mode (hide cursor)', 'x\u001b[?25ly', 'xy'],
    ['OSC window title ended by BEL', '\u001b]0;pwned\u0007ok', 'ok'],
    ['OSC 8 hyperlink ended by ST', '\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\', 'link'],
    ['8-bit CSI', 'a\u009b31mb', 'ab'],
    ['lone ESC and two-byte sequences', 'a\u001bcb\u001b', 'ab'],
    ['backspace and bell', 'rate\b\b\blimit\u0007', 'ratelimit'],
    ['carriage return overwrite', 'safe\rEVIL', 'safe EVIL'],
    ['bidi override', 'abc\u202edcba\u202c', 'abcdcba'],
    ['DEL and NUL', 'a\u007fb\u0000c', 'abc'],
    ['whitespace runs collapse', '  one\n\ttwo   three ', 'one two three'],
    ['unicode kept', 'p99 → 4.2s ✓ naïve 日本', 'p99 → 4.2s ✓ naïve 日本'],
  ])('%s', (_name, input, expected) => {
    expect(sanitize(input)).toBe(expected);
  });

  it('keeps line breaks in multiline mode but still strips escapes', () => {
    expect(sanitize('first\r\n\u001b[1msecond\u001b[0m\n\n\n\nthird\t!', { multiline: true })).toBe('first\nsecond\n\nthird  !');
  });

  it('never leaves an ESC or C0/C1 control behind', () => {
    let all = '';
    for (let i = 0; i < 0xa0; i++) all += `${String.fromCharCode(i)}x`;
    const out = sanitize(all, { multiline: true });
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});
