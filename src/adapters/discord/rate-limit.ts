/**
 * The shared abuse limits (src/core/rate-limit.ts) applied to Discord, the same way in gateway
 * and HTTP mode: a command, button or reply form over the user's or the channel's budget is
 * answered privately with the polite "slow down" reply instead of running. Autocomplete and
 * opening a reply form are not counted: they fire as people type and run nothing expensive.
 */
import { OVER_LIMIT_MESSAGE, type RateLimiter } from "../../core/rate-limit.js";
import type { Logger } from "../../logger.js";
import type { Plan } from "./interactions.js";

/** Who is asking, and where. */
export interface Requester {
  readonly userId: string;
  /** The channel (guild channel, thread or DM) the interaction came from. */
  readonly channelId?: string | undefined;
}

/** The plan to carry out: `plan` itself, or the "slow down" reply when over the limit. */
export function limitPlan(
  plan: Plan,
  limiter: RateLimiter | undefined,
  requester: Requester,
  logger: Logger,
): Plan {
  if (!limiter || plan.kind !== "answer") return plan;
  const refused = limiter.refuse({ ...requester, cost: plan.cost }, plan.command);
  if (!refused) return plan;
  logger.info({ command: plan.command, retryAfter: refused.retryAfterSeconds }, OVER_LIMIT_MESSAGE);
  return {
    kind: "answer",
    command: plan.command,
    ephemeral: true,
    cost: "cheap",
    run: async () => refused.answer,
  };
}

/**
 * The requester of a raw HTTP interaction (already signature-checked): the member's user in a
 * guild, the user in a DM, and the channel either way. Unknown parts fall back to one shared
 * bucket rather than to no limit.
 */
export function requesterOf(interaction: unknown): Requester {
  const body = record(interaction);
  const userId = id(record(record(body.member).user).id) ?? id(record(body.user).id) ?? "unknown";
  const channelId = id(body.channel_id) ?? id(record(body.channel).id);
  return { userId, channelId };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function id(value: unknown): string | undefined {
  return typeof value === "string" && /^\d{1,25}$/.test(value) ? value : undefined;
}
