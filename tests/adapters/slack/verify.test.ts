import { describe, expect, it } from "vitest";
import { checkSlackRequest, slackSignature } from "../../../src/adapters/slack/verify.js";
import { sign } from "../../fakes/slack/requests.js";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const NOW = 1_700_000_000;
const BODY = "token=x&command=%2Fwhy-not-jef&text=";

function headers(timestamp: number | string, signature: string) {
  return { "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature };
}

describe("checkSlackRequest", () => {
  it("matches the signature Slack documents (v0 HMAC-SHA256 of v0:ts:body)", () => {
    expect(slackSignature(SECRET, NOW, BODY)).toBe(sign(SECRET, NOW, BODY));
  });

  it.each([
    ["a correct signature, now", NOW, sign(SECRET, NOW, BODY), { ok: true }],
    ["a correct signature, 4:59 ago", NOW - 299, sign(SECRET, NOW - 299, BODY), { ok: true }],
    ["a correct signature, 4:59 ahead", NOW + 299, sign(SECRET, NOW + 299, BODY), { ok: true }],
    [
      "a timestamp 5:01 ago",
      NOW - 301,
      sign(SECRET, NOW - 301, BODY),
      { ok: false, reason: "stale" },
    ],
    [
      "a timestamp 5:01 ahead",
      NOW + 301,
      sign(SECRET, NOW + 301, BODY),
      { ok: false, reason: "future" },
    ],
    [
      "another secret",
      NOW,
      sign("another-secret", NOW, BODY),
      { ok: false, reason: "bad-signature" },
    ],
    [
      "a signature of another body",
      NOW,
      sign(SECRET, NOW, `${BODY}x`),
      { ok: false, reason: "bad-signature" },
    ],
    [
      "a signature for another time",
      NOW,
      sign(SECRET, NOW - 1, BODY),
      { ok: false, reason: "bad-signature" },
    ],
    [
      "a truncated signature",
      NOW,
      sign(SECRET, NOW, BODY).slice(0, 20),
      { ok: false, reason: "bad-signature" },
    ],
    [
      "a non-numeric timestamp",
      "17e8",
      sign(SECRET, NOW, BODY),
      { ok: false, reason: "bad-timestamp" },
    ],
  ] as const)("%s", (_name, timestamp, signature, expected) => {
    expect(
      checkSlackRequest(SECRET, headers(timestamp, signature), Buffer.from(BODY), NOW),
    ).toEqual(expected);
  });

  it("refuses requests without the signing headers", () => {
    expect(checkSlackRequest(SECRET, {}, Buffer.from(BODY), NOW)).toEqual({
      ok: false,
      reason: "missing-headers",
    });
    expect(
      checkSlackRequest(
        SECRET,
        { "x-slack-signature": sign(SECRET, NOW, BODY) },
        Buffer.from(BODY),
        NOW,
      ),
    ).toEqual({ ok: false, reason: "missing-headers" });
  });
});
