/**
 * Page chrome: the lines a page prints around the text (skip links, share buttons, image
 * credits, date lines, bylines). Each rule names what it drops, for the ingest report.
 */
import { findDate } from "./dates.js";

export interface ChromeMatch {
  readonly reason: string;
  /** What the line tells about the page, when it is a date line or a byline. */
  readonly date?: string;
  readonly genre?: string;
  readonly author?: string;
  readonly publisher?: string;
}

const RULES: readonly (readonly [RegExp, string])[] = [
  [/^skip to (main )?(content|navigation|main)\b/i, "skip link"],
  [
    /^(image|photo|picture|illustration|cover image|header image)( credit| courtesy| source)?s?\s*[:|–—-]/i,
    "image credit",
  ],
  [/^(credit|photo credit|image credit)s?\b/i, "image credit"],
  [
    /^(share( this( article| page| post)?)?|tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|reddit|copy link|share on \w+)$/i,
    "share button",
  ],
  [
    /^(menu|search|subscribe|sign up|sign in|log in|login|read more|related( articles| content)?|back to top|home|next|previous|donate|newsletter)$/i,
    "navigation",
  ],
  [/^(we use cookies|this (web)?site uses cookies|accept( all)? cookies)/i, "cookie notice"],
  [/^(tags?|topics?|categories|filed under)\s*:/i, "tag list"],
];

const BYLINE =
  /^(?:by|written by|author:?)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:and\s+|&\s+)?\p{Lu}[\p{L}.'’-]*){1,5})$/iu;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)\s*(?:\d{4}(?:[–-]\d{4})?\s*)?(.*?)[.]?$/i;

/** Why `line` is chrome, or undefined when it may be text. */
export function matchChrome(line: string): ChromeMatch | undefined {
  for (const [pattern, reason] of RULES) if (pattern.test(line)) return { reason };
  const byline = BYLINE.exec(line);
  if (byline?.[1]) return { reason: "byline", author: byline[1] };
  const copyright = COPYRIGHT.exec(line);
  if (copyright) {
    const owner = copyright[1]?.replace(/\.?\s*all rights reserved\.?$/i, "").trim();
    return { reason: "copyright line", ...(owner ? { publisher: owner } : {}) };
  }
  return dateLine(line);
}

/**
 * A short line that is mostly a date ("Commentary | 6 December 2023", "Published 6 Dec 2023"):
 * the words left beside the date, if few, name the genre.
 */
function dateLine(line: string): ChromeMatch | undefined {
  if (words(line) > 10 || /[.!?]["”’]?$/.test(line)) return undefined;
  const date = findDate(line);
  if (!date) return undefined;
  const rest = line
    .replace(date.matched, " ")
    .split(/[|•·–—,]/)
    .map((part) => part.replace(/\b(published|posted|updated|on)\b/gi, "").trim())
    .filter(Boolean);
  if (rest.join(" ").split(/\s+/).filter(Boolean).length > 4) return undefined;
  const genre = rest.find((part) => /^\p{Lu}[\p{L} -]*$/u.test(part));
  return { reason: "date line", date: date.iso, ...(genre ? { genre } : {}) };
}

export function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
