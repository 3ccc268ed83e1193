import { describe, expect, it } from "vitest";
import { z } from "zod";
import { catalogue } from "../../commands/index.js";
import { answer } from "../../src/core/answer.js";
import { checkCatalogue, defineCommand, optionSpecs } from "../../src/core/command.js";
import { readingOption } from "../../src/core/option-fields.js";
import { READING_COMMANDS } from "../../src/core/readings.js";

const command = (name: string, options: z.ZodObject = z.object({})) =>
  defineCommand({
    name,
    description: "a command",
    options,
    examples: [name],
    run: () => answer(name, "t"),
  });

describe("the command catalogue", () => {
  it("passes its own load-time checks", () => {
    expect(() => checkCatalogue(catalogue)).not.toThrow();
  });

  it("offers the commands the seminar asked for", () => {
    expect(catalogue.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "pillar",
        "why-not-jef",
        "search",
        "claim",
        "counter",
        "glossary",
        "sources",
        "help",
      ]),
    );
  });

  it("gives every command of one reading's map the one shared reading option, and no other command", () => {
    const withReading = catalogue.filter((c) => optionSpecs(c).some((o) => o.name === "reading"));
    expect(withReading.map((c) => c.name).sort()).toEqual([...READING_COMMANDS].sort());
    for (const command of withReading)
      expect(command.options.shape.reading, command.name).toBe(readingOption);
  });

  it("derives registration specs from the zod schemas", () => {
    const pillar = catalogue.find((c) => c.name === "pillar");
    expect(pillar && optionSpecs(pillar)).toEqual([
      expect.objectContaining({
        name: "name",
        type: "string",
        required: true,
        autocomplete: "pillar",
        minLength: 1,
        maxLength: 60,
      }),
      expect.objectContaining({
        name: "reading",
        type: "string",
        required: false,
        autocomplete: "reading",
        positional: false,
      }),
    ]);
    const search = catalogue.find((c) => c.name === "search");
    expect(search && optionSpecs(search).find((o) => o.name === "page")).toMatchObject({
      type: "integer",
      required: false,
      min: 1,
    });
  });

  it.each([
    ["a name with capitals", () => [command("Pillar")], /names are 1–32 lower-case/],
    ["a duplicate name", () => [command("x"), command("x")], /defined twice/],
    [
      "an option without a description",
      () => [command("x", z.object({ q: z.string() }))],
      /needs a \.describe\(\) text/,
    ],
    [
      "an option of an unsupported type",
      () => [command("x", z.object({ q: z.array(z.string()).describe("q") }))],
      /options must be strings, numbers or booleans/,
    ],
    [
      "an unknown autocomplete source",
      () => [
        command("x", z.object({ q: z.string().describe("q").meta({ autocomplete: "nope" }) })),
      ],
      /unknown autocomplete source/,
    ],
  ])("refuses to load %s", (_case, make, message) => {
    expect(() => checkCatalogue(make())).toThrow(message);
  });
});
