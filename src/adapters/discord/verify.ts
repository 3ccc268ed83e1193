/**
 * Checking that an HTTP interaction really comes from Discord: an Ed25519 signature (by the
 * application's public key) over the timestamp header followed by the raw body, and a timestamp
 * recent enough that a captured request cannot be replayed later. Uses node:crypto only.
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Requests signed longer ago (or further ahead) than this are refused as replays. */
export const MAX_SIGNATURE_AGE_SECONDS = 300;

export type SignatureCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason:
        | "missing-headers"
        | "malformed-signature"
        | "malformed-timestamp"
        | "stale-timestamp"
        | "bad-signature";
    };

/** The application's public key (64 hex characters, as the developer portal shows it). */
export function ed25519PublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex))
    throw new TypeError(
      "Discord: DISCORD_PUBLIC_KEY must be 64 hex characters (the application's public key)",
    );
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]),
    format: "der",
    type: "spki",
  });
}

/** Verifies the signature headers against the raw body, before anything parses it. */
export function checkSignature(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs: number,
): SignatureCheck {
  if (signature === undefined || timestamp === undefined || signature === "" || timestamp === "")
    return { ok: false, reason: "missing-headers" };
  if (!/^[0-9a-f]{128}$/i.test(signature)) return { ok: false, reason: "malformed-signature" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed-timestamp" };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS)
    return { ok: false, reason: "stale-timestamp" };
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
  return verify(null, signed, key, Buffer.from(signature, "hex"))
    ? { ok: true }
    : { ok: false, reason: "bad-signature" };
}
