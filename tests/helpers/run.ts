/** Runs catalogue commands on the shipped reading, as an adapter would. */
import { catalogue } from "../../commands/index.js";
import type { Answer } from "../../src/core/answer.js";
import { encodeDrillToken } from "../../src/core/debate/drill-token.js";
import { findCommand } from "../../src/core/dispatch.js";
import { executeCommand } from "../../src/core/execute.js";
import { GOOD_REPLIES } from "../fixtures/drill-replies.js";
import { shippedCore } from "./corpus.js";

export async function run(name: string, options: Record<string, unknown> = {}): Promise<Answer> {
  const command = findCommand(catalogue, name);
  if (!command) throw new Error(`no command ${name}`);
  return executeCommand(shippedCore(), command, options);
}

/** The reveal of a drill round on `objectionId`, answered well (as the round's Answer button would get it). */
export async function revealDrill(objectionId: string): Promise<Answer> {
  const core = shippedCore();
  const objectionIndex = core.corpus
    .nodesOfKind("objection")
    .findIndex((o) => o.id === objectionId);
  const token = encodeDrillToken(
    {
      phase: "ask",
      readingIndex: 0,
      pillarIndex: undefined,
      objectionIndex,
      round: 1,
      issuedAt: Math.floor(Date.now() / 1000),
    },
    core.drillSecret,
    core.corpus,
  );
  return run("drill", { token, reply: GOOD_REPLIES[objectionId] ?? "An answer." });
}
