/**
 * Options that are hostile yet valid enough to land: real ids and choices from the corpus and the
 * command's schema, mixed with hostile text where free text goes. Fully random options are mostly
 * refused by validation; these reach the commands' answers — quotes, titles echoing the input,
 * buttons, copy text — so the renderers meet hostile text in every place it can appear.
 */
import fc from "fast-check";
import { type Command, type OptionSpec, optionSpecs } from "../../src/core/command.js";
import type { Core } from "../../src/core/core.js";
import { HOSTILE_PIECES, hostileText } from "./arbitraries.js";

/** Words the corpus knows, so searches find quotes. */
const CORPUS_WORDS = ["JEF", "coalition", "NATO", "treaty", "Ukraine", "G7", "EU", "deterrence"];

/** Hostile pieces glued to words the corpus knows. */
export const landingText = fc
  .array(fc.constantFrom(...HOSTILE_PIECES, ...CORPUS_WORDS), { minLength: 1, maxLength: 6 })
  .map((words) => words.join(" "));

/** Real values for an option with an autocomplete source. */
function knownValues(core: Core, spec: OptionSpec): string[] {
  const { corpus } = core;
  const ids = (kind: Parameters<typeof corpus.nodesOfKind>[0]) =>
    corpus.nodesOfKind(kind).map((n) => n.id);
  switch (spec.autocomplete) {
    case "pillar":
      return ids("pillar");
    case "claim":
      return ids("claim");
    case "objection":
      return [...ids("objection"), ...ids("pillar")];
    case "node":
      return corpus.nodes.map((n) => n.id);
    case "glossary":
      return corpus.glossary.map((g) => g.term);
    case "topic":
      return [
        ...corpus.nodesOfKind("pillar").map((p) => p.label),
        ...corpus.glossary.map((g) => g.term),
      ];
    default:
      return [];
  }
}

function valueFor(core: Core, spec: OptionSpec): fc.Arbitrary<unknown> {
  if (spec.choices?.length)
    return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...spec.choices) }, hostileText);
  switch (spec.type) {
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: spec.min ?? 0, max: spec.max ?? 20 }) },
        fc.integer(),
      );
    case "number":
      return fc.oneof(
        {
          weight: 5,
          arbitrary: fc.double({ min: spec.min ?? 0, max: spec.max ?? 20, noNaN: true }),
        },
        fc.double(),
      );
    case "string": {
      const known = knownValues(core, spec);
      if (known.length === 0) return fc.oneof({ weight: 3, arbitrary: landingText }, hostileText);
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...known) },
        { weight: 2, arbitrary: landingText },
        hostileText,
      );
    }
  }
}

/** Options for `command` that mostly pass validation, with hostile text where text goes. */
export function landingOptions(
  core: Core,
  command: Command,
): fc.Arbitrary<Record<string, unknown>> {
  const specs = optionSpecs(command);
  return fc.record(Object.fromEntries(specs.map((spec) => [spec.name, valueFor(core, spec)])), {
    requiredKeys: specs.filter((s) => s.required).map((s) => s.name),
  });
}
