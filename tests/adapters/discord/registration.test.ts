import { describe, expect, it } from "vitest";
import { z } from "zod";
import { catalogue } from "../../../commands/index.js";
import {
  catalogueRegistration,
  commandRegistration,
  PRIVATE_OPTION,
  RegistrationError,
} from "../../../src/adapters/discord/registration.js";
import { defineCommand, optionSpecs } from "../../../src/core/command.js";

const PRIVATE = {
  type: 5,
  name: "private",
  description: "Only you see the answer (default: everyone in the channel)",
  required: false,
};

describe("registration JSON from the catalogue", () => {
  const registered = catalogueRegistration(catalogue);

  it("registers every command of the catalogue, in order, as a chat-input command", () => {
    expect(registered.map((c) => c.name)).toEqual(catalogue.map((c) => c.name));
    for (const command of registered) {
      expect(command.type).toBe(1);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.options?.at(-1)).toEqual(PRIVATE);
    }
  });

  it("/search: a required autocompleted text with length limits, then an optional bounded integer", () => {
    expect(registered.find((c) => c.name === "search")).toEqual({
      type: 1,
      name: "search",
      description: "The passages of the reading that best answer a question",
      options: [
        {
          type: 3,
          name: "query",
          description: "Your question or keywords, e.g. “Is the JEF legally binding?”",
          required: true,
          autocomplete: true,
          min_length: 1,
          max_length: 300,
        },
        {
          type: 4,
          name: "page",
          description: "Which page of results (3 per page)",
          required: false,
          min_value: 1,
          max_value: 50,
        },
        PRIVATE,
      ],
    });
  });

  it("every option mirrors its schema: type, required, autocomplete source, length and range limits", () => {
    const types = { string: 3, integer: 4, number: 10, boolean: 5 };
    for (const command of catalogue) {
      const json = registered.find((c) => c.name === command.name);
      for (const spec of optionSpecs(command)) {
        const option = json?.options?.find((o) => o.name === spec.name) as
          | Record<string, unknown>
          | undefined;
        expect(option, `${command.name}.${spec.name}`).toBeDefined();
        expect(option?.type).toBe(types[spec.type]);
        expect(option?.required).toBe(spec.required);
        expect(option?.autocomplete ?? false).toBe(!!spec.autocomplete && !spec.choices);
        expect(option?.min_length).toBe(spec.minLength);
        expect(option?.max_length).toBe(spec.maxLength);
        expect(option?.min_value).toBe(spec.min);
        expect(option?.max_value).toBe(spec.max);
      }
      // Discord rejects a required option after an optional one.
      const required = (json?.options ?? []).map((o) => ("required" in o ? !!o.required : false));
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
  });

  it("/sources takes no options but the private flag; /why-not-jef only its reading", () => {
    expect(registered.find((c) => c.name === "sources")?.options).toEqual([PRIVATE]);
    expect(registered.find((c) => c.name === "why-not-jef")?.options).toEqual([
      expect.objectContaining({ name: "reading", type: 3, required: false, autocomplete: true }),
      PRIVATE,
    ]);
  });
});

describe("commandRegistration", () => {
  it("puts required options first, keeps fixed choices instead of autocomplete, and shortens long descriptions", () => {
    const command = defineCommand({
      name: "fixture",
      description: `A description that goes on ${"and on ".repeat(20)}`,
      options: z.object({
        mode: z
          .enum(["quick", "full"])
          .optional()
          .describe("How deep")
          .meta({ autocomplete: "topic" }),
        ratio: z.number().min(0.5).max(2).describe("A ratio"),
        flag: z.boolean().describe("A flag"),
      }),
      examples: ["fixture 1 true"],
      run: () => {
        throw new Error("not run");
      },
    });
    const json = commandRegistration(command);
    expect(json.description.length).toBeLessThanOrEqual(100);
    expect(json.description.endsWith("…")).toBe(true);
    expect(json.options).toEqual([
      {
        type: 10,
        name: "ratio",
        description: "A ratio",
        required: true,
        min_value: 0.5,
        max_value: 2,
      },
      { type: 5, name: "flag", description: "A flag", required: true },
      {
        type: 3,
        name: "mode",
        description: "How deep",
        required: false,
        choices: [
          { name: "quick", value: "quick" },
          { name: "full", value: "full" },
        ],
      },
      PRIVATE,
    ]);
  });

  it("refuses a command that already has an option named like the adapter's own", () => {
    const clash = defineCommand({
      name: "clash",
      description: "Clash",
      options: z.object({ [PRIVATE_OPTION]: z.string().describe("Mine") }),
      examples: ["clash x"],
      run: () => {
        throw new Error("not run");
      },
    });
    expect(() => commandRegistration(clash)).toThrow(RegistrationError);
    expect(() => commandRegistration(clash)).toThrow(/rename the option/);
  });
});
