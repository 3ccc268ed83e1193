/**
 * Slack request signing, checked before Bolt sees a request: the v0 HMAC-SHA256 of
 * `v0:{timestamp}:{body}` with the signing secret, and a timestamp within five minutes of now in
 * either direction (Bolt itself refuses only old ones, so a request signed for the future would
 * otherwise stay replayable until then).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** How far a request's timestamp may be from our clock, past or future. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type SlackRequestCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: "missing-headers" | "bad-timestamp" | "stale" | "future" | "bad-signature";
    };

/** The `x-slack-signature` header value for a body sent at `timestamp` (seconds). */
export function slackSignature(
  signingSecret: string,
  timestamp: number | string,
  body: string | Buffer,
): string {
  const hmac = createHmac("sha256", signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(body);
  return `v0=${hmac.digest("hex")}`;
}

/** Checks a request's signature and timestamp; `nowSeconds` is injectable for tests. */
export function checkSlackRequest(
  signingSecret: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
  nowSeconds: number = Date.now() / 1000,
): SlackRequestCheck {
  const signature = headers["x-slack-signature"];
  const timestamp = headers["x-slack-request-timestamp"];
  if (typeof signature !== "string" || typeof timestamp !== "string")
    return { ok: false, reason: "missing-headers" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "bad-timestamp" };
  const skew = Number(timestamp) - nowSeconds;
  if (skew < -MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: "stale" };
  if (skew > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: "future" };
  const expected = Buffer.from(slackSignature(signingSecret, timestamp, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "bad-signature" };
  return { ok: true };
}
