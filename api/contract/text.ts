// Invisible characters that can spoof how text reads (Trojan Source) or break storage.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// C0 controls except tab, line feed and carriage return; DEL and C1 controls.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Cleans free text from the form: NFC, no control or bidi-override characters, no lone surrogates,
 * LF line endings. ZWNJ, ZWJ, LRM and RLM are kept because Persian and Arabic need them.
 */
export function cleanText(text: string): string {
  return text
    .toWellFormed()
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARS, '')
    .replace(BIDI_CONTROLS, '')
    .normalize('NFC');
}
