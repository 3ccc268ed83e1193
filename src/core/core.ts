/**
 * The core that every command runs against: the trusted corpus model and its search index.
 * It knows nothing of Discord, Slack or terminals.
 */
import { randomBytes, randomInt } from "node:crypto";
import type { CorpusModel } from "./corpus/model.js";
import { loadTrustedCorpus } from "./corpus/pipeline.js";
import { SearchIndex } from "./search/search-index.js";

/**
 * What commands ask of the search index. A core limited to one reading (see `readings.ts`)
 * answers the same questions from that reading only.
 */
export type CorpusSearch = Pick<
  SearchIndex,
  | "lexicon"
  | "explain"
  | "weigh"
  | "passageOf"
  | "searchParagraphs"
  | "searchNodes"
  | "statingOrder"
  | "toJSON"
>;

export interface Core {
  readonly corpus: CorpusModel;
  readonly search: CorpusSearch;
  /**
   * Signs a drill round that travels through the user (in a button id or a form), so any
   * process can trust it without a session store: `DRILL_SECRET`, shared by every process that
   * answers the same students.
   */
  readonly drillSecret: string;
  /** Where the map page is published (e.g. `https://bot.example.edu`), for answers to link to it. */
  readonly publicUrl?: string;
  /** The time, in milliseconds since the epoch (practice drills date their rounds with it). */
  readonly now: () => number;
  /** A uniformly random whole number from 0 to `below - 1` (a drill's first objection). */
  readonly randomInt: (below: number) => number;
}

export interface CoreOptions {
  /** A minisearch index serialised with `SearchIndex#toJSON` for the same corpus. */
  readonly serialisedIndex?: string;
  /** See {@link Core.drillSecret}; a random one per process when not set. */
  readonly drillSecret?: string;
  /** See {@link Core.publicUrl}. */
  readonly publicUrl?: string;
  /** See {@link Core.now}; `Date.now` when not set (tests pin the clock). */
  readonly now?: () => number;
  /** See {@link Core.randomInt}; `crypto.randomInt` when not set (tests fix the draw). */
  readonly randomInt?: (below: number) => number;
}

/**
 * Loads, checks and indexes the corpus. Throws a `CorpusError` listing every problem when the
 * corpus cannot be trusted: the program must not start on a partial corpus.
 */
export function createCore(corpusRoot: string, options: CoreOptions = {}): Core {
  const corpus = loadTrustedCorpus(corpusRoot);
  const search = options.serialisedIndex
    ? SearchIndex.load(corpus, options.serialisedIndex)
    : SearchIndex.build(corpus);
  return {
    corpus,
    search,
    drillSecret: options.drillSecret ?? randomBytes(32).toString("hex"),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    now: options.now ?? Date.now,
    randomInt: options.randomInt ?? ((below) => randomInt(below)),
  };
}
