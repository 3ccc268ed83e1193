/**
 * Text in, answer out: what the console, the CLI and Slack share. `/pillar coalition`,
 * `pillar coalition` and a plain question (treated as a search) all work.
 */
import { type Answer, answer } from "./answer.js";
import { parseArguments } from "./arguments.js";
import { type Command, optionSpecs } from "./command.js";
import type { Core } from "./core.js";
import { type ExecuteHooks, executeCommand } from "./execute.js";
import { sanitizeText, shorten } from "./input.js";
import { closest } from "./suggest.js";
import { invalidInputTitle } from "./words.js";

/** The command that answers plain questions. */
const DEFAULT_COMMAND = "search";

export function findCommand(catalogue: readonly Command[], name: string): Command | undefined {
  const wanted = name.replace(/^\//, "").toLowerCase();
  return catalogue.find((c) => c.name === wanted);
}

/** An answer for a command name that is not in the catalogue, with the nearest names. */
export function unknownCommand(catalogue: readonly Command[], name: string): Answer {
  const bare = sanitizeText(name).replace(/^\//, "");
  const shown = shorten(bare, 40);
  const near = closest(
    bare,
    catalogue.map((c) => c.name),
  );
  return answer("help", `There is no /${shown} command`, {
    status: "not-found",
    notices: [
      near.length
        ? `Did you mean ${near.map((n) => `/${n}`).join(" or ")}?`
        : "Try /help for the list of commands.",
    ],
    suggestions: near.map((n) => `/${n}`),
  });
}

/** Runs the command a text names, with the rest of the text as its arguments. */
export async function runCommandText(
  core: Core,
  catalogue: readonly Command[],
  name: string,
  args: string,
  hooks: ExecuteHooks = {},
): Promise<Answer> {
  const command = findCommand(catalogue, name);
  if (!command) return unknownCommand(catalogue, name);
  const parsed = parseArguments(command, sanitizeText(args));
  if (!parsed.ok) {
    return answer(command.name, invalidInputTitle(command.name), {
      status: "invalid-input",
      notices: [parsed.problem],
      suggestions: parsed.suggestions.length
        ? parsed.suggestions
        : command.examples.map((e) => `/${e}`),
    });
  }
  return executeCommand(core, command, parsed.options, hooks);
}

/** A console line: `/name args`, `name args` for a known command, or a question to search. */
export async function runLine(
  core: Core,
  catalogue: readonly Command[],
  line: string,
  hooks: ExecuteHooks = {},
): Promise<Answer> {
  const text = sanitizeText(line);
  const [first = "", ...rest] = text.split(" ");
  if (first.startsWith("/")) return runCommandText(core, catalogue, first, rest.join(" "), hooks);
  if (findCommand(catalogue, first))
    return runCommandText(core, catalogue, first, rest.join(" "), hooks);
  const search = findCommand(catalogue, DEFAULT_COMMAND);
  if (!search || text === "") return unknownCommand(catalogue, first);
  // A question is taken whole, so words like "note:" or "--" in it are not read as options.
  const [queryOption] = optionSpecs(search).filter((s) => s.type === "string");
  return executeCommand(core, search, queryOption ? { [queryOption.name]: text } : {}, hooks);
}
