/**
 * Abuse limits: token buckets per user and per channel, with a stricter budget for expensive
 * commands (rendering pictures). Pure and clock-injected, so adapters share one policy and tests
 * need no timers. The words of the "slow down" reply are chosen here, once, for every platform.
 *
 * The buckets live in a least-recently-used table of bounded size (lru-cache), so a check costs
 * the same however many students have asked: a lookup per bucket, and when a new student's bucket
 * needs room, a look at the one or two buckets idle the longest. A bucket left alone for a minute
 * has refilled completely, so forgetting it changes nothing; one used within the last minute is
 * never forgotten. When the table is full of buckets used within the last minute, a student
 * without one is asked to wait until the oldest of them is a minute old.
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

/**
 * The table's bound: 100,000 buckets, about 20 MiB when full (`npm run soak -- --limiter`). It
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

    // Known buckets first: looking one up makes it the most recently used, so the room made
    // below is never taken from this request's own buckets.
    const known = wanted.map(([key]) => this.#buckets.get(key));
    const missing = known.filter((bucket) => bucket === undefined).length;
    if (missing > 0) {
      const busyFor = this.#roomFor(missing, now);
      if (busyFor > 0)
        return { allowed: false, retryAfterSeconds: seconds(busyFor), reason: "table-full" };
    }

    let wait = 0;
    const buckets = wanted.map(([key, capacity], index) => {
      let bucket = known[index];
      if (!bucket) {
        bucket = { tokens: capacity, updatedAt: now };
        this.#buckets.set(key, bucket); // evicts the least recently used, checked stale above
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
   * Whether `count` new buckets fit: 0 if they do (the free places, then the least recently
   * used buckets if each has been idle a full refill), else the milliseconds until they will.
   */
  #roomFor(count: number, now: number): number {
    const free = this.#buckets.max - this.#buckets.size;
    let toEvict = count - free;
    if (toEvict <= 0) return 0;
    // rkeys() starts at the least recently used: at most `count` (≤ 2) steps.
    for (const key of this.#buckets.rkeys()) {
      const idle = now - (this.#buckets.peek(key)?.updatedAt ?? now);
      if (idle < REFILL_MS) return REFILL_MS - idle;
      if (--toEvict === 0) return 0;
    }
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
