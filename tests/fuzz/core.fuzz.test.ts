import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../commands/index.js";
import { renderTerminal } from "../../src/adapters/console/render.js";
import { optionSpecs } from "../../src/core/command.js";
import { runLine } from "../../src/core/dispatch.js";
import { executeCommand } from "../../src/core/execute.js";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { shippedCore } from "../helpers/corpus.js";
import { FUZZ_RUNS, hostileText, optionValue } from "./arbitraries.js";

const core = shippedCore();
/** Scales with FUZZ_RUNS, so `npm run fuzz` (20,000 runs) does not hit the default 20 s. */
const TIMEOUT_MS = Math.max(20_000, FUZZ_RUNS * 20);
const STATUSES = ["ok", "not-found", "invalid-input", "error"];

describe("every command survives hostile options", () => {
  it.each(catalogue.map((c) => [c.name, c] as const))(
    "/%s",
    async (_name, command) => {
      const names = optionSpecs(command).map((o) => o.name);
      const options = fc.record(
        Object.fromEntries([...names, "unexpected"].map((n) => [n, optionValue])),
        { requiredKeys: [] },
      );
      // Rendering a picture is slow: fewer runs for expensive commands, the same properties.
      const runs =
        command.cost === "expensive" ? Math.max(5, Math.floor(FUZZ_RUNS / 30)) : FUZZ_RUNS;
      await fc.assert(
        fc.asyncProperty(options, async (raw) => {
          const answer = await executeCommand(core, command, raw);
          expect(STATUSES).toContain(answer.status);
          expect(answer.status).not.toBe("error"); // an exception inside a handler is a bug
          expectVerbatimAndCited(answer, core);
          expect(answer.title.length).toBeLessThan(400);
          const text = renderTerminal(answer, { color: false, width: 80 });
          expect(text).not.toMatch(/\p{Cc}(?<!\n)/u);
        }),
        { numRuns: runs },
      );
    },
    TIMEOUT_MS,
  );
});

describe("the console line parser survives anything", () => {
  it(
    "never throws and never echoes control characters",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            hostileText,
            hostileText.map((t) => `/${t}`),
            hostileText.map((t) => `/search ${t}`),
          ),
          async (line) => {
            const answer = await runLine(core, catalogue, line);
            expect(STATUSES).toContain(answer.status);
            expect(answer.status).not.toBe("error");
            expect(renderTerminal(answer, { color: true, width: 80 })).not.toContain("\u0007");
          },
        ),
        { numRuns: FUZZ_RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
