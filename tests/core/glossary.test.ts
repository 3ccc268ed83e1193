import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/core.js";
import { findGlossaryEntry } from "../../src/core/glossary.js";
import { corpusCopy, SHIPPED_CORPUS, SHIPPED_DOC, shippedCore } from "../helpers/corpus.js";

const termFor = (name: string) => findGlossaryEntry(shippedCore(), name)?.term;

describe("finding a glossary entry by name", () => {
  it("knows an entry by its term, its expansion or an alias, whatever the case and punctuation", () => {
    expect(termFor("pesco")).toBe("PESCO");
    expect(termFor("Permanent Structured Co-operation")).toBe("PESCO");
    expect(termFor("G-7")).toBe("G7");
    expect(termFor("group of seven")).toBe("G7");
    expect(termFor("Art 5")).toBe("Article 5");
  });

  it("knows an entry through a synonym group of the map", () => {
    const root = corpusCopy(
      [SHIPPED_CORPUS],
      [
        {
          file: join(SHIPPED_DOC, "map.yaml"),
          from: "  - [JEF, Joint Expeditionary Force]",
          to: "  - [JEF, Joint Expeditionary Force]\n  - [CARD, annual defence review]",
        },
      ],
    );
    const core = createCore(root);
    expect(findGlossaryEntry(core, "Annual Defence Review")?.term).toBe("CARD");
    expect(findGlossaryEntry(shippedCore(), "Annual Defence Review")).toBeUndefined();
  });

  it("finds nothing for a name the glossary does not have, or for no name at all", () => {
    expect(termFor("Warsaw Pact")).toBeUndefined();
    expect(termFor("?!")).toBeUndefined();
    expect(termFor("")).toBeUndefined();
  });
});
