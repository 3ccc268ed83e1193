/**
 * What to do with one interaction, whichever way it arrived (the gateway through discord.js, or
 * a signed HTTP request): a slash command, an autocomplete request, a button click or a modal
 * submission becomes a {@link Plan}. The plan says how to respond; running it is the transport's
 * job (see deliver.ts), so both modes answer identically.
 */
import type {
  APIApplicationCommandOptionChoice,
  APIModalInteractionResponseCallbackData,
} from "discord.js";
import { ComponentType, TextInputStyle } from "discord.js";
import { type Answer, answer, type OptionValue } from "../../core/answer.js";
import { coerceOption } from "../../core/arguments.js";
import { type Command, type CommandCost, optionSpecs } from "../../core/command.js";
import type { Core } from "../../core/core.js";
import { findCommand, unknownCommand } from "../../core/dispatch.js";
import { executeCommand } from "../../core/execute.js";
import { readingCore } from "../../core/readings.js";
import { staleControlAnswer } from "../../core/words.js";
import type { Logger } from "../../logger.js";
import { autocompleteChoices } from "./autocomplete.js";
import { decodeCustomId, encodeCustomId, type ReplyState } from "./custom-id.js";
import { shortenAtWord } from "./escape.js";
import { LIMITS } from "./limits.js";
import { PRIVATE_OPTION } from "./registration.js";

/** An option as Discord sends it (slash commands and autocomplete). */
export interface RawOption {
  readonly name: string;
  readonly type: number;
  readonly value?: string | number | boolean | undefined;
  readonly focused?: boolean | undefined;
  readonly options?: readonly RawOption[] | undefined;
}

/** One interaction, reduced to what the adapter needs, independent of how it arrived. */
export type InteractionRequest =
  | { readonly kind: "ping" }
  | { readonly kind: "command"; readonly name: string; readonly options: readonly RawOption[] }
  | { readonly kind: "autocomplete"; readonly name: string; readonly options: readonly RawOption[] }
  | { readonly kind: "button"; readonly customId: string; readonly ephemeral: boolean }
  | {
      readonly kind: "modal";
      readonly customId: string;
      readonly fields: Readonly<Record<string, string>>;
      readonly ephemeral: boolean;
    }
  | { readonly kind: "unsupported"; readonly what: string };

/** How to respond. */
export type Plan =
  | { readonly kind: "pong" }
  | { readonly kind: "choices"; readonly choices: readonly APIApplicationCommandOptionChoice[] }
  | { readonly kind: "modal"; readonly modal: APIModalInteractionResponseCallbackData }
  | {
      readonly kind: "answer";
      readonly command: string;
      /** The user asked for a private answer, or clicked a button on a private one. */
      readonly ephemeral: boolean;
      /**
       * What the command costs: rate limits count expensive ones apart, and they acknowledge
       * first (a deferred response) and answer by editing.
       */
      readonly cost: CommandCost;
      /** Never rejects: failures become error answers with a reference code. */
      readonly run: () => Promise<Answer>;
    };

export interface InteractionContext {
  readonly core: Core;
  readonly catalogue: readonly Command[];
  readonly logger: Logger;
}

/** The id of the text input in a reply modal. */
export const REPLY_INPUT_ID = "reply";

export function planInteraction(context: InteractionContext, request: InteractionRequest): Plan {
  switch (request.kind) {
    case "ping":
      return { kind: "pong" };
    case "command":
      return planCommand(context, request.name, request.options);
    case "autocomplete":
      return { kind: "choices", choices: planChoices(context, request.name, request.options) };
    case "button":
      return planButton(context, request.customId, request.ephemeral);
    case "modal":
      return planModalSubmit(context, request.customId, request.fields, request.ephemeral);
    case "unsupported":
      return fixedAnswer("help", true, "That kind of interaction is not supported", [
        `This assistant answers slash commands, their buttons and reply forms; it does not handle ${request.what}.`,
      ]);
  }
}

function planCommand(context: InteractionContext, name: string, raw: readonly RawOption[]): Plan {
  const command = findCommand(context.catalogue, name);
  if (!command) return unknownCommandPlan(context, name);
  const options = flatten(raw);
  const ephemeral = options.some((o) => o.name === PRIVATE_OPTION && o.value === true);
  const specs = optionSpecs(command);
  const values: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const option of options) {
    if (option.name === PRIVATE_OPTION) continue;
    if (specs.some((spec) => spec.name === option.name)) values[option.name] = option.value;
    else unknown.push(option.name);
  }
  const notice = unknown.length
    ? [
        `Discord sent option(s) /${command.name} does not have (${unknown.join(", ")}), so they were ignored. The registered commands may be out of date: ask the bot's maintainer to run npm run deploy-commands.`,
      ]
    : [];
  return runPlan(context, command, values, ephemeral, notice);
}

function runPlan(
  context: InteractionContext,
  command: Command,
  values: Readonly<Record<string, unknown>>,
  ephemeral: boolean,
  notices: readonly string[] = [],
): Plan {
  return {
    kind: "answer",
    command: command.name,
    ephemeral,
    cost: command.cost ?? "cheap",
    run: async () => {
      const result = await executeCommand(context.core, command, values, {
        onError: (error, reference, name) =>
          context.logger.error({ err: error, reference, command: name }, "command failed"),
      });
      return notices.length
        ? { ...result, notices: [...notices, ...(result.notices ?? [])] }
        : result;
    },
  };
}

function planChoices(
  context: InteractionContext,
  name: string,
  raw: readonly RawOption[],
): APIApplicationCommandOptionChoice[] {
  const command = findCommand(context.catalogue, name);
  const focused = flatten(raw).find((o) => o.focused);
  if (!command || !focused) return [];
  const spec = optionSpecs(command).find((s) => s.name === focused.name);
  if (!spec?.autocomplete) return [];
  // With a reading already chosen, offer that reading's pillars, claims and topics only.
  const reading = flatten(raw).find((o) => o.name === "reading" && !o.focused)?.value;
  const core =
    (typeof reading === "string" && readingCore(context.core, reading.trim().toLowerCase())) ||
    context.core;
  try {
    return autocompleteChoices(core, spec.autocomplete, String(focused.value ?? ""));
  } catch (error) {
    context.logger.error(
      { err: error, command: name, option: focused.name },
      "autocomplete failed",
    );
    return [];
  }
}

/** A private "no such command" answer with the nearest names (a stale registration or button). */
function unknownCommandPlan(context: InteractionContext, name: string): Plan {
  return {
    kind: "answer",
    command: name,
    ephemeral: true,
    cost: "cheap",
    run: async () => unknownCommand(context.catalogue, name),
  };
}

function planButton(context: InteractionContext, customId: string, ephemeral: boolean): Plan {
  const decoded = decodeCustomId(customId);
  if (!decoded.ok || decoded.state.kind === "modal")
    return staleControl(decoded.ok ? "malformed" : decoded.problem);
  const { state } = decoded;
  const command = findCommand(context.catalogue, state.command);
  if (!command) return unknownCommandPlan(context, state.command);
  const values = typedOptions(command, state.options);
  if (!values) return staleControl("malformed");
  if (state.kind === "follow-up") return runPlan(context, command, values, ephemeral);
  const modal = replyModal(command, state);
  return modal ? { kind: "modal", modal } : staleControl("malformed");
}

function planModalSubmit(
  context: InteractionContext,
  customId: string,
  fields: Readonly<Record<string, string>>,
  ephemeral: boolean,
): Plan {
  const decoded = decodeCustomId(customId);
  if (!decoded.ok || decoded.state.kind !== "modal")
    return staleControl(decoded.ok ? "malformed" : decoded.problem);
  const { state } = decoded;
  const command = findCommand(context.catalogue, state.command);
  if (!command) return unknownCommandPlan(context, state.command);
  const values = typedOptions(command, state.options);
  const reply = fields[REPLY_INPUT_ID];
  if (
    !values ||
    reply === undefined ||
    !optionSpecs(command).some((s) => s.name === state.replyOption)
  )
    return staleControl("malformed");
  return runPlan(context, command, { ...values, [state.replyOption]: reply }, ephemeral);
}

/** The modal a reply button opens: one paragraph input whose text goes to the reply option. */
function replyModal(
  command: Command,
  state: ReplyState,
): APIModalInteractionResponseCallbackData | undefined {
  const spec = optionSpecs(command).find((s) => s.name === state.replyOption);
  const customId = encodeCustomId({ ...state, kind: "modal" });
  if (spec?.type !== "string" || !customId) return undefined;
  return {
    custom_id: customId,
    title: shortenAtWord(`/${command.name}: your answer`, LIMITS.modalTitle),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: REPLY_INPUT_ID,
            style: TextInputStyle.Paragraph,
            label: shortenAtWord(spec.description, LIMITS.textInputLabel) || "Your answer",
            required: true,
            min_length: Math.max(1, Math.min(spec.minLength ?? 1, LIMITS.textInputValue)),
            max_length: Math.min(spec.maxLength ?? LIMITS.textInputValue, LIMITS.textInputValue),
          },
        ],
      },
    ],
  };
}

/**
 * Converts option values from a custom id (strings) to the command's option types. Undefined when
 * an option name is not the command's: such an id was not made by this version of the bot.
 */
function typedOptions(
  command: Command,
  options: Readonly<Record<string, OptionValue>>,
): Record<string, OptionValue> | undefined {
  const specs = new Map(optionSpecs(command).map((s) => [s.name, s]));
  const typed: Record<string, OptionValue> = {};
  for (const [name, value] of Object.entries(options)) {
    const spec = specs.get(name);
    if (!spec) return undefined;
    typed[name] = coerceOption(spec, String(value));
  }
  return typed;
}

/** A button or form this version of the bot cannot act on (too old, or not ours). */
function staleControl(problem: string): Plan {
  const stale = staleControlAnswer(problem === "old-version" ? "old-version" : "unreadable");
  return {
    kind: "answer",
    command: "help",
    ephemeral: true,
    cost: "cheap",
    run: async () => stale,
  };
}

function fixedAnswer(
  command: string,
  ephemeral: boolean,
  title: string,
  notices: readonly string[],
): Plan {
  return {
    kind: "answer",
    command,
    ephemeral,
    cost: "cheap",
    run: async () =>
      answer(command, title, { status: "invalid-input", notices, suggestions: ["/help"] }),
  };
}

/** Options of a (sub)command tree as one flat list; this bot registers no subcommands. */
function flatten(options: readonly RawOption[]): RawOption[] {
  return options.flatMap((option) => (option.options ? flatten(option.options) : [option]));
}
