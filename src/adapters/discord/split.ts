/**
 * Rendering long text in pieces that each fit a Discord limit. Cuts fall between words; a single
 * word longer than a whole piece (only hostile input has those) is cut where it must be. Nothing
 * is dropped: joining the pieces gives back every character. Callers mark every cut visibly.
 */
import { escapeText } from "./escape.js";

/** The smallest piece size the splitter accepts: room for any escaped character in bold. */
export const MIN_PIECE = 16;

/**
 * Renders `text` escaped, with each occurrence of a `highlights` string in bold, as pieces of at
 * most `budget` characters. A piece never starts a line: callers put it after their own prefix.
 */
export function renderInPieces(
  text: string,
  budget: number,
  highlights: readonly string[] = [],
): string[] {
  if (budget < MIN_PIECE)
    throw new RangeError(`renderInPieces: budget ${budget} is below ${MIN_PIECE}`);
  const bold = boldMask(text, highlights);
  const spans: [number, number][] = [];
  let span: [number, number] | undefined;
  let cost = 0;
  for (const match of text.matchAll(/(\s*)(\S+)/g)) {
    const separator = match[1] ?? "";
    const start = (match.index ?? 0) + separator.length;
    const end = start + (match[2]?.length ?? 0);
    // Rendering word by word costs at least as much as rendering the span at once (bold runs
    // merge across spaces), so a span whose words fit is sure to fit.
    const word = renderSpan(text, bold, start, end).length + (separator.includes("\n") ? 1 : 0);
    if (span && cost + separator.length + word <= budget) {
      span[1] = end;
      cost += separator.length + word;
      continue;
    }
    if (span) spans.push(span);
    if (word <= budget) {
      span = [start, end];
      cost = word;
      continue;
    }
    const cuts = cutWord(text, bold, start, end, budget);
    spans.push(...cuts.slice(0, -1));
    span = cuts.at(-1);
    cost = span ? renderSpan(text, bold, span[0], span[1]).length : 0;
  }
  if (span) spans.push(span);
  return spans.map(([start, end]) => renderSpan(text, bold, start, end));
}

/** Which characters of `text` fall inside a highlight. */
function boldMask(text: string, highlights: readonly string[]): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const highlight of highlights) {
    if (highlight.trim() === "") continue;
    for (
      let at = text.indexOf(highlight);
      at !== -1;
      at = text.indexOf(highlight, at + highlight.length)
    ) {
      mask.fill(1, at, at + highlight.length);
    }
  }
  // Whitespace between two bold words stays inside the bold run; at a run's edge it stays outside.
  for (const match of text.matchAll(/\s+/g)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    mask.fill(start > 0 && mask[start - 1] === 1 && mask[end] === 1 ? 1 : 0, start, end);
  }
  return mask;
}

/** `text[start, end)` rendered: escaped, bold runs wrapped in `**`, never starting a line. */
function renderSpan(text: string, bold: Uint8Array, start: number, end: number): string {
  let out = "";
  let runStart = start;
  for (let i = start + 1; i <= end; i++) {
    if (i === end || bold[i] !== bold[runStart]) {
      const escaped = escapeText(text.slice(runStart, i), false);
      out += bold[runStart] ? `**${escaped}**` : escaped;
      runStart = i;
    }
  }
  return out;
}

/**
 * Cuts one over-long word into spans that render within `budget`. Each character's cost is an
 * upper bound on its rendered size (escape, invisible space, bold markers), so every span fits.
 */
function cutWord(
  text: string,
  bold: Uint8Array,
  start: number,
  end: number,
  budget: number,
): [number, number][] {
  const spans: [number, number][] = [];
  let spanStart = start;
  let cost = 0;
  let i = start;
  while (i < end) {
    const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const boldStarts = bold[i] === 1 && (i === spanStart || bold[i - 1] !== 1);
    const charCost = width * 2 + 1 + (boldStarts ? 4 : 0);
    if (cost + charCost > budget && i > spanStart) {
      spans.push([spanStart, i]);
      spanStart = i;
      cost = 0;
      continue;
    }
    cost += charCost;
    i += width;
  }
  if (i > spanStart) spans.push([spanStart, end]);
  return spans;
}
