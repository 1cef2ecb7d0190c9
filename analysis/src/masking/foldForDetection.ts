// Characters that people (or their keyboards and copy-paste) use in place of plain ASCII in numbers and addresses.
const FOLDABLE =
  /[\p{Zs}\p{Cf}\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19\uFF0B\uFE62\uFF20\uFE6B]/gu;

const SPACE_OR_FORMAT = /^[\p{Zs}\p{Cf}]+$/u;

/**
 * Builds the working copy the detectors run on. Every replacement keeps the UTF-16 length, so an
 * offset in the working copy is the same offset in the original and no offset map is needed.
 * Spaces (NBSP, thin, figure …) and invisible format characters (ZWSP, ZWNJ, LRM/RLM …) become ' ',
 * dashes and minus signs become '-', Arabic-Indic, Persian and full-width digits become ASCII digits.
 */
export function foldForDetection(text: string): string {
  return text.replace(FOLDABLE, foldCharacter);
}

function foldCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(0x30 + code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(0x30 + code - 0x06f0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(0x30 + code - 0xff10);
  if (code === 0xff0b || code === 0xfe62) return '+';
  if (code === 0xff20 || code === 0xfe6b) return '@';
  // Astral format characters are two code units, so they become two spaces to keep offsets aligned.
  if (SPACE_OR_FORMAT.test(character)) return ' '.repeat(character.length);
  return '-';
}
