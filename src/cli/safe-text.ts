/**
 * Text from a workbook is the author's, and a hostile author can put terminal controls in a cell or a sheet name
 * (ESC starts the sequences that recolour, move the cursor, retitle the window or rewrite the clipboard; a raw
 * newline can forge a report line). Everything from a workbook or a file name is shown through these before it
 * reaches a terminal.
 */

// C0, DEL and C1 (U+009B is a one-character CSI for some terminals), the Unicode line separators, and the
// bidirectional overrides and isolates that reorder how a line is displayed.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// OOXML's escape for a character XML cannot carry: `_x001B_` is ESC. A reader should decode them; one that did
// not (or a workbook that hid a double escape) still shows the control, never its disguise.
const OOXML_CONTROL = /_x(00[0-1][0-9a-f]|007f|008[0-9a-f]|009[0-9a-f])_/gi;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  const hex = code.toString(16).toUpperCase();
  return code <= 0xff ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

/** One field (a cell's text, a sheet or file name) for a one-line terminal report: every control made visible. */
export function escapeField(s: string): string {
  return s.replace(OOXML_CONTROL, (_, hex: string) => visible(String.fromCharCode(parseInt(hex, 16)))).replace(CONTROL, visible);
}

/** Whole terminal output: our own line breaks stay, any other control is made visible (a safety net). */
export function escapeTerminal(s: string): string {
  return s.replace(CONTROL_BUT_NEWLINE, visible);
}

/**
 * JSON for a terminal or a pipe: JSON.stringify already escapes C0 but passes DEL, C1, line separators and bidi
 * controls through raw. Outside strings JSON is plain ASCII, so escaping them as \uXXXX keeps every value.
 */
export function escapeJson(json: string): string {
  return json.replace(CONTROL_BUT_NEWLINE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
