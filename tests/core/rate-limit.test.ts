import { describe, expect, it } from "vitest";
import { RateLimiter, slowDown } from "../../src/core/rate-limit.js";

function limiter(perMinute = 3, expensivePerMinute = 1) {
  let now = 0;
  const limit = new RateLimiter({ perMinute, expensivePerMinute, channelMultiplier: 2 }, () => now);
  return { limit, advance: (ms: number) => (now += ms) };
}

describe("rate limits", () => {
  it("lets a user spend their budget, then asks them to wait", () => {
    const { limit } = limiter(3);
    for (let i = 0; i < 3; i++) expect(limit.check({ userId: "u1" }).allowed).toBe(true);
    expect(limit.check({ userId: "u1" })).toEqual({ allowed: false, retryAfterSeconds: 20 });
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
