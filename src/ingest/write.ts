/**
 * Writes a reading folder all at once: everything goes into a hidden temporary folder beside the
 * corpus (which the loader skips), is validated there, and is renamed into place only when it
 * passes. A failure leaves the corpus as it was.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCorpusPipeline } from "../core/corpus/pipeline.js";
import { formatProblem } from "../core/corpus/problems.js";

export interface FolderFiles {
  readonly [name: string]: string | Uint8Array;
}

/**
 * Writes `files` as `<corpus>/<id>/`, replacing an existing reading only when `force` is set.
 * Throws (with nothing left behind) if the new reading does not validate.
 */
export function writeReading(
  corpus: string,
  id: string,
  files: FolderFiles,
  force: boolean,
): string {
  const target = join(corpus, id);
  const createdCorpus = !existsSync(corpus);
  mkdirSync(corpus, { recursive: true });
  const staging = join(corpus, `.ingest-${id}-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(join(staging, id), { recursive: true });
    for (const [name, content] of Object.entries(files))
      writeFileSync(join(staging, id, name), content);
    const check = runCorpusPipeline(staging);
    if (!check.model)
      throw new Error(
        `the drafted reading does not validate (a bug in ingest):\n${check.problems.map(formatProblem).join("\n")}`,
      );
    if (existsSync(target)) {
      if (!force) throw new Error(`${target} appeared while ingesting`);
      const old = join(staging, "previous");
      renameSync(target, old);
    }
    renameSync(join(staging, id), target);
    return target;
  } catch (error) {
    if (createdCorpus) rmSync(corpus, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
