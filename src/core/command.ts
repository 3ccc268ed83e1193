/**
 * The command contract. One module per command under `commands/` declares a name, a
 * description, its options as a zod object and a handler; adapters register and render every
 * command from that one catalogue, so Discord, Slack and the console cannot disagree.
 *
 * @example
 * export default defineCommand({
 *   name: "glossary",
 *   description: "Explain a term used in the reading",
 *   options: z.object({ term: z.string().min(1).max(60).describe("The term").meta({ autocomplete: "glossary" }) }),
 *   examples: ["glossary PESCO"],
 *   run: (core, { term }) => explainTerm(core, term),
 * });
 */
import { z } from "zod";
import type { Answer } from "./answer.js";
import type { Core } from "./core.js";

/** Where an option's autocomplete suggestions come from. */
const AUTOCOMPLETE_SOURCES = [
  "pillar",
  "node",
  "claim",
  "objection",
  "glossary",
  "topic",
  "reading",
] as const;
export type AutocompleteSource = (typeof AUTOCOMPLETE_SOURCES)[number];

export type CommandCost = "cheap" | "expensive";

export interface CommandDefinition<S extends z.ZodObject = z.ZodObject> {
  /** Lower-case, 1–32 characters, letters, digits and hyphens: valid on Discord and Slack. */
  readonly name: string;
  /** 1–100 characters. */
  readonly description: string;
  /**
   * The options. Each field needs `.describe()`; `.meta({ autocomplete })` names an
   * autocomplete source. Field order is the order of positional arguments in text input; an
   * option with `.meta({ positional: false })` is only ever given by name (`token:…`, `--token`).
   */
  readonly options: S;
  /** Text-form examples without the slash, e.g. `"pillar coalition"`. */
  readonly examples: readonly string[];
  /** Expensive commands (rendering pictures) get stricter rate limits and are deferred. */
  readonly cost?: CommandCost;
  readonly run: (core: Core, options: z.output<S>) => Answer | Promise<Answer>;
}

/** A command as the catalogue holds it, with its option types erased. */
export type Command = CommandDefinition<z.ZodObject>;

export function defineCommand<S extends z.ZodObject>(definition: CommandDefinition<S>): Command {
  return definition as unknown as Command;
}

/** What registration (Discord, Slack, help texts) needs to know about one option. */
export interface OptionSpec {
  readonly name: string;
  readonly description: string;
  readonly type: "string" | "integer" | "number" | "boolean";
  readonly required: boolean;
  readonly choices?: readonly string[];
  readonly autocomplete?: AutocompleteSource;
  /** Whether typed words without a name may fill it, in declaration order (default true). */
  readonly positional: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
}

interface JsonSchemaProperty {
  type?: string;
  description?: string;
  enum?: unknown[];
  autocomplete?: string;
  positional?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchemaProperty[];
}

const specCache = new WeakMap<Command, readonly OptionSpec[]>();

/** The command's options as registration needs them, derived from its zod schema. */
export function optionSpecs(command: Command): readonly OptionSpec[] {
  const cached = specCache.get(command);
  if (cached) return cached;
  const schema = z.toJSONSchema(command.options, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonSchemaProperty>;
    required?: string[];
  };
  const specs = Object.entries(schema.properties ?? {}).map(([name, property]): OptionSpec => {
    const type = property.type ?? property.anyOf?.find((p) => p.type)?.type ?? "string";
    if (!["string", "integer", "number", "boolean"].includes(type)) {
      throw new TypeError(
        `Command /${command.name}: option "${name}" has type ${type}; options must be strings, numbers or booleans`,
      );
    }
    if (!property.description) {
      throw new TypeError(
        `Command /${command.name}: option "${name}" needs a .describe() text for Discord and Slack`,
      );
    }
    const autocomplete = property.autocomplete as AutocompleteSource | undefined;
    if (autocomplete !== undefined && !AUTOCOMPLETE_SOURCES.includes(autocomplete)) {
      throw new TypeError(
        `Command /${command.name}: option "${name}" names an unknown autocomplete source "${autocomplete}"`,
      );
    }
    return {
      name,
      description: property.description,
      type: type as OptionSpec["type"],
      required: schema.required?.includes(name) ?? false,
      positional: property.positional !== false,
      ...(property.enum ? { choices: property.enum.map(String) } : {}),
      ...(autocomplete ? { autocomplete } : {}),
      ...(property.minLength !== undefined ? { minLength: property.minLength } : {}),
      ...(property.maxLength !== undefined ? { maxLength: property.maxLength } : {}),
      ...(property.minimum !== undefined ? { min: property.minimum } : {}),
      ...(property.maximum !== undefined ? { max: property.maximum } : {}),
    };
  });
  specCache.set(command, specs);
  return specs;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** Checks a catalogue at load time: a broken command stops the program, it is not skipped. */
export function checkCatalogue(commands: readonly Command[]): void {
  const seen = new Set<string>();
  for (const command of commands) {
    if (!NAME.test(command.name))
      throw new TypeError(
        `Command "${command.name}": names are 1–32 lower-case letters, digits or hyphens`,
      );
    if (seen.has(command.name)) throw new TypeError(`Command /${command.name} is defined twice`);
    seen.add(command.name);
    if (command.description.length < 1 || command.description.length > 100) {
      throw new TypeError(`Command /${command.name}: the description must be 1–100 characters`);
    }
    if (command.examples.length === 0)
      throw new TypeError(`Command /${command.name}: give at least one example`);
    optionSpecs(command);
  }
}
