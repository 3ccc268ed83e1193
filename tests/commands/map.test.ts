import { describe, expect, it } from "vitest";
import { catalogue } from "../../commands/index.js";
import { optionSpecs } from "../../src/core/command.js";
import { findCommand } from "../../src/core/dispatch.js";
import { countDarkPixels, decodePng, isPng } from "../core/map/png.js";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";

const core = shippedCore();

describe("/map", () => {
  it("is registered as an expensive command with a node-autocompleted focus, depth 1–3 and a format", () => {
    const command = findCommand(catalogue, "map");
    if (!command) throw new Error("/map is not in the catalogue");
    expect(command.cost).toBe("expensive");
    const specs = optionSpecs(command);
    expect(specs).toEqual([
      expect.objectContaining({
        name: "focus",
        type: "string",
        required: false,
        autocomplete: "node",
      }),
      expect.objectContaining({ name: "depth", type: "integer", required: false, min: 1, max: 3 }),
      expect.objectContaining({
        name: "format",
        type: "string",
        required: false,
        choices: ["png", "svg"],
      }),
      expect.objectContaining({ name: "reading", required: false, autocomplete: "reading" }),
    ]);
  });

  it("draws the whole map as a PNG attachment described in our words, with the thesis quoted", async () => {
    const answer = await run("map");
    expect(answer.status).toBe("ok");
    expect(answer.title).toBe("Argument map: the whole argument");
    const [file] = answer.attachments ?? [];
    expect(file).toMatchObject({ filename: "argument-map.png", contentType: "image/png" });
    expect(isPng(file?.data ?? new Uint8Array())).toBe(true);
    expect(file?.description).toMatch(
      /^Argument map \(our drawing\) of the whole argument: 1 thesis, 3 pillars, 26 claims/,
    );
    expect(answer.notes.join(" ")).toMatch(/ours/);
    expect(answer.excerpts.map((e) => e.node?.id)).toEqual(["thesis"]);
    expectVerbatimAndCited(answer, core);
    expect(answer.followUps.map((f) => f.options)).toEqual(
      expect.arrayContaining([
        { focus: "g7" },
        { focus: "eu" },
        { focus: "coalition" },
        { format: "argdown" },
      ]),
    );
  });

  it("focuses on a pillar: its quotes verbatim, its neighbours, and wider/closer follow-ups", async () => {
    const answer = await run("map", { focus: "coalition", depth: 2 });
    expect(answer.status).toBe("ok");
    expect(answer.title).toBe(
      "Argument map around: Coalition of the willing as a transition, not a substitute",
    );
    expect(answer.excerpts.length).toBeGreaterThan(0);
    expect(
      answer.excerpts.every((e) => e.node?.id === "coalition" && e.group === "The focus"),
    ).toBe(true);
    expectVerbatimAndCited(answer, core);
    expect(answer.notes.join(" ")).toContain(
      "Focus: Coalition of the willing as a transition, not a substitute (pillar, id coalition), 2 steps out",
    );
    expect(answer.related.map((r) => r.id)).toEqual(
      expect.arrayContaining(["thesis", "coal-like-minded", "obj-coalition-replaces-nato"]),
    );
    expect(answer.followUps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ command: "map", options: { focus: "coalition", depth: 3 } }),
        expect.objectContaining({ command: "map", options: { focus: "coalition", depth: 1 } }),
        expect.objectContaining({ command: "claim", options: { query: "coalition" } }),
      ]),
    );
    const png = decodePng(answer.attachments?.[0]?.data ?? new Uint8Array());
    expect(countDarkPixels(png)).toBeGreaterThan(50_000);
    expect(answer.attachments?.[0]?.description).toContain("Directly linked:");
  });

  it("says when it corrected a typo", async () => {
    const answer = await run("map", { focus: "coaliton" });
    expect(answer.status).toBe("ok");
    expect((answer.notices ?? [])[0]).toBe(
      "No node “coaliton” — did you mean coalition? Showing coalition.",
    );
  });

  it("says when words were matched rather than a name", async () => {
    const answer = await run("map", {
      focus: "cautious states cannot block the coalition",
      depth: 1,
    });
    expect(answer.status).toBe("ok");
    expect((answer.notices ?? [])[0]).toMatch(
      /^Focused on the best match for “cautious states cannot block the coalition”: /,
    );
  });

  it("answers an unknown focus with not-found and map suggestions, drawing nothing", async () => {
    const answer = await run("map", { focus: "zzqx wobble" });
    expect(answer.status).toBe("not-found");
    expect(answer.attachments).toBeUndefined();
    expect(answer.suggestions).toEqual(
      expect.arrayContaining(["/map g7", "/map eu", "/map coalition"]),
    );
  });

  it("renders SVG on request, with the shipped font named", async () => {
    const answer = await run("map", { focus: "eu", depth: 1, format: "svg" });
    const [file] = answer.attachments ?? [];
    expect(file).toMatchObject({ filename: "argument-map.svg", contentType: "image/svg+xml" });
    const svg = new TextDecoder().decode(file?.data);
    expect(svg).toContain("<svg");
    expect(svg).toContain('font-family="DejaVu Sans,');
  });

  it.each([[{ depth: 4, focus: "eu" }], [{ depth: 0, focus: "eu" }], [{ format: "gif" }]])(
    "rejects %j as invalid input",
    async (options) => {
      const answer = await run("map", options);
      expect(answer.status).toBe("invalid-input");
      expect(answer.suggestions.length).toBeGreaterThan(0);
    },
  );

  it("notes that depth needs a focus", async () => {
    const answer = await run("map", { depth: 3 });
    expect(answer.status).toBe("ok");
    expect(answer.notices ?? []).toContain(
      "depth applies only around a focus, so the whole map is shown.",
    );
  });
});
