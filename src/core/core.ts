/**
 * The core that every command runs against: the trusted corpus model and its search index.
 * It knows nothing of Discord, Slack or terminals.
 */
import { loadTrustedCorpus } from "./corpus/pipeline.js";
import type { CorpusModel } from "./corpus/model.js";
import { SearchIndex } from "./search/index.js";

export interface Core {
  readonly corpus: CorpusModel;
  readonly search: SearchIndex;
}

/**
 * Loads, checks and indexes the corpus. Throws a `CorpusError` listing every problem when the
 * corpus cannot be trusted: the program must not start on a partial corpus.
 */
export function createCore(corpusRoot: string, serialisedIndex?: string): Core {
  const corpus = loadTrustedCorpus(corpusRoot);
  const search = serialisedIndex ? SearchIndex.load(corpus, serialisedIndex) : SearchIndex.build(corpus);
  return { corpus, search };
}
