import { z } from "zod";
import { answer } from "../src/core/answer.js";
import { type Command, defineCommand, optionSpecs } from "../src/core/command.js";
import { findCommand, unknownCommand } from "../src/core/dispatch.js";

/**
 * /help for a catalogue. The catalogue includes /help itself, so it is given as a function the
 * catalogue module calls later: this module imports nothing from it, and there is no cycle.
 */
export function helpCommand(commands: () => readonly Command[]): Command {
  return defineCommand({
    name: "help",
    description: "What the assistant can do, with an example for every command",
    options: z.object({
      command: z.string().min(1).max(40).optional().describe("A command to explain, e.g. pillar"),
    }),
    examples: ["help", "help pillar"],
    run(_core, { command: name }) {
      const catalogue = commands();
      if (name) {
        const command = findCommand(catalogue, name);
        if (!command) return unknownCommand(catalogue, name);
        return answer("help", `/${command.name}`, {
          notices: [
            command.description,
            ...optionSpecs(command).map(
              (o) => `${o.name}${o.required ? "" : " (optional)"}: ${o.description}`,
            ),
            `Examples: ${command.examples.map((e) => `/${e}`).join(" · ")}`,
          ],
        });
      }
      return answer("help", "Debate-prep assistant: commands", {
        notices: [
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
}
