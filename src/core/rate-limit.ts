/**
 * Abuse limits: token buckets per user and per channel, with a stricter budget for expensive
 * commands (rendering pictures). Pure and clock-injected, so adapters share one policy and tests
 * need no timers. The words of the "slow down" reply are chosen here, once, for every platform.
 */
import { type Answer, answer } from "./answer.js";

export interface RateLimitPolicy {
  /** Commands a user may run per minute (the bucket refills continuously). */
  readonly perMinute: number;
  /** Expensive commands a user may run per minute. */
  readonly expensivePerMinute: number;
  /** A channel may see this many times a single user's budget (a class working together). */
  readonly channelMultiplier?: number;
}

export interface RateLimitRequest {
  readonly userId: string;
  readonly channelId?: string | undefined;
  readonly cost?: "cheap" | "expensive" | undefined;
}

export type RateLimitDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets idle for this long are forgotten, so memory stays bounded under churn. */
const IDLE_MS = 10 * 60_000;
const MAX_BUCKETS = 50_000;

export class RateLimiter {
  readonly #policy: Required<RateLimitPolicy>;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(policy: RateLimitPolicy, now: () => number = Date.now) {
    this.#policy = { channelMultiplier: 5, ...policy };
    this.#now = now;
  }

  /**
   * Spends a token for `command` as {@link check} does; over the limit, the "slow down" answer
   * to give instead of running it (with how long to wait), else undefined.
   */
  refuse(
    request: RateLimitRequest,
    command: string,
  ): { readonly answer: Answer; readonly retryAfterSeconds: number } | undefined {
    const decision = this.check(request);
    return decision.allowed
      ? undefined
      : {
          answer: slowDown(command, decision.retryAfterSeconds),
          retryAfterSeconds: decision.retryAfterSeconds,
        };
  }

  /** Takes a token from every bucket the request draws on, or none if any is empty. */
  check(request: RateLimitRequest): RateLimitDecision {
    const now = this.#now();
    const expensive = request.cost === "expensive";
    const perMinute = expensive ? this.#policy.expensivePerMinute : this.#policy.perMinute;
    const buckets: [string, number][] = [
      [`u:${expensive ? "x" : "c"}:${request.userId}`, perMinute],
    ];
    if (request.channelId)
      buckets.push([
        `c:${expensive ? "x" : "c"}:${request.channelId}`,
        perMinute * this.#policy.channelMultiplier,
      ]);

    let wait = 0;
    const states = buckets.map(([key, capacity]) => {
      const bucket = this.#refill(key, capacity, now);
      if (bucket.tokens < 1) wait = Math.max(wait, ((1 - bucket.tokens) * 60_000) / capacity);
      return bucket;
    });
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) };
    for (const bucket of states) bucket.tokens -= 1;
    this.#sweep(now);
    return { allowed: true };
  }

  #refill(key: string, capacity: number, now: number): Bucket {
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, updatedAt: now };
    bucket.tokens = Math.min(
      capacity,
      bucket.tokens + ((now - bucket.updatedAt) * capacity) / 60_000,
    );
    bucket.updatedAt = now;
    this.#buckets.set(key, bucket);
    return bucket;
  }

  #sweep(now: number): void {
    if (this.#buckets.size < MAX_BUCKETS) return;
    for (const [key, bucket] of this.#buckets)
      if (now - bucket.updatedAt > IDLE_MS) this.#buckets.delete(key);
  }
}

/** What the adapters log when they give the "slow down" reply. */
export const OVER_LIMIT_MESSAGE = "over the rate limit: asked to slow down";

/** The polite reply to a request over the limit. */
export function slowDown(command: string, retryAfterSeconds: number): Answer {
  return answer(command, "Slow down a little", {
    status: "invalid-input",
    notes: [
      `You have sent a lot of requests in a short time. Please wait about ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"} and try again.`,
    ],
  });
}
