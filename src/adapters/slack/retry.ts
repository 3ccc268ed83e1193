/**
 * Posting to a response_url again when Slack's side fails for a moment. Server errors (5xx),
 * 429 and network failures are retried with exponential backoff and jitter, a bounded number of
 * times; anything else (a 404 for an expired URL, a 400 for a message Slack refuses) fails at
 * once, since sending it again would fail the same way.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../../logger.js";
import type { Respond } from "./deliver.js";

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  readonly attempts: number;
  /** The wait before the first retry; each further wait is `factor` times longer. */
  readonly baseDelayMs: number;
  readonly factor: number;
  /** The share of each wait added or taken off at random, so clients do not retry in step. */
  readonly jitter: number;
}

/** Three attempts, about 100 ms and 400 ms apart: at most ~0.6 s of waiting in all. */
export const RESPONSE_URL_RETRY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 100,
  factor: 4,
  jitter: 0.2,
};

/** A response_url that answered with an HTTP error (from our own posts; Bolt's are alike). */
export class ResponseUrlError extends Error {
  override readonly name = "ResponseUrlError";
  constructor(readonly status: number) {
    super(`Slack: the response_url refused the answer (HTTP ${status})`);
  }
}

/** The waits between attempts, e.g. [~100, ~400] for {@link RESPONSE_URL_RETRY}. */
export function backoffDelays(policy: RetryPolicy, random: () => number = Math.random): number[] {
  return Array.from({ length: Math.max(0, policy.attempts - 1) }, (_, retry) => {
    const delay = policy.baseDelayMs * policy.factor ** retry;
    return Math.round(delay * (1 + policy.jitter * (2 * random() - 1)));
  });
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
]);

/** The HTTP status of a failed post: Bolt's RespondError has `statusCode`, ours `status`. */
function failedStatus(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown } | undefined;
  const status = e?.statusCode ?? e?.status;
  return typeof status === "number" ? status : undefined;
}

/** Worth another try: Slack had a moment (5xx, 429), or the connection failed. */
export function isTransient(error: unknown): boolean {
  const status = failedStatus(error);
  if (status !== undefined) return status >= 500 || status === 429;
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  return [e?.code, e?.cause?.code].some(
    (code) => typeof code === "string" && NETWORK_CODES.has(code),
  );
}

/** Thrown when every attempt failed; `cause` is the last failure. */
class DeliveryFailedError extends Error {
  override readonly name = "DeliveryFailedError";
}

/**
 * Runs `post` until it succeeds, fails for good, or the attempts run out. Retries are logged
 * (without the URL: it is a credential); the final failure is thrown for the caller to log with
 * a reference.
 */
export async function postWithRetry<T>(
  post: () => Promise<T>,
  logger: Logger,
  policy: RetryPolicy = RESPONSE_URL_RETRY,
): Promise<T> {
  const delays = backoffDelays(policy);
  for (let attempt = 1; ; attempt++) {
    try {
      return await post();
    } catch (error) {
      const delay = delays[attempt - 1];
      const status = failedStatus(error);
      if (delay === undefined || !isTransient(error)) {
        const why = status === undefined ? "no HTTP answer" : `HTTP ${status}`;
        throw new DeliveryFailedError(
          `Slack: the response_url did not take the answer after ${attempt} attempt${attempt === 1 ? "" : "s"} (${why})`,
          { cause: error },
        );
      }
      logger.warn(
        { attempt, status, retryInMs: delay, platform: "slack" },
        "Slack: posting to the response_url failed; retrying",
      );
      await sleep(delay);
    }
  }
}

/** `respond` that retries each post as {@link postWithRetry} does. */
export function retrying(
  respond: Respond,
  logger: Logger,
  policy: RetryPolicy = RESPONSE_URL_RETRY,
): Respond {
  return (message) => postWithRetry(() => respond(message), logger, policy);
}
