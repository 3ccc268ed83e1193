import { z } from "zod";
import { answer } from "../src/core/answer.js";
import { defineCommand, optionSpecs } from "../src/core/command.js";
import { findCommand, unknownCommand } from "../src/core/dispatch.js";
import { catalogue } from "./index.js";

export default defineCommand({
  name: "help",
  description: "What the assistant can do, with an example for every command",
  options: z.object({
    command: z.string().min(1).max(40).optional().describe("A command to explain, e.g. pillar"),
  }),
  examples: ["help", "help pillar"],
  run(_core, { command: name }) {
    if (name) {
      const command = findCommand(catalogue, name);
      if (!command) return unknownCommand(catalogue, name);
      return answer("help", `/${command.name}`, {
        notes: [
          command.description,
          ...optionSpecs(command).map(
            (o) => `${o.name}${o.required ? "" : " (optional)"}: ${o.description}`,
          ),
          `Examples: ${command.examples.map((e) => `/${e}`).join(" · ")}`,
        ],
      });
    }
    return answer("help", "Debate-prep assistant: commands", {
      notes: [
        "Every quote is verbatim from the reading and cited to its section and paragraph; labels, summaries and notes like this one are ours.",
        ...catalogue.map((c) => `/${c.name} — ${c.description} (e.g. /${c.examples[0]})`),
        "A plain question without a command is a /search.",
      ],
      followUps: [
        { label: "Pillar: coalition", command: "pillar", options: { name: "coalition" } },
        { label: "Why not the JEF?", command: "why-not-jef", options: {} },
      ],
    });
  },
});
