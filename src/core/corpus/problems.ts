/**
 * Problems found while loading a corpus. Every pipeline step reports problems as values, so the
 * loader can show all of them at once; {@link CorpusError} carries them out of the pipeline.
 */

/** Stable codes: tests and tooling match on these, people read the message. */
type ProblemCode =
  | "file-missing"
  | "file-unreadable"
  | "yaml-syntax"
  | "schema"
  | "text-structure"
  | "scrape-mismatch"
  | "duplicate-id"
  | "duplicate-document"
  | "quote-not-verbatim"
  | "quote-wrong-paragraph"
  | "paragraph-missing"
  | "pull-quote-not-verbatim"
  | "dangling-relation"
  | "support-cycle"
  | "pillar-without-claims"
  | "glossary-term-absent"
  | "paragraph-uncited"
  | "no-documents";

export interface CorpusProblem {
  readonly code: ProblemCode;
  /** Path of the file at fault, relative to the corpus root. */
  readonly file: string;
  /** The node, glossary term or paragraph at fault, when there is one. */
  readonly where?: string;
  /** What is wrong and what to do about it. */
  readonly message: string;
}

export function formatProblem(problem: CorpusProblem): string {
  const where = problem.where ? ` [${problem.where}]` : "";
  return `${problem.file}${where}: ${problem.code}: ${problem.message}`;
}

/** Thrown when a corpus cannot be used; the program must not start with a partial corpus. */
export class CorpusError extends Error {
  override readonly name = "CorpusError";
  constructor(readonly problems: readonly CorpusProblem[]) {
    super(
      `Corpus: ${problems.length} problem${problems.length === 1 ? "" : "s"} found; fix them and run \`npm run validate\`:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join("\n"),
    );
  }
}
