import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { readingOption } from "../src/core/option-fields.js";
import { paragraphAnswer } from "../src/core/paragraph-answer.js";

export default defineCommand({
  name: "para",
  description: "One paragraph of a reading, whole, as the citations number it",
  options: z.object({
    number: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .describe("The paragraph number from a citation, e.g. 13 for ¶13 (¶1 is the series note)"),
    // Left out, the first reading's paragraph, with a note naming the others.
    reading: readingOption,
  }),
  examples: ["para 13", "para 2"],
  run: (core, { number, reading }) => paragraphAnswer(core, number, reading),
});
