/**
 * Every catalogue command, given hostile options, through the core and every renderer — the
 * terminal, Discord and Slack: rendering never throws, stays within each platform's limits,
 * never lets a mention, broadcast or link through from user text, and shows every quote
 * verbatim (or names it as left out). When an answer asks for a reply (a drill), a hostile reply
 * is sent back and its answer checked too. FUZZ_RUNS sets the runs (`npm run fuzz`: 20,000).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../commands/index.js";
import type { Answer } from "../../src/core/answer.js";
import { optionSpecs } from "../../src/core/command.js";
import { findCommand } from "../../src/core/dispatch.js";
import { executeCommand } from "../../src/core/execute.js";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { shippedCore } from "../helpers/corpus.js";
import { FUZZ_RUNS, hostileText, optionValue } from "./arbitraries.js";
import { landingOptions, landingText } from "./landing.js";
import { discordProblems, slackProblems, terminalProblems } from "./render-checks.js";

const core = shippedCore();
/** Generous: a run takes a few milliseconds; `npm run fuzz` must not time out on a slow machine. */
const TIMEOUT_MS = Math.max(30_000, FUZZ_RUNS * 20);

function checkEverywhere(answer: Answer, visible: boolean): void {
  expect(answer.status).not.toBe("error"); // an exception inside a handler is a bug
  expectVerbatimAndCited(answer, core);
  expect([
    ...terminalProblems(answer, visible),
    ...discordProblems(answer, !visible),
    ...slackProblems(answer, visible),
  ]).toEqual([]);
}

describe("every command's answer, however hostile the options, renders safely everywhere", () => {
  it.each(catalogue.map((c) => [c.name, c] as const))(
    "/%s",
    async (_name, command) => {
      const names = optionSpecs(command).map((o) => o.name);
      const anything = fc.record(
        Object.fromEntries([...names, "unexpected"].map((n) => [n, optionValue])),
        { requiredKeys: [] },
      );
      const options = fc.oneof(anything, { weight: 3, arbitrary: landingOptions(core, command) });
      const reply = fc.oneof(hostileText, landingText);
      // Pictures are slow to draw: fewer runs for expensive commands, the same properties.
      const runs =
        command.cost === "expensive" ? Math.max(3, Math.floor(FUZZ_RUNS / 100)) : FUZZ_RUNS;
      await fc.assert(
        fc.asyncProperty(options, reply, fc.boolean(), async (raw, replyText, visible) => {
          const answer = await executeCommand(core, command, raw);
          checkEverywhere(answer, visible);
          const asked = answer.replyRequest;
          const replyCommand = asked && findCommand(catalogue, asked.command);
          if (asked && replyCommand) {
            const replied = await executeCommand(core, replyCommand, {
              ...asked.options,
              [asked.replyOption]: replyText,
            });
            checkEverywhere(replied, !visible);
          }
        }),
        { numRuns: runs },
      );
    },
    TIMEOUT_MS,
  );
});

describe("cases the fuzzer found", () => {
  it("a /search quote split just before the source's own opening quotation mark stays verbatim on Discord", async () => {
    const search = findCommand(catalogue, "search");
    if (!search) throw new Error("no /search");
    const answer = await executeCommand(core, search, { query: "pilot project @everyone" });
    expect(answer.excerpts.some((e) => e.quote.includes("so-called “pilot project”"))).toBe(true);
    checkEverywhere(answer, false);
  });
});
