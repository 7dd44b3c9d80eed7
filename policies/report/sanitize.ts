/**
 * Text from the input (waiver reasons, messages, addresses, file names) is untrusted. In reports a
 * human reads on a terminal or a CI page, every control, format (bidi, zero-width) and line/para
 * separator character is shown as a visible escape: a reason cannot start a new line (no forged
 * "PASSED"), move the cursor, recolour, hide or reorder text.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** Printable ASCII needs no escaping: most text is, and a scan is far cheaper than the Unicode regex. */
function plainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

export function cleanText(text: string): string {
  if (plainAscii(text)) return text;
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u{${(c.codePointAt(0) as number).toString(16)}}`);
}
