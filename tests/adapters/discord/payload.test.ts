import { describe, expect, it } from "vitest";
import { parseInteractionPayload } from "../../../src/adapters/discord/payload.js";
import {
  autocomplete,
  buttonClick,
  modalSubmit,
  ping,
  slashCommand,
} from "../../fakes/discord/payloads.js";

describe("parseInteractionPayload", () => {
  it("reads each interaction type Discord sends", () => {
    expect(parseInteractionPayload(ping())).toMatchObject({ ok: true, request: { kind: "ping" } });
    const command = slashCommand("search", { query: "JEF", page: 2 });
    expect(parseInteractionPayload(command)).toEqual({
      ok: true,
      id: command.id,
      token: command.token,
      applicationId: command.application_id,
      request: {
        kind: "command",
        name: "search",
        options: [
          { name: "query", type: 3, value: "JEF" },
          { name: "page", type: 4, value: 2 },
        ],
      },
    });
    expect(parseInteractionPayload(autocomplete("pillar", { name: "co" }, "name"))).toMatchObject({
      request: {
        kind: "autocomplete",
        name: "pillar",
        options: [{ name: "name", value: "co", focused: true }],
      },
    });
    expect(
      parseInteractionPayload(buttonClick("dp1|f|sources|", { ephemeral: true })),
    ).toMatchObject({
      request: { kind: "button", customId: "dp1|f|sources|", ephemeral: true },
    });
    expect(
      parseInteractionPayload(modalSubmit("dp1|m|x|answer|", { reply: "text" })),
    ).toMatchObject({
      request: {
        kind: "modal",
        customId: "dp1|m|x|answer|",
        fields: { reply: "text" },
        ephemeral: false,
      },
    });
  });

  it("reads text inputs inside label components too (newer modals)", () => {
    const payload = {
      ...modalSubmit("dp1|m|x|answer|", {}),
      data: {
        custom_id: "dp1|m|x|answer|",
        components: [{ type: 18, id: 1, component: { type: 4, custom_id: "reply", value: "hi" } }],
      },
    };
    expect(parseInteractionPayload(payload)).toMatchObject({
      request: { kind: "modal", fields: { reply: "hi" } },
    });
  });

  it("marks what the adapter does not handle as unsupported rather than failing", () => {
    const select = {
      ...buttonClick("x"),
      data: { custom_id: "x", component_type: 3, values: ["a"] },
    };
    expect(parseInteractionPayload(select)).toMatchObject({
      ok: true,
      request: { kind: "unsupported", what: "select menus" },
    });
    const userCommand = { ...slashCommand("x"), data: { id: "1", name: "x", type: 2 } };
    expect(parseInteractionPayload(userCommand)).toMatchObject({
      ok: true,
      request: { kind: "unsupported" },
    });
  });

  it.each([
    ["null", null],
    ["an array", [1, 2]],
    ["no id", { type: 2, token: "t", application_id: "1", data: { name: "x" } }],
    ["a command without a name", { ...slashCommand("x"), data: { type: 1 } }],
    [
      "an option of the wrong shape",
      { ...slashCommand("x"), data: { name: "x", options: [{ name: 5 }] } },
    ],
    [
      "a custom id over 100 characters",
      { ...buttonClick("x"), data: { custom_id: "x".repeat(101), component_type: 2 } },
    ],
  ])("refuses %s with a reason", (_, json) => {
    const parsed = parseInteractionPayload(json);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.problem).not.toBe("");
  });
});
