/**
 * User text in: bounded, normalised and stripped of control characters before anything reads it.
 * Text from chat is hostile by default; this is the one gate it passes.
 */

/** No option value is longer than this before schema checks, whatever the platform sends. */
export const MAX_INPUT_LENGTH = 2000;

// C0/C1 controls, bidi overrides and zero-width characters: invisible, and used to spoof text.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/** Normalises user text (NFKC), removes invisible characters and folds whitespace. */
export function sanitizeText(text: string, maxLength = MAX_INPUT_LENGTH): string {
  return text
    .slice(0, maxLength * 4)
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(/\s+/g, " ")
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
  for (const match of line.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? "");
  return words;
}
