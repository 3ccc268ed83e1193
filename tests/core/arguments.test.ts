import { describe, expect, it } from "vitest";
import { z } from "zod";
import { answer } from "../../src/core/answer.js";
import { formatCommandLine, parseArguments } from "../../src/core/arguments.js";
import { defineCommand } from "../../src/core/command.js";

const brief = defineCommand({
  name: "brief",
  description: "test command",
  options: z.object({
    side: z.enum(["for", "against"]).describe("side"),
    motion: z.string().max(100).describe("motion"),
    depth: z.number().int().optional().describe("depth"),
    public: z.boolean().default(false).describe("post publicly"),
  }),
  examples: ["brief for coalition"],
  run: () => answer("brief", "t"),
});

describe("parsing text arguments", () => {
  it.each([
    [
      "positional words fill options in order; the last text option takes the rest",
      "against the coalition of the willing",
      { side: "against", motion: "the coalition of the willing" },
    ],
    [
      "--name value and --flag",
      "--motion coalition --side for --public",
      { motion: "coalition", side: "for", public: true },
    ],
    ["--name=value and numbers", "for g7 --depth=2", { side: "for", motion: "g7", depth: 2 }],
    [
      "Discord-style name:value running to the next option",
      "side:for motion:the EU as facilitator depth:3",
      { side: "for", motion: "the EU as facilitator", depth: 3 },
    ],
    [
      "quoted values",
      `for "a motion: with a colon"`,
      { side: "for", motion: "a motion: with a colon" },
    ],
  ])("accepts %s", (_case, text, options) => {
    expect(parseArguments(brief, text)).toEqual({ ok: true, options });
  });

  it("suggests the nearest option for an unknown --option", () => {
    const parsed = parseArguments(brief, "--moton coalition");
    expect(parsed).toMatchObject({ ok: false, suggestions: ["--motion"] });
  });

  it("leaves wrong types for the schema to report", () => {
    expect(parseArguments(brief, "for x --depth two")).toEqual({
      ok: true,
      options: { side: "for", motion: "x", depth: "two" },
    });
  });

  it("formats a command line that parses back to the same options", () => {
    const line = formatCommandLine("brief", { side: "against", motion: "the coalition", depth: 2 });
    expect(line).toBe(`/brief --side against --motion "the coalition" --depth 2`);
    expect(parseArguments(brief, line.replace("/brief ", ""))).toEqual({
      ok: true,
      options: { side: "against", motion: "the coalition", depth: 2 },
    });
  });
});
