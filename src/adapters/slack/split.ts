/**
 * Cutting long text to Slack's per-block limits at word boundaries, and bold highlights that
 * survive the cut: a quote split across blocks keeps every word, and bold is applied only where
 * Slack renders it, so no stray `*` enters a quote.
 */
import { escapeSlack } from "./escape.js";

/**
 * Splits `text` into [start, end) pieces whose measured size fits `budget`, at whitespace where
 * it can; a single word longer than the budget is split between characters.
 */
export function splitToFit(
  text: string,
  budget: number,
  measure: (start: number, end: number) => number,
): Array<[number, number]> {
  // Most texts fit whole: then there is nothing to split.
  if (measure(0, text.length) <= budget) return [[0, text.length]];
  const pieces: Array<[number, number]> = [];
  const breaks: number[] = [];
  for (let i = 1; i < text.length; i++)
    if (/\s/.test(text[i] as string) && !/\s/.test(text[i - 1] as string)) breaks.push(i);
  let start = 0;
  while (start < text.length) {
    if (measure(start, text.length) <= budget) {
      pieces.push([start, text.length]);
      break;
    }
    const candidates = breaks.filter((b) => b > start);
    let end = largestFitting(candidates, (b) => measure(start, b) <= budget);
    if (end === undefined) {
      const positions: number[] = [];
      for (let i = start + 1; i < text.length; i++)
        if (!isLowSurrogate(text.charCodeAt(i))) positions.push(i);
      end =
        largestFitting(positions, (p) => measure(start, p) <= budget) ??
        positions[0] ??
        text.length;
    }
    pieces.push([start, end]);
    start = end;
    while (start < text.length && /\s/.test(text[start] as string)) start++;
  }
  return pieces.length > 0 ? pieces : [[0, 0]];
}

/** The largest sorted candidate for which `ok` holds, assuming `ok` mostly holds for a prefix. */
function largestFitting(sorted: readonly number[], ok: (n: number) => boolean): number | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let best: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = sorted[mid] as number;
    if (ok(value)) {
      best = value;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Where the verbatim highlights occur in the quote, merged where they overlap. */
export function highlightRanges(
  quote: string,
  highlights: readonly string[],
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const highlight of highlights) {
    if (highlight.trim() === "") continue;
    for (
      let at = quote.indexOf(highlight);
      at !== -1;
      at = quote.indexOf(highlight, at + highlight.length)
    )
      ranges.push([at, at + highlight.length]);
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

const WORDISH = /[\p{L}\p{N}*_~`]/u;

/**
 * The slice [a, b) of the quote, escaped, with highlights in bold. Bold is applied only where
 * Slack will render it (at word edges, within one line), so no stray `*` enters a quote.
 */
export function highlighted(
  quote: string,
  a: number,
  b: number,
  ranges: readonly (readonly [number, number])[],
): string {
  let out = "";
  let at = a;
  for (const [rs, re] of ranges) {
    let s = Math.max(rs, a);
    let e = Math.min(re, b);
    while (s < e && /\s/.test(quote[s] as string)) s++;
    while (e > s && /\s/.test(quote[e - 1] as string)) e--;
    if (s >= e || s < at) continue;
    const inner = quote.slice(s, e);
    const before = quote[s - 1];
    const after = quote[e];
    const boldable =
      !/[\n*]/.test(inner) &&
      !(before && WORDISH.test(before)) &&
      !(after && WORDISH.test(after)) &&
      !/[\s]/.test(inner[0] as string);
    if (!boldable) continue;
    out += `${escapeSlack(quote.slice(at, s))}*${escapeSlack(inner)}*`;
    at = e;
  }
  return out + escapeSlack(quote.slice(at, b));
}
