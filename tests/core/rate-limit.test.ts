import fc from "fast-check";
import { LRUCache } from "lru-cache";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RateLimiter, REFILL_MS, slowDown, tooManyAtOnce } from "../../src/core/rate-limit.js";

function limiter(perMinute = 3, expensivePerMinute = 1, maxBuckets?: number) {
  let now = 0;
  const limit = new RateLimiter(
    { perMinute, expensivePerMinute, channelMultiplier: 2, ...(maxBuckets ? { maxBuckets } : {}) },
    () => now,
  );
  return { limit, advance: (ms: number) => (now += ms) };
}

describe("rate limits", () => {
  it("lets a user spend their budget, then asks them to wait", () => {
    const { limit } = limiter(3);
    for (let i = 0; i < 3; i++) expect(limit.check({ userId: "u1" }).allowed).toBe(true);
    expect(limit.check({ userId: "u1" })).toEqual({
      allowed: false,
      retryAfterSeconds: 20,
      reason: "over-budget",
    });
  });

  it("refuses with the slow-down answer for the command, saying how long to wait", () => {
    const { limit } = limiter(1);
    expect(limit.refuse({ userId: "u1" }, "pillar")).toBeUndefined();
    const refused = limit.refuse({ userId: "u1" }, "pillar");
    expect(refused?.retryAfterSeconds).toBe(60);
    expect(refused?.answer).toEqual(slowDown("pillar", 60));
  });

  it("refills over time", () => {
    const { limit, advance } = limiter(3);
    for (let i = 0; i < 3; i++) limit.check({ userId: "u1" });
    advance(20_000);
    expect(limit.check({ userId: "u1" }).allowed).toBe(true);
    expect(limit.check({ userId: "u1" }).allowed).toBe(false);
  });

  it("keeps users apart but bounds a whole channel", () => {
    const { limit } = limiter(3);
    for (let i = 0; i < 3; i++)
      expect(limit.check({ userId: "u1", channelId: "c" }).allowed).toBe(true);
    expect(limit.check({ userId: "u2", channelId: "c" }).allowed).toBe(true);
    expect(limit.check({ userId: "u2", channelId: "c" }).allowed).toBe(true);
    expect(limit.check({ userId: "u2", channelId: "c" }).allowed).toBe(true);
    // The channel's bucket (2 × 3) is now empty, though u3 has never asked.
    expect(limit.check({ userId: "u3", channelId: "c" }).allowed).toBe(false);
    expect(limit.check({ userId: "u3", channelId: "elsewhere" }).allowed).toBe(true);
  });

  it("limits expensive commands more strictly, on their own budget", () => {
    const { limit } = limiter(3, 1);
    expect(limit.check({ userId: "u1", cost: "expensive" }).allowed).toBe(true);
    expect(limit.check({ userId: "u1", cost: "expensive" })).toEqual({
      allowed: false,
      retryAfterSeconds: 60,
      reason: "over-budget",
    });
    expect(limit.check({ userId: "u1" }).allowed).toBe(true);
  });

  it("refuses without spending when any bucket is empty", () => {
    const { limit, advance } = limiter(1);
    expect(limit.check({ userId: "u1", channelId: "c" }).allowed).toBe(true);
    expect(limit.check({ userId: "u1", channelId: "c" }).allowed).toBe(false);
    advance(60_000);
    expect(limit.check({ userId: "u1", channelId: "c" }).allowed).toBe(true);
  });

  it("answers politely with the wait", () => {
    expect(slowDown("map", 12)).toMatchObject({
      status: "invalid-input",
      title: "Slow down a little",
      notes: [expect.stringContaining("about 12 seconds")],
    });
  });
});

describe("rate limits: a bounded table of buckets", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("forgets buckets that have refilled, idle longest first, and keeps one still refilling", () => {
    const { limit, advance } = limiter(3, 1, 3);
    limit.check({ userId: "early" });
    advance(10_000);
    limit.check({ userId: "later" });
    advance(10_000);
    for (let i = 0; i < 3; i++) limit.check({ userId: "drained" });
    advance(55_000);
    // "early" and "later" have refilled (75 s and 65 s idle): both go; "drained" (55 s) stays.
    expect(limit.check({ userId: "newcomer" }).allowed).toBe(true);
    expect(limit.size).toBe(2);
    // Remembered: 2.75 tokens refilled, not a fresh 3.
    expect(limit.check({ userId: "drained" }).allowed).toBe(true);
    expect(limit.check({ userId: "drained" }).allowed).toBe(true);
    expect(limit.check({ userId: "drained" }).allowed).toBe(false);
  });

  it("never forgets a student inside their minute: a new one waits until a place frees", () => {
    const { limit, advance } = limiter(3, 1, 2);
    for (let i = 0; i < 3; i++) limit.check({ userId: "flooder" });
    advance(5_000);
    limit.check({ userId: "other" });
    advance(40_000);
    // The flooder's bucket is 45 s old and not yet full: it stays, and the newcomer is told to
    // wait the 15 s until it is.
    expect(limit.check({ userId: "newcomer" })).toEqual({
      allowed: false,
      retryAfterSeconds: 15,
      reason: "table-full",
    });
    expect(limit.refuse({ userId: "newcomer" }, "pillar")).toEqual({
      answer: tooManyAtOnce("pillar", 15),
      retryAfterSeconds: 15,
    });
    // Remembered: 2.25 tokens refilled, not a fresh 3.
    expect(limit.check({ userId: "flooder" }).allowed).toBe(true);
    expect(limit.check({ userId: "flooder" }).allowed).toBe(true);
    expect(limit.check({ userId: "flooder" }).allowed).toBe(false);
    advance(REFILL_MS);
    expect(limit.check({ userId: "newcomer" }).allowed).toBe(true);
  });

  it("forgets only what changes nothing: a returning student gets a full budget either way", () => {
    const { limit, advance } = limiter(3, 1, 2);
    for (let i = 0; i < 3; i++) limit.check({ userId: "returning" });
    advance(REFILL_MS);
    limit.check({ userId: "a" });
    limit.check({ userId: "b" }); // both places taken: "returning", a minute idle, is forgotten
    expect(limit.size).toBe(2);
    advance(REFILL_MS);
    for (let i = 0; i < 3; i++) expect(limit.check({ userId: "returning" }).allowed).toBe(true);
    expect(limit.check({ userId: "returning" }).allowed).toBe(false);
  });

  it("decides exactly as an unbounded limiter until its table is full of recent buckets", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            user: fc.integer({ min: 0, max: 4 }),
            channel: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined, freq: 2 }),
            expensive: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
            afterMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 70_000 })),
          }),
          { maxLength: 100 },
        ),
        (requests) => {
          const small = limiter(3, 1, 3);
          const large = limiter(3, 1);
          for (const { user, channel, expensive, afterMs } of requests) {
            small.advance(afterMs);
            large.advance(afterMs);
            const request = {
              userId: `u${user}`,
              channelId: channel === undefined ? undefined : `c${channel}`,
              cost: expensive ? ("expensive" as const) : ("cheap" as const),
            };
            const bounded = small.limit.check(request);
            if (!bounded.allowed && bounded.reason === "table-full") return;
            expect(bounded).toEqual(large.limit.check(request));
            expect(small.limit.size).toBeLessThanOrEqual(3);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("makes room for a user's and a channel's bucket together, or for neither", () => {
    const { limit, advance } = limiter(3, 1, 3);
    limit.check({ userId: "a", channelId: "c1" });
    advance(REFILL_MS);
    limit.check({ userId: "b" }); // "a" and "c1" are stale; "b" is not
    expect(limit.check({ userId: "d", channelId: "c2" }).allowed).toBe(true);
    expect(limit.check({ userId: "e", channelId: "c3" })).toMatchObject({
      allowed: false,
      reason: "table-full",
    });
    expect(limit.size).toBe(3);
  });

  it("refuses a bound that could not hold one request's buckets", () => {
    expect(() => limiter(3, 1, 1)).toThrow(/maxBuckets must be a whole number ≥ 2/);
  });

  it("does the same bounded work per check below its bound and far past it, and holds no more", () => {
    const bound = 1_000;
    let now = 0;
    // Channels far above the students' budget: this is about the table, not refusals.
    const limit = new RateLimiter(
      { perMinute: 20, expensivePerMinute: 4, channelMultiplier: 1_000, maxBuckets: bound },
      () => now,
    );
    // Every call the limiter makes into its table, counted: any walk over the table would show.
    const calls = { count: 0 };
    for (const method of [
      "get",
      "set",
      "peek",
      "has",
      "delete",
      "rkeys",
      "keys",
      "entries",
    ] as const) {
      const original = LRUCache.prototype[method] as (...args: unknown[]) => unknown;
      vi.spyOn(LRUCache.prototype, method).mockImplementation(function (
        this: unknown,
        ...args: unknown[]
      ) {
        calls.count++;
        return original.apply(this, args);
      } as never);
    }
    let student = 0;
    /** `count` new students, `perSecond` a second, each in one of 50 channels. */
    const arrive = (count: number, perSecond: number) => {
      const work: number[] = [];
      const refused = { "over-budget": 0, "table-full": 0 };
      for (let i = 0; i < count; i++, student++) {
        now += 1000 / perSecond;
        const before = calls.count;
        const decision = limit.check({ userId: `s${student}`, channelId: `c${student % 50}` });
        work.push(calls.count - before);
        if (!decision.allowed) refused[decision.reason]++;
        expect(limit.size).toBeLessThanOrEqual(bound);
      }
      return { most: Math.max(...work), refused };
    };
    // 10 a second: a minute's students (600) and the channels fit; refilled buckets are dropped.
    const calm = arrive(2 * bound, 10);
    expect(calm.refused).toEqual({ "over-budget": 0, "table-full": 0 });
    expect(limit.size).toBe(600 + 50);
    // 100 a second, ten times the bound in all: the table stays full, newcomers wait their turn.
    const flood = arrive(10 * bound, 100);
    expect(limit.size).toBe(bound);
    expect(flood.refused["table-full"]).toBeGreaterThan(0);
    expect(flood.refused["table-full"]).toBeLessThan(10 * bound);
    // The most work a check did: the same with 650 buckets as at the bound, and never above
    // nine calls (a look at the two buckets idle longest, forgetting both, a lookup per bucket
    // and a place for each new one).
    expect(flood.most).toBe(calm.most);
    expect(calm.most).toBeLessThanOrEqual(9);
  });
});
