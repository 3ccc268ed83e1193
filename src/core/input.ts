/**
 * User text in: bounded, normalised and stripped of control characters before anything reads it.
 * Text from chat is hostile by default; this is the one gate it passes.
 */

/** No option value is longer than this before schema checks, whatever the platform sends. */
export const MAX_INPUT_LENGTH = 2000;

// Control and format characters (C0/C1 controls, bidi overrides, zero-width characters): invisible,
// and used to spoof text. Whitespace is folded to spaces first, so words stay apart.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/** Normalises user text (NFKC), removes invisible characters and folds whitespace. */
export function sanitizeText(text: string, maxLength = MAX_INPUT_LENGTH): string {
  return text
    .slice(0, maxLength * 4)
    .normalize("NFKC")
    .replace(/\s+/g, " ")
    .replace(INVISIBLE, "")
    .replace(/ {2,}/g, " ")
    .trim()
    .slice(0, maxLength);
}

/** Shortens text for echoing in a title, at a word boundary, marking the cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** Splits a command line into words, honouring "double" and 'single' quotes. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|“([^”]*)”|(\S+)/g;
  for (const match of line.matchAll(pattern))
    words.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? "");
  return words;
}
