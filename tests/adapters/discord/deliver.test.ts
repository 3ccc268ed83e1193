import { describe, expect, it } from "vitest";
import { deliverAnswer, type Responder } from "../../../src/adapters/discord/deliver.js";
import type { Plan } from "../../../src/adapters/discord/interactions.js";
import type { DiscordMessage } from "../../../src/adapters/discord/message.js";
import { type Answer, answer } from "../../../src/core/answer.js";
import { sampleSource } from "../../fixtures/answers.js";
import { memoryLogger } from "./helpers.js";

type Step = {
  readonly call: keyof Responder;
  readonly flags?: number | undefined;
  readonly title?: string | undefined;
  readonly ephemeral?: boolean;
};

/** A responder that records the calls made to it. */
function recorder(): { responder: Responder; steps: Step[] } {
  const steps: Step[] = [];
  const record = (call: keyof Responder) => async (message: DiscordMessage) => {
    steps.push({ call, flags: message.flags, title: message.embeds[0]?.title });
  };
  return {
    steps,
    responder: {
      reply: record("reply"),
      editOriginal: record("editOriginal"),
      followUp: record("followUp"),
      defer: async (ephemeral) => {
        steps.push({ call: "defer", ephemeral });
      },
      deleteOriginal: async () => {
        steps.push({ call: "deleteOriginal" });
      },
    },
  };
}

/** A plan whose answer arrives when the test says so. */
function controlledPlan(overrides: Partial<Extract<Plan, { kind: "answer" }>> = {}) {
  let finish!: (value: Answer) => void;
  const result = new Promise<Answer>((resolve) => {
    finish = resolve;
  });
  const plan: Extract<Plan, { kind: "answer" }> = {
    kind: "answer",
    command: "t",
    ephemeral: false,
    cost: "cheap",
    run: () => result,
    ...overrides,
  };
  return { plan, finish };
}

const ok = answer("t", "Done");
const { logger } = memoryLogger();

describe("deliverAnswer", () => {
  it("replies directly when the answer is ready in time", async () => {
    const { responder, steps } = recorder();
    await deliverAnswer(
      { kind: "answer", command: "t", ephemeral: false, cost: "cheap", run: async () => ok },
      responder,
      { logger, deferAfterMs: 10_000 },
    );
    expect(steps).toEqual([{ call: "reply", flags: undefined, title: "Done" }]);
  });

  it("defers when the answer is late, then edits the deferred response", async () => {
    const { responder, steps } = recorder();
    const { plan, finish } = controlledPlan();
    const delivery = deliverAnswer(plan, responder, { logger, deferAfterMs: 5 });
    while (steps.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(steps).toEqual([{ call: "defer", ephemeral: false }]);
    finish(ok);
    expect(await delivery).toMatchObject({ deferred: true, ephemeral: false, messages: 1 });
    expect(steps).toEqual([
      { call: "defer", ephemeral: false },
      { call: "editOriginal", flags: undefined, title: "Done" },
    ]);
  });

  it("defers expensive commands before running them, privately when asked", async () => {
    const { responder, steps } = recorder();
    let ran = false;
    const plan: Extract<Plan, { kind: "answer" }> = {
      kind: "answer",
      command: "t",
      ephemeral: true,
      cost: "expensive",
      run: async () => {
        ran = true;
        expect(steps).toEqual([{ call: "defer", ephemeral: true }]);
        return ok;
      },
    };
    await deliverAnswer(plan, responder, { logger, deferAfterMs: 10_000 });
    expect(ran).toBe(true);
    expect(steps.map((s) => s.call)).toEqual(["defer", "editOriginal"]);
  });

  it("answers errors privately, even after a public deferral: it deletes the deferral and follows up", async () => {
    const { responder, steps } = recorder();
    const { plan, finish } = controlledPlan();
    const delivery = deliverAnswer(plan, responder, { logger, deferAfterMs: 5 });
    while (steps.length === 0) await new Promise((r) => setTimeout(r, 5));
    finish(answer("t", "/t failed", { status: "error", reference: "ERR-00000000" }));
    expect(await delivery).toMatchObject({ deferred: true, ephemeral: true, status: "error" });
    expect(steps).toEqual([
      { call: "defer", ephemeral: false },
      { call: "deleteOriginal" },
      { call: "followUp", flags: 64, title: "/t failed" },
    ]);
  });

  it("sends the pages of a long answer as follow-ups", async () => {
    const { responder, steps } = recorder();
    const source = sampleSource();
    const long = answer("t", "Long", {
      excerpts: Array.from({ length: 12 }, () => ({ quote: "word ".repeat(300), source })),
    });
    const delivery = await deliverAnswer(
      { kind: "answer", command: "t", ephemeral: false, cost: "cheap", run: async () => long },
      responder,
      { logger, deferAfterMs: 10_000 },
    );
    expect(delivery.messages).toBeGreaterThan(1);
    expect(steps.map((s) => s.call)).toEqual([
      "reply",
      ...Array(delivery.messages - 1).fill("followUp"),
    ]);
  });

  it("turns a plan that rejects into a private error answer with a reference", async () => {
    const { responder, steps } = recorder();
    const log = memoryLogger();
    const plan: Extract<Plan, { kind: "answer" }> = {
      kind: "answer",
      command: "t",
      ephemeral: false,
      cost: "cheap",
      run: () => Promise.reject(new Error("bug")),
    };
    await deliverAnswer(plan, responder, { logger: log.logger, deferAfterMs: 10_000 });
    expect(steps).toEqual([{ call: "reply", flags: 64, title: "/t failed" }]);
    expect(log.lines.find((l) => l.msg === "answering failed")?.reference).toMatch(/^ERR-/);
  });
});
