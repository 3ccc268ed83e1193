/**
 * The one place that defines how the indexes are built and queried. Building at start-up and
 * loading a saved index both use these options (and a saved index records them), so the two
 * cannot give different results.
 */
import type { Options, SearchOptions } from "minisearch";
import { processTerm, tokenize } from "./terms.js";
import type { NodeUnit, ParagraphUnit } from "./units.js";

/** Bump when anything below, or how units are made, changes: older saved indexes are refused. */
export const INDEX_FORMAT = 5;

/**
 * Every key a search passes, declared on the index. minisearch copies its options for every query
 * term as `{ ...indexSearchOptions, ...callOptions }`; on Node 20 such a copy outlives young
 * collections when the second object adds keys the first lacks, and filled the old generation
 * with garbage (issue 16: 3 MB promoted per young collection, 0.3 MB with this).
 */
function declaredSearchKeys(fields: readonly string[]): SearchOptions {
  return {
    tokenize: (text: string) => text.split(" ").filter(Boolean),
    processTerm: (term: string) => term,
    fields: [...fields],
    boostDocument: () => 1,
  };
}

/** Paragraphs: the author's text, and her section headings. */
export const PARAGRAPH_INDEX_OPTIONS: Options<ParagraphUnit> = {
  idField: "id",
  fields: ["text", "section"],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: declaredSearchKeys(["text", "section"]),
};

/** Map nodes: the editors' words about a point (its quotes are the paragraphs' text). */
export const NODE_INDEX_OPTIONS: Options<NodeUnit> = {
  idField: "id",
  fields: ["label", "summary", "tags"],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: declaredSearchKeys(["label", "summary", "tags"]),
};

/**
 * Queries reach minisearch as terms already folded, corrected and stemmed (see query.ts), one
 * per space, so minisearch must not process them again.
 */
const QUERY_TERMS: Pick<SearchOptions, "tokenize" | "processTerm"> = {
  tokenize: (text: string) => text.split(" ").filter(Boolean),
  processTerm: (term: string) => term,
};

/** A heading names a whole section: a match there counts, but less than one in the paragraph. */
export const PARAGRAPH_SEARCH_OPTIONS: SearchOptions = {
  ...QUERY_TERMS,
  boost: { text: 1, section: 0.4 },
  combineWith: "OR",
};

/** Labels and tags are short and chosen by editors, so a match there says more than one in prose. */
export const NODE_SEARCH_OPTIONS: SearchOptions = {
  ...QUERY_TERMS,
  boost: { label: 2, tags: 1.5, summary: 1 },
  combineWith: "OR",
};

/** Equivalents count, but less than the student's own words. */
export const EXPANSION_WEIGHT = 0.5;

/** Prefix matching for an unknown word of four letters or more that starts known words: "interop". */
export const MIN_PREFIX_LENGTH = 4;
