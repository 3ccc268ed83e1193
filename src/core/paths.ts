import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root: the nearest directory above this module with a package.json. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("paths: no package.json above this module");
    dir = parent;
  }
  return dir;
}

/** The shipped corpus; the running program may point elsewhere through configuration. */
export function defaultCorpusRoot(): string {
  return join(projectRoot(), "corpus");
}
