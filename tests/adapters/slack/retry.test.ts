import { describe, expect, it } from "vitest";
import {
  backoffDelays,
  isTransient,
  postWithRetry,
  RESPONSE_URL_RETRY,
  ResponseUrlError,
} from "../../../src/adapters/slack/retry.js";
import { memoryLogger } from "./helpers.js";

describe("backoffDelays", () => {
  it("grows by the factor, within the jitter, and is bounded by the number of attempts", () => {
    for (const random of [0, 0.5, 0.999]) {
      const delays = backoffDelays(RESPONSE_URL_RETRY, () => random);
      expect(delays).toHaveLength(RESPONSE_URL_RETRY.attempts - 1);
      expect(delays[0]).toBeGreaterThanOrEqual(80);
      expect(delays[0]).toBeLessThanOrEqual(120);
      expect(delays[1]).toBeGreaterThanOrEqual(320);
      expect(delays[1]).toBeLessThanOrEqual(480);
    }
    expect(backoffDelays(RESPONSE_URL_RETRY, () => 0.5)).toEqual([100, 400]);
  });
});

describe("isTransient", () => {
  it.each([
    ["a 500 from our own post", new ResponseUrlError(500), true],
    ["a 503 from Bolt's respond", Object.assign(new Error("x"), { statusCode: 503 }), true],
    ["a 429", new ResponseUrlError(429), true],
    [
      "a refused connection",
      new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }),
      true,
    ],
    ["a 404 (expired URL)", new ResponseUrlError(404), false],
    ["a 400 (message refused)", Object.assign(new Error("x"), { statusCode: 400 }), false],
    ["a bug", new TypeError("undefined is not a function"), false],
  ])("%s → %s", (_what, error, expected) => {
    expect(isTransient(error)).toBe(expected);
  });
});

describe("postWithRetry", () => {
  const fast = { attempts: 3, baseDelayMs: 1, factor: 2, jitter: 0 };

  it("returns the first success, after logging each retry", async () => {
    const { logger, lines } = memoryLogger();
    let calls = 0;
    const result = await postWithRetry(
      async () => {
        calls++;
        if (calls < 3) throw new ResponseUrlError(502);
        return "posted";
      },
      logger,
      fast,
    );
    expect(result).toBe("posted");
    expect(calls).toBe(3);
    expect(lines().map((l) => [l.msg, l.attempt, l.status])).toEqual([
      ["Slack: posting to the response_url failed; retrying", 1, 502],
      ["Slack: posting to the response_url failed; retrying", 2, 502],
    ]);
  });

  it("gives up after the last attempt with an error naming the attempts and the status", async () => {
    const { logger } = memoryLogger();
    let calls = 0;
    const failing = postWithRetry(
      async () => {
        calls++;
        throw new ResponseUrlError(500);
      },
      logger,
      fast,
    );
    await expect(failing).rejects.toThrow(
      "Slack: the response_url did not take the answer after 3 attempts (HTTP 500)",
    );
    expect(calls).toBe(3);
  });

  it("does not retry what would fail the same way again", async () => {
    const { logger } = memoryLogger();
    let calls = 0;
    await expect(
      postWithRetry(
        async () => {
          calls++;
          throw new ResponseUrlError(404);
        },
        logger,
        fast,
      ),
    ).rejects.toThrow("after 1 attempt (HTTP 404)");
    expect(calls).toBe(1);
  });
});
