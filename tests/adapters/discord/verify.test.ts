import { describe, expect, it } from "vitest";
import {
  checkSignature,
  ed25519PublicKey,
  MAX_SIGNATURE_AGE_SECONDS,
} from "../../../src/adapters/discord/verify.js";
import { signature, testKeys } from "./signing.js";

const keys = testKeys();
const key = ed25519PublicKey(keys.publicKeyHex);
const now = 1_700_000_000_000;
const timestamp = String(now / 1000);
const body = Buffer.from('{"type":1}');

describe("checkSignature", () => {
  it("accepts Discord's signature over timestamp + raw body", () => {
    expect(checkSignature(key, signature(keys, timestamp, body), timestamp, body, now)).toEqual({
      ok: true,
    });
  });

  it.each([
    [
      "a changed body",
      () =>
        checkSignature(
          key,
          signature(keys, timestamp, body),
          timestamp,
          Buffer.from('{"type":2}'),
          now,
        ),
      "bad-signature",
    ],
    [
      "a changed timestamp",
      () =>
        checkSignature(key, signature(keys, timestamp, body), String(now / 1000 + 1), body, now),
      "bad-signature",
    ],
    [
      "another key",
      () => checkSignature(key, signature(testKeys(), timestamp, body), timestamp, body, now),
      "bad-signature",
    ],
    ["no signature", () => checkSignature(key, undefined, timestamp, body, now), "missing-headers"],
    [
      "no timestamp",
      () => checkSignature(key, "ab".repeat(64), undefined, body, now),
      "missing-headers",
    ],
    [
      "a signature that is not hex",
      () => checkSignature(key, "zz".repeat(64), timestamp, body, now),
      "malformed-signature",
    ],
    [
      "a short signature",
      () => checkSignature(key, "ab", timestamp, body, now),
      "malformed-signature",
    ],
    [
      "a timestamp that is not a number",
      () => checkSignature(key, "ab".repeat(64), "yesterday", body, now),
      "malformed-timestamp",
    ],
  ])("refuses %s", (_, run, reason) => {
    expect(run()).toEqual({ ok: false, reason });
  });

  it("refuses a validly signed request that is too old or too far ahead (a replay)", () => {
    const old = String(now / 1000 - MAX_SIGNATURE_AGE_SECONDS - 1);
    const ahead = String(now / 1000 + MAX_SIGNATURE_AGE_SECONDS + 1);
    expect(checkSignature(key, signature(keys, old, body), old, body, now)).toEqual({
      ok: false,
      reason: "stale-timestamp",
    });
    expect(checkSignature(key, signature(keys, ahead, body), ahead, body, now)).toEqual({
      ok: false,
      reason: "stale-timestamp",
    });
    const recent = String(now / 1000 - MAX_SIGNATURE_AGE_SECONDS + 1);
    expect(checkSignature(key, signature(keys, recent, body), recent, body, now)).toEqual({
      ok: true,
    });
  });

  it("refuses a public key that is not 64 hex characters, naming the setting", () => {
    expect(() => ed25519PublicKey("abc")).toThrow(/DISCORD_PUBLIC_KEY/);
  });
});
