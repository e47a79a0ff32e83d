// Candidate-derived text (evidence, transcript lines) is echoed back to the terminal. Anything that
// could move the cursor, change colours, set the window title or reorder text is removed first.

// CSI (ESC [ or 8-bit 0x9B) params + final byte; OSC/DCS/PM/APC/SOS strings up to BEL or ST;
// any other two-byte ESC sequence.
const ESCAPES =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u0090\u009d\u009e\u009f\u0098])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u007e]?/g;
// C0 and C1 controls except tab/newline/carriage return, DEL, and the bidi overrides/isolates
// that can make text render in an order different from its bytes.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export interface SanitizeOptions {
  /** Keep line breaks (transcripts); otherwise all whitespace runs become one space (evidence). */
  multiline?: boolean;
}

export function sanitize(text: string, options: SanitizeOptions = {}): string {
  let out = text.replace(ESCAPES, '').replace(CONTROLS, '');
  if (options.multiline) {
    out = out.replace(/\r\n?/g, '\n').replace(/\t/g, '  ');
    return out.replace(/[ \u00a0]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
  }
  return out.replace(/\s+/g, ' ').trim();
}
