/**
 * `npm run readme:samples`: rewrites the README's sample outputs with what the CLI prints now
 * (see scripts/readme/samples.ts). Run it after changing an answer; the README test then passes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../src/core/paths.js";
import { findSamples, refreshSamples } from "./readme/samples.js";

const path = join(projectRoot(), "README.md");
const before = readFileSync(path, "utf8");
const after = await refreshSamples(before);
writeFileSync(path, after);
process.stderr.write(
  `${after === before ? "README.md already matched" : "Updated README.md"}: ${findSamples(after).length} samples.\n`,
);
