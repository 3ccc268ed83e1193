/**
 * The README's sample outputs are the CLI's real output, so they cannot drift. After changing
 * an answer, `npm run readme:samples` rewrites them (scripts/readme/samples.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectedLines, findSamples, realOutput, shellWords } from "../scripts/readme/samples.js";
import { projectRoot } from "../src/core/paths.js";

const samples = findSamples(readFileSync(join(projectRoot(), "README.md"), "utf8"));

describe("the README's sample outputs", () => {
  it("are found: one per command shown with `$ npm run -s cli -- …`", () => {
    expect(samples.length).toBeGreaterThanOrEqual(12);
    expect(shellWords(`search "Is the JEF legally binding?" --json`)).toEqual([
      "search",
      "Is the JEF legally binding?",
      "--json",
    ]);
  });

  it.each(samples.map((sample) => [sample.argv.join(" "), sample] as const))(
    "`%s` shows what the CLI prints (refresh with `npm run readme:samples`)",
    async (_, sample) => {
      const real = expectedLines(sample, await realOutput(sample.argv));
      expect(sample.shown).toEqual(real);
    },
  );
});
