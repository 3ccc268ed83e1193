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
  // Words are runs of non-space, each after its separator (as /(\s*)(\S+)/g would find them).
  let at = 0;
  while (at < text.length) {
    const separatorStart = at;
    let newline = false;
    for (; at < text.length && isSpace(text.charCodeAt(at)); at++)
      if (text.charCodeAt(at) === NEWLINE) newline = true;
    if (at === text.length) break;
    const start = at;
    while (at < text.length && !isSpace(text.charCodeAt(at))) at++;
    const end = at;
    const separator = start - separatorStart;
    // Rendering word by word costs at least as much as rendering the span at once (bold runs
    // merge across spaces), so a span whose words fit is sure to fit.
    const word = renderedLength(text, bold, start, end) + (newline ? 1 : 0);
    if (span && cost + separator + word <= budget) {
      span[1] = end;
      cost += separator + word;
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

const NEWLINE = 0x0a;

/** Whether a UTF-16 code unit is whitespace by the regular expressions' `\s`. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Which characters of `text` fall inside a highlight, or undefined when none does (most text:
 * then nothing is allocated and nothing is scanned for bold runs).
 */
function boldMask(text: string, highlights: readonly string[]): Uint8Array | undefined {
  let mask: Uint8Array | undefined;
  for (const highlight of highlights) {
    if (highlight.trim() === "") continue;
    for (
      let at = text.indexOf(highlight);
      at !== -1;
      at = text.indexOf(highlight, at + highlight.length)
    ) {
      mask ??= new Uint8Array(text.length);
      mask.fill(1, at, at + highlight.length);
    }
  }
  if (!mask) return undefined;
  // Whitespace between two bold words stays inside the bold run; at a run's edge it stays outside.
  for (let start = 0; start < text.length; start++) {
    if (!isSpace(text.charCodeAt(start))) continue;
    let end = start + 1;
    while (end < text.length && isSpace(text.charCodeAt(end))) end++;
    mask.fill(start > 0 && mask[start - 1] === 1 && mask[end] === 1 ? 1 : 0, start, end);
    start = end;
  }
  return mask;
}

/**
 * The length of `renderSpan(text, bold, start, end)` for one word, counted without rendering it
 * when the word holds nothing but plain characters and markdown (each markdown character gains
 * its backslash, each bold run its four asterisks). A word with `@`, `<` or a control character
 * is rendered: mentions and removed characters are the escaper's business.
 */
function renderedLength(
  text: string,
  bold: Uint8Array | undefined,
  start: number,
  end: number,
): number {
  let length = end - start;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === AT || code === LESS_THAN || code < 0x20 || (code >= 0x7f && code <= 0x9f))
      return renderSpan(text, bold, start, end).length;
    if (isInlineMarkdown(code)) length++;
    if (bold?.[i] === 1 && (i === start || bold[i - 1] !== 1)) length += 4;
  }
  return length;
}

const AT = 0x40;
const LESS_THAN = 0x3c;

/** The characters escape.ts escapes anywhere in a line: \\ * _ ~ ` | [ ] */
function isInlineMarkdown(code: number): boolean {
  return (
    code === 0x5c ||
    code === 0x2a ||
    code === 0x5f ||
    code === 0x7e ||
    code === 0x60 ||
    code === 0x7c ||
    code === 0x5b ||
    code === 0x5d
  );
}

/** `text[start, end)` rendered: escaped, bold runs wrapped in `**`, never starting a line. */
function renderSpan(
  text: string,
  bold: Uint8Array | undefined,
  start: number,
  end: number,
): string {
  if (!bold) return escapeText(text.slice(start, end), false);
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
  bold: Uint8Array | undefined,
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
    const boldStarts = bold?.[i] === 1 && (i === spanStart || bold[i - 1] !== 1);
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
