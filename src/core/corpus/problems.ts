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

/** The reading folder a problem belongs to (the first segment of its path), if any. */
export function readingOf(problem: CorpusProblem): string | undefined {
  const [first, ...rest] = problem.file.split(/[\\/]/);
  return rest.length > 0 ? first : undefined;
}

/** Problems grouped by reading folder, in the order the readings were first met. */
export function problemsByReading(
  problems: readonly CorpusProblem[],
): Map<string | undefined, CorpusProblem[]> {
  const groups = new Map<string | undefined, CorpusProblem[]>();
  for (const problem of problems) {
    const reading = readingOf(problem);
    groups.set(reading, [...(groups.get(reading) ?? []), problem]);
  }
  return groups;
}

/** Every problem, under a line naming the reading it belongs to. */
export function formatProblemsByReading(problems: readonly CorpusProblem[], indent = "  "): string {
  const lines: string[] = [];
  for (const [reading, group] of problemsByReading(problems)) {
    const count = `${group.length} problem${group.length === 1 ? "" : "s"}`;
    lines.push(
      reading === undefined
        ? `${indent}the corpus folder (${count}):`
        : `${indent}reading "${reading}" fails its checks (${count}):`,
    );
    for (const problem of group) lines.push(`${indent}  - ${formatProblem(problem)}`);
  }
  return lines.join("\n");
}

/** Thrown when a corpus cannot be used; the program must not start with a partial corpus. */
export class CorpusError extends Error {
  override readonly name = "CorpusError";
  constructor(readonly problems: readonly CorpusProblem[]) {
    super(
      `Corpus: ${problems.length} problem${problems.length === 1 ? "" : "s"} found; fix them and run \`npm run validate\`:\n` +
        formatProblemsByReading(problems),
    );
  }
}
