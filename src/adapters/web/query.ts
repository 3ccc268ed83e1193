/**
 * The page's query parameters, checked before anything reads them: text is sanitised like chat
 * input and bounded; numbers must be whole and in range. A bad parameter is a one-line message
 * naming it, never an exception.
 */
import { sanitizeText, shorten } from "../../core/input.js";
import { MAX_DEPTH } from "../../core/map/select.js";

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: string };

export interface MapQuery {
  readonly reading?: string;
  readonly focus?: string;
  readonly depth?: number;
}

export interface SearchQuery {
  readonly query: string;
  readonly page: number;
}

/** The same bounds as `/map focus:` and `/search query:` in chat. */
const MAX_FOCUS = 200;
const MAX_READING = 100;
export const MAX_SEARCH_PAGE = 50;

function text(params: URLSearchParams, name: string): string | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const clean = sanitizeText(raw);
  return clean === "" ? undefined : clean;
}

function wholeNumber(
  params: URLSearchParams,
  name: string,
  min: number,
  max: number,
): Parsed<number | undefined> {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return { ok: true, value: undefined };
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max)
    return {
      ok: false,
      problem: `${name} must be a whole number from ${min} to ${max}, not “${shorten(sanitizeText(raw), 40)}”.`,
    };
  return { ok: true, value };
}

export function parseMapQuery(params: URLSearchParams): Parsed<MapQuery> {
  const reading = text(params, "reading");
  const focus = text(params, "focus");
  if (reading && reading.length > MAX_READING)
    return { ok: false, problem: `reading is at most ${MAX_READING} characters: a reading's id.` };
  if (focus && focus.length > MAX_FOCUS)
    return {
      ok: false,
      problem: `focus is at most ${MAX_FOCUS} characters: a node id, a pillar or a few words.`,
    };
  const depth = wholeNumber(params, "depth", 1, MAX_DEPTH);
  if (!depth.ok) return depth;
  return {
    ok: true,
    value: {
      ...(reading ? { reading } : {}),
      ...(focus ? { focus } : {}),
      ...(depth.value !== undefined ? { depth: depth.value } : {}),
    },
  };
}

export function parseSearchQuery(params: URLSearchParams): Parsed<SearchQuery> {
  const query = text(params, "q");
  if (!query)
    return { ok: false, problem: "q is missing: give the words to search for, e.g. ?q=JEF." };
  const page = wholeNumber(params, "page", 1, MAX_SEARCH_PAGE);
  if (!page.ok) return page;
  return { ok: true, value: { query, page: page.value ?? 1 } };
}
