import { describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import {
  type InteractionContext,
  type Plan,
  planInteraction,
  REPLY_INPUT_ID,
} from "../../../src/adapters/discord/interactions.js";
import type { Answer } from "../../../src/core/answer.js";
import { fixtureCommands } from "../../fixtures/discord/commands.js";
import { shippedCore } from "../../helpers/corpus.js";
import { memoryLogger } from "./helpers.js";

const log = memoryLogger();
const context: InteractionContext = {
  core: shippedCore(),
  catalogue: [...catalogue, ...fixtureCommands],
  logger: log.logger,
};

async function answerOf(plan: Plan): Promise<Answer> {
  if (plan.kind !== "answer") throw new Error(`expected an answer plan, got ${plan.kind}`);
  return plan.run();
}

describe("planInteraction: slash commands", () => {
  it("runs the command with its options, public by default", async () => {
    const plan = planInteraction(context, {
      kind: "command",
      name: "pillar",
      options: [{ name: "name", type: 3, value: "g7" }],
    });
    expect(plan).toMatchObject({
      kind: "answer",
      command: "pillar",
      ephemeral: false,
      cost: "cheap",
    });
    expect((await answerOf(plan)).title).toMatch(/^Pillar: G7/);
  });

  it("takes the private option as a request for an ephemeral answer, not as a command option", async () => {
    const plan = planInteraction(context, {
      kind: "command",
      name: "pillar",
      options: [
        { name: "name", type: 3, value: "eu" },
        { name: "private", type: 5, value: true },
      ],
    });
    expect(plan).toMatchObject({ kind: "answer", ephemeral: true });
    expect((await answerOf(plan)).status).toBe("ok");
  });

  it("defers expensive commands at once", () => {
    expect(
      planInteraction(context, { kind: "command", name: "fixture-picture", options: [] }),
    ).toMatchObject({ cost: "expensive" });
  });

  it("answers an unknown command privately, with the nearest names", async () => {
    const plan = planInteraction(context, { kind: "command", name: "pilar", options: [] });
    expect(plan).toMatchObject({ kind: "answer", ephemeral: true });
    expect((await answerOf(plan)).suggestions).toContain("/pillar");
  });

  it("ignores options the command does not have, and says so", async () => {
    const plan = planInteraction(context, {
      kind: "command",
      name: "sources",
      options: [{ name: "colour", type: 3, value: "red" }],
    });
    const result = await answerOf(plan);
    expect(result.status).toBe("ok");
    expect((result.notices ?? [])[0]).toMatch(
      /^Discord sent option\(s\) \/sources does not have \(colour\).*npm run deploy-commands/,
    );
  });

  it("turns a throwing handler into an error answer with a reference code, logged with the cause", async () => {
    const result = await answerOf(
      planInteraction(context, { kind: "command", name: "fixture-boom", options: [] }),
    );
    expect(result.status).toBe("error");
    expect(result.reference).toMatch(/^ERR-[0-9A-F]{8}$/);
    const line = await log.waitFor((l) => l.reference === result.reference);
    expect(line.msg).toBe("command failed");
    expect(JSON.stringify(line.err)).toContain("fixture failure");
  });
});

describe("planInteraction: autocomplete", () => {
  it("suggests from the option's source", () => {
    const plan = planInteraction(context, {
      kind: "autocomplete",
      name: "pillar",
      options: [{ name: "name", type: 3, value: "g", focused: true }],
    });
    expect(plan).toEqual({
      kind: "choices",
      choices: [{ name: expect.stringMatching(/^g7 — /), value: "g7" }],
    });
  });

  it("answers with no choices for an unknown command or an option without a source", () => {
    expect(
      planInteraction(context, {
        kind: "autocomplete",
        name: "nope",
        options: [{ name: "x", type: 3, value: "", focused: true }],
      }),
    ).toEqual({ kind: "choices", choices: [] });
    expect(
      planInteraction(context, {
        kind: "autocomplete",
        name: "help",
        options: [{ name: "command", type: 3, value: "", focused: true }],
      }),
    ).toEqual({ kind: "choices", choices: [] });
  });
});

describe("planInteraction: buttons and reply forms", () => {
  it("runs a follow-up with options converted to the command's types", async () => {
    const plan = planInteraction(context, {
      kind: "button",
      customId: "dp1|f|search|query=NATO&page=2",
      ephemeral: false,
    });
    const result = await answerOf(plan);
    expect(result.status).toBe("ok");
    expect(result.page?.offset).toBe(3);
  });

  it("keeps a follow-up private when clicked on a private answer", () => {
    expect(
      planInteraction(context, { kind: "button", customId: "dp1|f|sources|", ephemeral: true }),
    ).toMatchObject({ ephemeral: true });
  });

  it.each([
    ["dp0|f|pillar|name=g7", /older version/],
    ["garbage", /cannot read/],
    ["dp1|f|pillar|colour=red", /cannot read/],
    ["dp1|m|fixture-check|answer|round=r1", /cannot read/],
  ])("refuses a tampered or stale button %j, privately", async (customId, message) => {
    const plan = planInteraction(context, { kind: "button", customId, ephemeral: false });
    expect(plan).toMatchObject({ kind: "answer", ephemeral: true });
    const result = await answerOf(plan);
    expect(result.status).toBe("invalid-input");
    expect((result.notices ?? []).join(" ")).toMatch(message);
  });

  it("lets the schema reject a tampered value like any other input", async () => {
    const result = await answerOf(
      planInteraction(context, {
        kind: "button",
        customId: "dp1|f|search|query=JEF&page=999",
        ephemeral: false,
      }),
    );
    expect(result.status).toBe("invalid-input");
  });

  it("opens a modal for a reply button, carrying the state on to the submission", () => {
    const plan = planInteraction(context, {
      kind: "button",
      customId: "dp1|r|fixture-check|answer|round=r1&level=2",
      ephemeral: false,
    });
    expect(plan).toEqual({
      kind: "modal",
      modal: {
        custom_id: "dp1|m|fixture-check|answer|round=r1&level=2",
        title: "/fixture-check: your answer",
        components: [
          {
            type: 1,
            components: [
              {
                type: 4,
                custom_id: REPLY_INPUT_ID,
                style: 2,
                label: "Your answer in one sentence",
                required: true,
                min_length: 1,
                max_length: 500,
              },
            ],
          },
        ],
      },
    });
  });

  it("runs the reply's command with the typed text under the reply option", async () => {
    const plan = planInteraction(context, {
      kind: "modal",
      customId: "dp1|m|fixture-check|answer|round=r1&level=2",
      fields: { [REPLY_INPUT_ID]: "Because the JEF rests on an MoU." },
      ephemeral: false,
    });
    const result = await answerOf(plan);
    expect(result.title).toBe("Round r1 (level 2)");
    expect(result.notes).toEqual(["You answered: Because the JEF rests on an MoU."]);
  });

  it("refuses a modal submission without the reply field", async () => {
    const plan = planInteraction(context, {
      kind: "modal",
      customId: "dp1|m|fixture-check|answer|round=r1&level=2",
      fields: {},
      ephemeral: false,
    });
    expect((await answerOf(plan)).title).toBe("That button no longer works");
  });

  it("answers interaction kinds it does not handle with a private explanation", async () => {
    const result = await answerOf(
      planInteraction(context, { kind: "unsupported", what: "select menus" }),
    );
    expect((result.notices ?? [])[0]).toMatch(/does not handle select menus/);
  });
});
