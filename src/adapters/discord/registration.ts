/**
 * The catalogue as Discord application commands: the JSON `npm run deploy-commands` registers.
 * Option types, choices, autocomplete flags and length/range limits all come from each command's
 * zod schema (through `optionSpecs`), so the registration cannot drift from what the core checks.
 */
import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { type Command, type OptionSpec, optionSpecs } from "../../core/command.js";
import { shortenAtWord } from "./escape.js";
import { LIMITS } from "./limits.js";

/** The option every command gets on Discord: answer only the asking user (an ephemeral reply). */
export const PRIVATE_OPTION = "private";
const PRIVATE_DESCRIPTION = "Only you see the answer (default: everyone in the channel)";

const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  number: ApplicationCommandOptionType.Number,
  boolean: ApplicationCommandOptionType.Boolean,
} as const;

export class RegistrationError extends Error {
  override readonly name = "RegistrationError";
}

/** One command's registration JSON (a CHAT_INPUT application command). */
export function commandRegistration(
  command: Command,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const specs = optionSpecs(command);
  if (specs.some((spec) => spec.name === PRIVATE_OPTION)) {
    throw new RegistrationError(
      `Discord: /${command.name} has an option "${PRIVATE_OPTION}", a name the Discord adapter adds to every command; rename the option`,
    );
  }
  // Discord requires required options before optional ones; the order is otherwise kept.
  const ordered = [...specs.filter((s) => s.required), ...specs.filter((s) => !s.required)];
  const options: APIApplicationCommandBasicOption[] = [
    ...ordered.map((spec) => optionRegistration(command, spec)),
    {
      type: ApplicationCommandOptionType.Boolean,
      name: PRIVATE_OPTION,
      description: PRIVATE_DESCRIPTION,
      required: false,
    },
  ];
  if (options.length > LIMITS.optionsPerCommand) {
    throw new RegistrationError(
      `Discord: /${command.name} has ${options.length} options with "${PRIVATE_OPTION}"; Discord allows ${LIMITS.optionsPerCommand}`,
    );
  }
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: description(command.description, LIMITS.commandDescription),
    options,
  };
}

/** Every command of the catalogue, in catalogue order. */
export function catalogueRegistration(
  catalogue: readonly Command[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return catalogue.map(commandRegistration);
}

function optionRegistration(command: Command, spec: OptionSpec): APIApplicationCommandBasicOption {
  if (!/^[a-z0-9_-]{1,32}$/.test(spec.name)) {
    throw new RegistrationError(
      `Discord: /${command.name} option "${spec.name}" must be 1–32 lower-case letters, digits, "-" or "_"`,
    );
  }
  const base = {
    name: spec.name,
    description: description(spec.description, LIMITS.optionDescription),
    required: spec.required,
  };
  switch (spec.type) {
    case "boolean":
      return { ...base, type: OPTION_TYPES.boolean };
    case "integer":
    case "number": {
      const range = {
        ...(spec.min !== undefined ? { min_value: spec.min } : {}),
        ...(spec.max !== undefined ? { max_value: spec.max } : {}),
      };
      return spec.type === "integer"
        ? { ...base, type: OPTION_TYPES.integer, ...range }
        : { ...base, type: OPTION_TYPES.number, ...range };
    }
    case "string": {
      const choices = spec.choices;
      if (choices && choices.length > LIMITS.optionChoices) {
        throw new RegistrationError(
          `Discord: /${command.name} option "${spec.name}" has ${choices.length} choices; Discord allows ${LIMITS.optionChoices} (use autocomplete instead)`,
        );
      }
      return {
        ...base,
        type: OPTION_TYPES.string,
        // Fixed choices and autocomplete exclude each other on Discord; fixed choices win.
        ...(choices
          ? { choices: choices.map((c) => ({ name: c.slice(0, LIMITS.choiceName), value: c })) }
          : spec.autocomplete
            ? { autocomplete: true }
            : {}),
        ...(spec.minLength !== undefined ? { min_length: Math.min(spec.minLength, 6000) } : {}),
        ...(spec.maxLength !== undefined ? { max_length: Math.min(spec.maxLength, 6000) } : {}),
      };
    }
  }
}

/** Descriptions over Discord's 100 characters are shortened with "…" (they are ours). */
function description(text: string, max: number): string {
  return shortenAtWord(text.replace(/\s+/g, " ").trim(), max) || "—";
}
