import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { catalogue } from "../../commands/index.js";
import { answer } from "../../src/core/answer.js";
import { defineCommand } from "../../src/core/command.js";
import { runLine } from "../../src/core/dispatch.js";
import { executeCommand } from "../../src/core/execute.js";
import { shippedCore } from "../helpers/corpus.js";

const core = shippedCore();
const echo = defineCommand({
  name: "echo",
  description: "echo",
  options: z.object({
    text: z.string().min(1).max(20).describe("What to say back"),
    tone: z.enum(["plain", "loud"]).default("plain").describe("How to say it"),
    times: z.number().int().min(1).max(3).default(1).describe("How often"),
  }),
  examples: ["echo hi"],
  run: (_core, { text }) => answer("echo", text),
});
const broken = defineCommand({
  name: "broken",
  description: "always fails",
  options: z.object({}),
  examples: ["broken"],
  run: () => {
    throw new Error("database on fire");
  },
});

describe("running a command", () => {
  it("sanitises text before the schema sees it", async () => {
    expect((await executeCommand(core, echo, { text: "  hi\u0000 there " })).title).toBe(
      "hi there",
    );
  });

  it("shortens over-long text and says so", async () => {
    const result = await executeCommand(core, echo, { text: "word ".repeat(100) });
    expect(result.title.length).toBeLessThanOrEqual(20);
    expect((result.notices ?? [])[0]).toMatch(/longer than 20 characters/);
  });

  it("answers invalid input with the schema's reasons and examples, never an exception", async () => {
    const result = await executeCommand(core, echo, { text: 42 });
    expect(result.status).toBe("invalid-input");
    expect((result.notices ?? [])[0]).toBe("text must be text (What to say back).");
    expect(result.suggestions).toEqual(["/echo hi"]);
  });

  it("explains each refused option in words from its declaration, not the schema library's", async () => {
    const notices = async (options: Record<string, unknown>) =>
      (await executeCommand(core, echo, options)).notices ?? [];
    expect(await notices({})).toEqual(["text is missing (What to say back)."]);
    expect(await notices({ text: "hi", tone: "whisper" })).toEqual([
      "tone must be one of: plain, loud, not “whisper”.",
    ]);
    expect(await notices({ text: "hi", times: 9 })).toEqual([
      "times must be a whole number from 1 to 3.",
    ]);
    // Only strings are echoed: anything else is named, never printed.
    expect(await notices({ text: "hi", tone: { toString: null } })).toEqual([
      "tone must be one of: plain, loud.",
    ]);
  });

  it("turns a handler's exception into an error answer with a reference, and reports it", async () => {
    const onError = vi.fn();
    const result = await executeCommand(core, broken, {}, { onError });
    expect(result.status).toBe("error");
    expect(result.reference).toMatch(/^ERR-[0-9A-F]{8}$/);
    expect((result.notices ?? []).join(" ")).toContain(result.reference);
    expect(result.notes.join(" ")).not.toContain("database on fire");
    expect(onError).toHaveBeenCalledWith(expect.any(Error), result.reference, "broken");
  });
});

describe("a console line", () => {
  it.each([
    ["/pillar coalition", "pillar"],
    ["pillar coalition", "pillar"],
    ["why would a coalition be faster than NATO?", "search"],
    ["/why-not-jef", "why-not-jef"],
  ])("%j runs /%s", async (line, command) => {
    expect((await runLine(core, catalogue, line)).command).toBe(command);
  });

  it("suggests the nearest command for a typo", async () => {
    const result = await runLine(core, catalogue, "/piller g7");
    expect(result.status).toBe("not-found");
    expect(result.suggestions).toContain("/pillar");
  });

  it("takes a plain question whole, even with option-like words in it", async () => {
    const result = await runLine(core, catalogue, "what about page:2 --side of the JEF");
    expect(result.status).toBe("ok");
    expect(result.excerpts[0]?.source.paragraph).toBe(13);
  });
});
