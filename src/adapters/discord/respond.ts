/**
 * One interaction, start to end, the same way in gateway and HTTP mode: plan it, apply the rate
 * limits, respond as the plan says, and turn every failure into a log line and — while Discord
 * still takes a response — a private error answer with its reference. The modes differ only in
 * how a response travels (a {@link Transport}). Never rejects.
 */
import type {
  APIApplicationCommandOptionChoice,
  APIModalInteractionResponseCallbackData,
} from "discord.js";
import { DiscordAPIError } from "discord.js";
import { newReference } from "../../core/execute.js";
import type { RateLimiter } from "../../core/rate-limit.js";
import { failureAnswer } from "../../core/words.js";
import { deliverAnswer, type Responder } from "./deliver.js";
import {
  type InteractionContext,
  type InteractionRequest,
  type Plan,
  planInteraction,
} from "./interactions.js";
import type { DiscordMessage } from "./message.js";
import { limitPlan, type Requester } from "./rate-limit.js";
import { renderAnswer } from "./render.js";

/** How responses reach Discord: in the HTTP response and REST calls, or through discord.js. */
export interface Transport {
  pong(): Promise<void>;
  choices(choices: readonly APIApplicationCommandOptionChoice[]): Promise<void>;
  modal(modal: APIModalInteractionResponseCallbackData): Promise<void>;
  /** Undefined when the interaction takes no message. */
  readonly responder: Responder | undefined;
  /** Sends a failure: as the first response, or after whatever already went out. */
  fail(message: DiscordMessage): Promise<void>;
}

export interface RespondOptions extends InteractionContext {
  /** Per-user and per-channel limits; none when undefined. */
  readonly limiter: RateLimiter | undefined;
  /** See {@link deliverAnswer}; tests shorten it. */
  readonly deferAfterMs?: number | undefined;
}

/** Discord's error codes for an interaction it no longer knows, or one already answered. */
const UNKNOWN_INTERACTION = 10062;
const ALREADY_ACKNOWLEDGED = 40060;

export async function respondToInteraction(
  options: RespondOptions,
  request: InteractionRequest,
  requester: Requester,
  transport: Transport,
): Promise<void> {
  const log = options.logger;
  let plan: Plan | undefined;
  try {
    plan = limitPlan(planInteraction(options, request), options.limiter, requester, log);
    switch (plan.kind) {
      case "pong":
        return await transport.pong();
      case "choices":
        return await transport.choices(plan.choices);
      case "modal":
        return await transport.modal(plan.modal);
      case "answer": {
        if (!transport.responder) return;
        const delivery = await deliverAnswer(plan, transport.responder, {
          logger: log,
          ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
        });
        log.info({ command: plan.command, ...delivery }, "answered");
        return;
      }
    }
  } catch (error) {
    // 10062: Discord forgot the interaction (e.g. the 3 s passed); expected now and then.
    if (
      error instanceof DiscordAPIError &&
      (error.code === UNKNOWN_INTERACTION || error.code === ALREADY_ACKNOWLEDGED)
    ) {
      log.warn(
        { code: error.code, err: error },
        "Discord no longer accepts a response to this interaction",
      );
      return;
    }
    const reference = newReference();
    log.error({ err: error, reference }, "responding to an interaction failed");
    const command = plan?.kind === "answer" ? plan.command : undefined;
    const [message] = renderAnswer(failureAnswer(command, reference), { ephemeral: true }).messages;
    try {
      await transport.fail(message);
    } catch (notified) {
      log.warn({ err: notified, reference }, "could not tell the user about the failure");
    }
  }
}
