/**
 * Text that Discord renders: markdown escaped so every character shows as written, and mentions
 * broken with an invisible space so no text (a student's query echoed back, a hostile label) can
 * ping anyone or render as a mention — on top of `allowed_mentions: { parse: [] }` on every message.
 */

const ZERO_WIDTH_SPACE = "\u200b";

/** Characters that start or end markdown anywhere in a line. */
const INLINE_MARKDOWN = /[\\*_~`|[\]]/g;

/** Markers that mean something only at the start of a line: headings, quotes, lists. */
const LINE_START_MARKER = /^([ \t]*)(#|>|-|\+|\d+(?=\.))/;

/** Control characters other than tab and line breaks. */
const CONTROL = /(?![\t\n\r])\p{Cc}/gu;

// Tests without the `g` flag (a global regex's `test` moves its `lastIndex`): most text has
// nothing to escape, and is then returned as it is rather than copied by every `replace`.
const HAS_INLINE_MARKDOWN = /[\\*_~`|[\]]/;
const HAS_CONTROL = /(?![\t\n\r])\p{Cc}/u;
const HAS_MENTION = /@(everyone|here)|<(?=[@#/:]|a:|t:)/i;
/** A line-start marker on any line after the first (as {@link LINE_START_MARKER} after a "\n"). */
const LATER_LINE_START_MARKER = /\n([ \t]*)(#|>|-|\+|\d+(?=\.))/g;

/**
 * Breaks every mention form Discord parses — `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>`,
 * `<#id>`, `</command:id>`, custom emoji and timestamps — without changing what a reader sees.
 */
export function neutralizeMentions(text: string): string {
  if (!HAS_MENTION.test(text)) return text;
  return text
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(?=[@#/:]|a:|t:)/gi, `<${ZERO_WIDTH_SPACE}`);
}

/**
 * Escapes markdown so the text renders exactly as written. `atLineStart` says whether the text
 * begins a line (where `#`, `>`, `-` and `1.` would start a heading, quote or list).
 */
export function escapeMarkdown(text: string, atLineStart = true): string {
  let out = HAS_CONTROL.test(text) ? text.replace(CONTROL, "") : text;
  if (HAS_INLINE_MARKDOWN.test(out)) out = out.replace(INLINE_MARKDOWN, "\\$&");
  if (atLineStart) out = escapeLineStart(out);
  // Every later line starts after a "\n" (only "\n" ends a line here, not "\r" or U+2028).
  return out.includes("\n") ? out.replace(LATER_LINE_START_MARKER, escapeLaterLineStart) : out;
}

function escapeLaterLineStart(_whole: string, indent: string, marker: string): string {
  return /^\d/.test(marker) ? `\n${indent}${marker}\\` : `\n${indent}\\${marker}`;
}

function escapeLineStart(line: string): string {
  const match = LINE_START_MARKER.exec(line);
  if (!match) return line;
  const [whole, indent = "", marker = ""] = match;
  // "1." becomes "1\." — the digits stay, the dot that makes the list is escaped.
  return /^\d/.test(marker)
    ? `${indent}${marker}\\${line.slice(whole.length)}`
    : `${indent}\\${marker}${line.slice(whole.length)}`;
}

/** Text for places that render markdown: message content, embed titles, descriptions, fields. */
export function escapeText(text: string, atLineStart = true): string {
  return neutralizeMentions(escapeMarkdown(text, atLineStart));
}

/** Text for places that show it plainly (button labels, choice names, modal titles). */
export function plainText(text: string): string {
  return neutralizeMentions(text.replace(CONTROL, "").replace(/\s+/g, " ").trim());
}

/** Headings, labels and names are one line, whatever their source holds. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A URL safe to put in a markdown link, or undefined when it is not a plain http(s) URL. */
export function linkTarget(url: string): string | undefined {
  if (!/^https?:\/\/[^\s<>"]+$/i.test(url) || url.length > 512) return undefined;
  return url.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

/**
 * Shortens text that is ours (a title, a label) until its escaped form fits `max`, marking the
 * cut with "…". Never used on quotes: those are split, not shortened.
 */
export function fitEscaped(
  text: string,
  max: number,
  render: (t: string) => string = escapeText,
): string {
  const full = render(text);
  if (full.length <= max) return full;
  let keep = Math.min(text.length, max);
  while (keep > 0) {
    const candidate = render(shortenAtWord(text, keep));
    if (candidate.length <= max) return candidate;
    keep = Math.floor(keep * 0.9) - 1;
  }
  return "…";
}

/** The first `max` characters (including the "…"), cut at a word boundary when one is near. */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return "…";
  let cut = text.slice(0, max - 1);
  // Do not leave half of a surrogate pair behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Control characters other than tab and line breaks: they have no place in a case file. */
const COPY_CONTROL = /(?![\t\n\r])\p{Cc}/gu;

/**
 * Text that is safe inside a code block: no run of backticks can close the fence early (an
 * invisible space sits between any two), no mention can form, no control characters.
 */
export function fenceSafe(text: string): string {
  return neutralizeMentions(text.replace(COPY_CONTROL, "").replace(/`(?=`)/g, "`\u200b"));
}
