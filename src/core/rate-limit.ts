/**
 * Abuse limits: token buckets per user and per channel, with a stricter budget for expensive
 * commands (rendering pictures). Pure and clock-injected, so adapters share one policy and tests
 * need no timers. The words of the "slow down" reply are chosen here, once, for every platform.
 *
 * The buckets live in a least-recently-used table of bounded size (lru-cache), so a check costs
 * the same however many students have asked: a lookup per bucket, and a look at the one or two
 * buckets idle the longest. A bucket left alone for a minute has refilled completely, so
 * forgetting it changes nothing: each check forgets up to two such buckets, so the table holds
 * about the last minute's students. One used within the last minute is never forgotten: when the
 * table is full of those, a student without a bucket is asked to wait until the oldest of them
 * is a minute old.
 */
import { LRUCache } from "lru-cache";
import { type Answer, answer } from "./answer.js";

export interface RateLimitPolicy {
  /** Commands a user may run per minute (the bucket refills continuously). */
  readonly perMinute: number;
  /** Expensive commands a user may run per minute. */
  readonly expensivePerMinute: number;
  /** A channel may see this many times a single user's budget (a class working together). */
  readonly channelMultiplier?: number;
  /** Buckets kept at most (users and channels together); see {@link DEFAULT_MAX_BUCKETS}. */
  readonly maxBuckets?: number;
}

export interface RateLimitRequest {
  readonly userId: string;
  readonly channelId?: string | undefined;
  readonly cost?: "cheap" | "expensive" | undefined;
}

export type RateLimitDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly retryAfterSeconds: number;
      /** Over their own (or their channel's) budget, or new while the table is full. */
      readonly reason: "over-budget" | "table-full";
    };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Every bucket refills from empty to full in this time; an older one is as good as new. */
export const REFILL_MS = 60_000;
/** A check adds at most two buckets (user and channel), and forgets at most two stale ones. */
const FORGET_PER_CHECK = 2;

/**
 * The table's bound: 100,000 buckets, about 23 MiB when full (`npm run soak -- --limiter`). It
 * fills only if more than 100,000 students (or channels) ask within one minute, over 1,600 new
 * ones a second, which is more than one process answers.
 */
export const DEFAULT_MAX_BUCKETS = 100_000;

export class RateLimiter {
  readonly #policy: Required<Omit<RateLimitPolicy, "maxBuckets">>;
  readonly #now: () => number;
  readonly #buckets: LRUCache<string, Bucket>;

  constructor(policy: RateLimitPolicy, now: () => number = Date.now) {
    const { maxBuckets = DEFAULT_MAX_BUCKETS, ...budgets } = policy;
    // Two: a request may need a user's and a channel's bucket at once.
    if (!Number.isInteger(maxBuckets) || maxBuckets < 2)
      throw new RangeError(`RateLimiter: maxBuckets must be a whole number ≥ 2, not ${maxBuckets}`);
    this.#policy = { channelMultiplier: 5, ...budgets };
    this.#now = now;
    this.#buckets = new LRUCache({ max: maxBuckets });
  }

  /** Buckets held now (at most the policy's `maxBuckets`). */
  get size(): number {
    return this.#buckets.size;
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
    if (decision.allowed) return undefined;
    const { retryAfterSeconds, reason } = decision;
    return {
      answer:
        reason === "table-full"
          ? tooManyAtOnce(command, retryAfterSeconds)
          : slowDown(command, retryAfterSeconds),
      retryAfterSeconds,
    };
  }

  /** Takes a token from every bucket the request draws on, or none if any is empty. */
  check(request: RateLimitRequest): RateLimitDecision {
    const now = this.#now();
    const expensive = request.cost === "expensive";
    const perMinute = expensive ? this.#policy.expensivePerMinute : this.#policy.perMinute;
    const wanted: [string, number][] = [
      [`u:${expensive ? "x" : "c"}:${request.userId}`, perMinute],
    ];
    if (request.channelId)
      wanted.push([
        `c:${expensive ? "x" : "c"}:${request.channelId}`,
        perMinute * this.#policy.channelMultiplier,
      ]);

    // (A stale bucket of this request's own may go too: it is as good as a new one.)
    this.#forgetStale(now);
    const known = wanted.map(([key]) => this.#buckets.get(key));
    const missing = known.filter((bucket) => bucket === undefined).length;
    if (missing > this.#buckets.max - this.#buckets.size)
      return {
        allowed: false,
        retryAfterSeconds: seconds(this.#untilOldestRefills(now)),
        reason: "table-full",
      };

    let wait = 0;
    const buckets = wanted.map(([key, capacity], index) => {
      let bucket = known[index];
      if (!bucket) {
        bucket = { tokens: capacity, updatedAt: now };
        this.#buckets.set(key, bucket); // there is room: checked above
      }
      refill(bucket, capacity, now);
      if (bucket.tokens < 1) wait = Math.max(wait, ((1 - bucket.tokens) * REFILL_MS) / capacity);
      return bucket;
    });
    if (wait > 0)
      return { allowed: false, retryAfterSeconds: seconds(wait), reason: "over-budget" };
    for (const bucket of buckets) bucket.tokens -= 1;
    return { allowed: true };
  }

  /**
   * Forgets the buckets idle longest if they have refilled, two at most (a check adds at most
   * two), so the table holds about a minute's students rather than filling with stale ones.
   */
  #forgetStale(now: number): void {
    const stale: string[] = [];
    // rkeys() starts at the least recently used.
    for (const key of this.#buckets.rkeys()) {
      if (now - (this.#buckets.peek(key)?.updatedAt ?? now) < REFILL_MS) break;
      if (stale.push(key) === FORGET_PER_CHECK) break;
    }
    for (const key of stale) this.#buckets.delete(key);
  }

  /** Milliseconds until the bucket idle longest has refilled (and may be forgotten). */
  #untilOldestRefills(now: number): number {
    for (const key of this.#buckets.rkeys())
      return REFILL_MS - (now - (this.#buckets.peek(key)?.updatedAt ?? now));
    return 0;
  }
}

function refill(bucket: Bucket, capacity: number, now: number): void {
  bucket.tokens = Math.min(
    capacity,
    bucket.tokens + ((now - bucket.updatedAt) * capacity) / REFILL_MS,
  );
  bucket.updatedAt = now;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

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

/** The reply to a new student while the table holds a minute's worth of others. */
export function tooManyAtOnce(command: string, retryAfterSeconds: number): Answer {
  return answer(command, "Very busy right now", {
    status: "invalid-input",
    notes: [
      `Very many people are using the bot at once. Please wait about ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"} and try again.`,
    ],
  });
}
