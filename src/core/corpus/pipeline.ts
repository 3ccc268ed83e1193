/**
 * The corpus pipeline: load → validate → check fidelity → build the model. Each step returns
 * its problems as values; the pipeline collects all of them before deciding, so an editor sees
 * every mistake in one run.
 */
import { checkFidelity } from "./fidelity.js";
import { loadCorpus } from "./load.js";
import { buildModel, type CorpusModel } from "./model.js";
import { CorpusError, type CorpusProblem } from "./problems.js";
import { validateCorpus } from "./validate.js";

export interface PipelineResult {
  readonly model: CorpusModel | undefined;
  readonly problems: readonly CorpusProblem[];
  readonly quotesChecked: number;
}

/** Runs every step and reports all problems; `model` is set only when there are none. */
export function runCorpusPipeline(root: string): PipelineResult {
  const loaded = loadCorpus(root);
  const validated = validateCorpus(loaded.corpus);
  const fidelity = checkFidelity(validated.documents);
  const problems = [...loaded.problems, ...validated.problems, ...fidelity.problems];
  const model = problems.length === 0 ? buildModel(validated.documents) : undefined;
  return { model, problems, quotesChecked: fidelity.quotesChecked };
}

/**
 * Loads a corpus the program can trust, or throws a {@link CorpusError} naming every problem.
 *
 * @example
 * const model = loadTrustedCorpus(corpusRoot());
 * model.claimsOf("anisova-2023-no-need-to-wait/coalition");
 */
export function loadTrustedCorpus(root: string): CorpusModel {
  const result = runCorpusPipeline(root);
  if (!result.model) throw new CorpusError(result.problems);
  return result.model;
}
