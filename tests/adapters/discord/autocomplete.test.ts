import { describe, expect, it } from "vitest";
import { autocompleteChoices } from "../../../src/adapters/discord/autocomplete.js";
import { shippedCore } from "../../helpers/corpus.js";

const core = shippedCore();
const values = (choices: readonly { value: string | number }[]) => choices.map((c) => c.value);

describe("autocompleteChoices", () => {
  it("pillar: every pillar with its label when nothing is typed", () => {
    expect(autocompleteChoices(core, "pillar", "")).toEqual(
      core.corpus.nodesOfKind("pillar").map((p) => ({ name: `${p.id} — ${p.label}`, value: p.id })),
    );
  });

  it("pillar: matches ids, labels and aliases, ignoring case and accents", () => {
    expect(values(autocompleteChoices(core, "pillar", "COAL"))).toEqual(["coalition"]);
    expect(values(autocompleteChoices(core, "pillar", "Européan"))).toEqual(["eu"]);
  });

  it("claim: ids and labels, then claims the index finds for other words", () => {
    const byId = autocompleteChoices(core, "claim", "coal-speed");
    expect(byId[0]?.value).toBe("coal-speed");
    const byWords = values(autocompleteChoices(core, "claim", "memorandum treaty"));
    expect(byWords.length).toBeGreaterThan(0);
    const claims = new Set(core.corpus.nodesOfKind("claim").map((n) => n.id));
    for (const value of byWords) expect(claims.has(String(value))).toBe(true);
  });

  it("glossary: terms with their expansions", () => {
    const [first] = autocompleteChoices(core, "glossary", "pesco");
    expect(first).toEqual({
      name: expect.stringMatching(/^PESCO — Permanent Structured Cooperation/),
      value: "PESCO",
    });
  });

  it("topic: what was typed comes first, so any question can be searched", () => {
    const choices = autocompleteChoices(core, "topic", "why not the JEF");
    expect(choices[0]).toEqual({ name: "why not the JEF", value: "why not the JEF" });
    expect(values(autocompleteChoices(core, "topic", "JE"))).toContain("JEF");
  });

  it("objection and node sources answer from the map", () => {
    expect(autocompleteChoices(core, "objection", "").length).toBeGreaterThan(0);
    expect(values(autocompleteChoices(core, "node", "coalition"))).toContain("coalition");
  });

  it("stays within Discord's limits (25 choices, 100 characters) for any input", () => {
    for (const typed of ["", "a", "x".repeat(5000), "@everyone <@1>", "\u0000\u202e"]) {
      for (const source of ["pillar", "claim", "node", "objection", "glossary", "topic"] as const) {
        const choices = autocompleteChoices(core, source, typed);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.name.length).toBeGreaterThan(0);
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(String(choice.value).length).toBeLessThanOrEqual(100);
          expect(choice.name).not.toMatch(/@everyone|<@\d/);
        }
      }
    }
  });
});
