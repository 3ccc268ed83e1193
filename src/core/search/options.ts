/**
 * The one place that defines how the index is built and queried. Building at start-up and
 * loading a serialised index both use these options, so they cannot give different results.
 */
import type { Options, SearchOptions } from "minisearch";
import { processTerm, tokenize } from "./terms.js";
import type { SearchUnit } from "./units.js";

export const INDEX_OPTIONS: Options<SearchUnit> = {
  idField: "id",
  fields: ["text", "section", "label", "tags"],
  storeFields: [],
  tokenize,
  processTerm,
};

/** Prefix matching for words of four letters or more: "coalit" finds "coalition". */
export function prefixMatching(term: string): boolean {
  return term.length >= 4;
}

/**
 * Two edits for long words ("coalitoin"), one for mid-length ("wiling"), none for acronyms, and
 * none for anything with a digit: numbers, years and ids (pasted mentions leave long ones) are
 * meant exactly, and a fuzzy walk of the vocabulary for each costs more than the whole search.
 */
export function typoTolerance(term: string): number | false {
  return term.length >= 5 && !HAS_DIGIT.test(term) ? 0.2 : false;
}

const HAS_DIGIT = /\d/;

export const SEARCH_OPTIONS: SearchOptions = {
  // Labels and tags are short and chosen by editors, so a match there says more than one in prose.
  boost: { label: 2.5, tags: 2, section: 1.5, text: 1 },
  prefix: prefixMatching,
  fuzzy: typoTolerance,
  maxFuzzy: 2,
  combineWith: "OR",
  tokenize,
  processTerm,
};

/** Expansion terms count, but less than the student's own words. */
export const EXPANSION_WEIGHT = 0.5;
