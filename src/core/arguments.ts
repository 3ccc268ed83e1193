/**
 * Text arguments (console, CLI, Slack) → raw option values for a command, using the same option
 * specs as Discord's registration. Accepts `name:value`, `--name value`, `--name=value`,
 * `--flag`, and positional words in declaration order (options declared `positional: false`
 * are skipped); the last text option takes the rest, so no command has to re-join words.
 */
import type { OptionValue } from "./answer.js";
import { type Command, type OptionSpec, optionSpecs } from "./command.js";
import { splitWords } from "./input.js";
import { closest } from "./suggest.js";

export type ParsedArguments =
  | { readonly ok: true; readonly options: Record<string, OptionValue> }
  | { readonly ok: false; readonly problem: string; readonly suggestions: readonly string[] };

export function parseArguments(command: Command, text: string): ParsedArguments {
  const specs = optionSpecs(command);
  const byName = new Map(specs.map((s) => [s.name, s]));
  const options: Record<string, OptionValue> = {};
  const positional: string[] = [];
  const words = splitWords(text);

  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const flag = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/i.exec(word);
    const colon = /^([a-z][a-z0-9-]*):(.*)$/i.exec(word);
    if (flag) {
      const [, rawName = "", inline] = flag;
      const negated = rawName.startsWith("no-") && byName.get(rawName.slice(3))?.type === "boolean";
      const name = negated ? rawName.slice(3) : rawName;
      const spec = byName.get(name);
      if (!spec) return unknownOption(command, rawName, specs);
      if (spec.type === "boolean") {
        options[name] = inline === undefined ? !negated : inline !== "false";
        continue;
      }
      const value = inline ?? words[++i];
      if (value === undefined)
        return { ok: false, problem: `--${name} needs a value`, suggestions: [] };
      options[name] = coerceOption(spec, value);
    } else if (colon && byName.has(colon[1] as string)) {
      const spec = byName.get(colon[1] as string) as OptionSpec;
      // Discord-style `query:why not` — the value runs until the next `name:` word.
      const parts = [colon[2] ?? ""];
      while (i + 1 < words.length && !isNamed(words[i + 1] as string, byName))
        parts.push(words[++i] as string);
      options[spec.name] = coerceOption(
        spec,
        spec.type === "string" ? parts.join(" ").trim() : (parts[0] as string),
      );
      if (spec.type !== "string") positional.push(...parts.slice(1));
    } else {
      positional.push(word);
    }
  }

  const open = specs.filter((s) => s.type !== "boolean" && s.positional && !(s.name in options));
  // The last open text option is greedy: `/search why not the JEF` is one query.
  const greedy = open.findLastIndex((s) => s.type === "string" && !s.choices);
  for (let index = 0; index < open.length && positional.length > 0; index++) {
    const spec = open[index] as OptionSpec;
    const value =
      index === greedy ? positional.splice(0).join(" ") : (positional.shift() as string);
    options[spec.name] = coerceOption(spec, value);
  }
  if (positional.length > 0) {
    return {
      ok: false,
      problem: `/${command.name} does not take "${positional.join(" ")}"`,
      suggestions: command.examples.map((e) => `/${e}`),
    };
  }
  return { ok: true, options };
}

function isNamed(word: string, byName: ReadonlyMap<string, OptionSpec>): boolean {
  const match = /^--?([a-z][a-z0-9-]*)|^([a-z][a-z0-9-]*):/i.exec(word);
  const name = match?.[1] ?? match?.[2];
  return name !== undefined && (byName.has(name) || word.startsWith("--"));
}

/**
 * An option value typed as text (a console line, a button's saved state) as the option's type.
 * A non-number is passed on as text, so the command's schema rejects it with a clear message.
 */
export function coerceOption(spec: OptionSpec, value: string): OptionValue {
  if (spec.type === "integer" || spec.type === "number") {
    const n = Number(value);
    return value.trim() !== "" && Number.isFinite(n) ? n : value;
  }
  if (spec.type === "boolean") return !["false", "no", "0", "off"].includes(value.toLowerCase());
  return value;
}

function unknownOption(
  command: Command,
  name: string,
  specs: readonly OptionSpec[],
): ParsedArguments {
  const known = specs.map((s) => s.name);
  const near = closest(name, known);
  return {
    ok: false,
    problem: `/${command.name} has no option --${name}${known.length ? ` (options: ${known.map((k) => `--${k}`).join(", ")})` : ""}`,
    suggestions: near.map((n) => `--${n}`),
  };
}

/** The text form of a command with options, e.g. `/search --query "why not" --page 2`. */
export function formatCommandLine(
  command: string,
  options: Readonly<Record<string, OptionValue>>,
): string {
  const entries = Object.entries(options);
  const quote = (v: OptionValue) =>
    typeof v === "string" && /[\s"']/.test(v) ? `"${v.replace(/"/g, "'")}"` : String(v);
  if (entries.length === 1 && typeof entries[0]?.[1] === "string")
    return `/${command} ${entries[0][1]}`;
  return [
    `/${command}`,
    ...entries.map(([k, v]) => (v === true ? `--${k}` : `--${k} ${quote(v)}`)),
  ].join(" ");
}
