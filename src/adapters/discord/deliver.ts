/**
 * Answering within Discord's deadline, the same way in gateway and HTTP mode. A command gets
 * `deferAfterMs` to finish; if it has not, the interaction is acknowledged with a deferred
 * response (the user sees "thinking…") and the answer replaces it when ready. Expensive commands
 * defer at once. Errors are always ephemeral — if a public deferral is already showing, it is
 * deleted and the error follows up privately.
 */
import type { Answer } from "../../core/answer.js";
import { newReference } from "../../core/execute.js";
import { failureAnswer } from "../../core/words.js";
import type { Logger } from "../../logger.js";
import type { Plan } from "./interactions.js";
import type { DiscordMessage } from "./message.js";
import { renderAnswer } from "./render.js";

/** The five things an adapter does to respond to an interaction; each mode implements them. */
export interface Responder {
  /** The first response, carrying the message (must come within 3 s). */
  reply(message: DiscordMessage): Promise<void>;
  /** The first response, saying the answer will follow ("thinking…"). */
  defer(ephemeral: boolean): Promise<void>;
  /** Replaces the deferred response with the message. */
  editOriginal(message: DiscordMessage): Promise<void>;
  deleteOriginal(): Promise<void>;
  followUp(message: DiscordMessage): Promise<void>;
}

export interface DeliveryOptions {
  /** How long a command may run before the interaction is deferred (default 1500 ms). */
  readonly deferAfterMs?: number;
  readonly logger: Logger;
}

export interface Delivery {
  readonly deferred: boolean;
  readonly ephemeral: boolean;
  readonly messages: number;
  readonly status: Answer["status"];
}

/** Long enough for every cheap command here, short enough to leave margin before 3 s. */
const DEFAULT_DEFER_AFTER_MS = 1500;

/** Answers that only the asking user should see. */
function isPrivateStatus(status: Answer["status"]): boolean {
  return status === "error" || status === "invalid-input";
}

export async function deliverAnswer(
  plan: Extract<Plan, { kind: "answer" }>,
  responder: Responder,
  options: DeliveryOptions,
): Promise<Delivery> {
  let deferredAs: boolean | undefined;
  if (plan.cost === "expensive") {
    await responder.defer(plan.ephemeral);
    deferredAs = plan.ephemeral;
  }
  const running = safely(plan, options.logger);
  let result: Answer | undefined;
  if (deferredAs === undefined) {
    // A plain timer: aborting a timers/promises sleep builds a DOMException on every answer.
    let timer: NodeJS.Timeout | undefined;
    result = await Promise.race([
      running,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(resolve, options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS, undefined);
      }),
    ]);
    clearTimeout(timer);
    if (result === undefined) {
      await responder.defer(plan.ephemeral);
      deferredAs = plan.ephemeral;
    }
  }
  result ??= await running;

  const ephemeral = plan.ephemeral || isPrivateStatus(result.status);
  const rendered = renderAnswer(result, { ephemeral });
  for (const warning of rendered.warnings) options.logger.warn({ command: plan.command }, warning);
  const [first, ...rest] = rendered.messages;
  if (deferredAs === undefined) await responder.reply(first);
  else if (deferredAs === ephemeral) await responder.editOriginal(first);
  else {
    // A public "thinking…" cannot become private: remove it and answer privately instead.
    await responder.deleteOriginal();
    await responder.followUp(first);
  }
  for (const message of rest) await responder.followUp(message);
  return {
    deferred: deferredAs !== undefined,
    ephemeral,
    messages: rendered.messages.length,
    status: result.status,
  };
}

/** Runs the plan; a rejection (a bug, since commands run through executeCommand) becomes an error answer. */
async function safely(plan: Extract<Plan, { kind: "answer" }>, logger: Logger): Promise<Answer> {
  try {
    return await plan.run();
  } catch (error) {
    const reference = newReference();
    logger.error({ err: error, reference, command: plan.command }, "answering failed");
    return failureAnswer(plan.command, reference);
  }
}
