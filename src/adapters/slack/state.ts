/**
 * State that travels through Slack between a message and the click on it: a follow-up button's
 * `value` (at most 2000 characters) and a reply modal's `private_metadata` (at most 3000). Slack
 * signs every payload that carries it back, and whatever it names is re-validated by the
 * command's own schema when it runs, so no extra signature is needed here.
 */
import { z } from "zod";
import type { FollowUp, OptionValue, ReplyRequest } from "../../core/answer.js";
import { shorten } from "../../core/input.js";

/** Slack's limits for the places state travels in. */
const BUTTON_VALUE_LIMIT = 2000;
const PRIVATE_METADATA_LIMIT = 3000;
/** How much of a reply request's question travels in its button. */
const PROMPT_LIMIT = 500;

const optionsSchema = z.record(
  z.string().max(64),
  z.union([z.string().max(2000), z.number(), z.boolean()]),
);

const commandState = z.object({
  /** The command to run. */
  c: z.string().min(1).max(32),
  /** Its options. */
  o: optionsSchema,
  /** Whether the answer goes to the channel (true) or only to the person who clicked. */
  p: z.boolean(),
});

const replyState = commandState.extend({
  /** The option the typed reply goes into. */
  r: z.string().min(1).max(64),
  /** The question (ours), shown again in the modal. */
  q: z.string().max(PROMPT_LIMIT),
});

const modalState = commandState.extend({
  r: z.string().min(1).max(64),
  /** Where the answer to the submitted reply is posted (the clicked message's response_url). */
  u: z.url({ protocol: /^https?$/ }),
});

export interface CommandState {
  readonly command: string;
  readonly options: Readonly<Record<string, OptionValue>>;
  readonly isPublic: boolean;
}

export interface ReplyState extends CommandState {
  readonly replyOption: string;
  /** Ours. */
  readonly prompt: string;
}

export interface ModalState extends CommandState {
  readonly replyOption: string;
  readonly responseUrl: string;
}

/** A follow-up button's value, or undefined when it would exceed Slack's 2000 characters. */
export function encodeFollowUp(followUp: FollowUp, isPublic: boolean): string | undefined {
  const value = JSON.stringify({ c: followUp.command, o: followUp.options, p: isPublic });
  return value.length <= BUTTON_VALUE_LIMIT ? value : undefined;
}

/** The "Answer" button's value for a reply request, or undefined when too long. */
export function encodeReplyRequest(request: ReplyRequest, isPublic: boolean): string | undefined {
  const q = shorten(request.prompt, PROMPT_LIMIT);
  const value = JSON.stringify({
    c: request.command,
    o: request.options,
    p: isPublic,
    r: request.replyOption,
    q,
  });
  return value.length <= BUTTON_VALUE_LIMIT ? value : undefined;
}

/** The modal's private metadata, or undefined when too long. */
export function encodeModalState(state: ModalState): string | undefined {
  const value = JSON.stringify({
    c: state.command,
    o: state.options,
    p: state.isPublic,
    r: state.replyOption,
    u: state.responseUrl,
  });
  return value.length <= PRIVATE_METADATA_LIMIT ? value : undefined;
}

export function decodeFollowUp(value: string | undefined): CommandState | undefined {
  const parsed = parseJson(value, commandState);
  return parsed && { command: parsed.c, options: parsed.o, isPublic: parsed.p };
}

export function decodeReplyRequest(value: string | undefined): ReplyState | undefined {
  const parsed = parseJson(value, replyState);
  return (
    parsed && {
      command: parsed.c,
      options: parsed.o,
      isPublic: parsed.p,
      replyOption: parsed.r,
      prompt: parsed.q,
    }
  );
}

export function decodeModalState(value: string | undefined): ModalState | undefined {
  const parsed = parseJson(value, modalState);
  return (
    parsed && {
      command: parsed.c,
      options: parsed.o,
      isPublic: parsed.p,
      replyOption: parsed.r,
      responseUrl: parsed.u,
    }
  );
}

function parseJson<S extends z.ZodType>(
  value: string | undefined,
  schema: S,
): z.output<S> | undefined {
  if (value === undefined || value.length > PRIVATE_METADATA_LIMIT) return undefined;
  try {
    const result = schema.safeParse(JSON.parse(value));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
