/** Signing interaction requests the way Discord does, with a key pair made for the test. */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";

export interface TestKeys {
  readonly privateKey: KeyObject;
  /** 64 hex characters, as DISCORD_PUBLIC_KEY takes it. */
  readonly publicKeyHex: string;
}

export function testKeys(): TestKeys {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });
  return { privateKey, publicKeyHex: der.subarray(der.length - 32).toString("hex") };
}

/** The X-Signature-Ed25519 header for a timestamp and a raw body. */
export function signature(keys: TestKeys, timestamp: string, body: string | Buffer): string {
  return sign(
    null,
    Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]),
    keys.privateKey,
  ).toString("hex");
}

/**
 * POSTs `body` to `url` as Discord POSTs an interaction: JSON, timestamped and signed. `headers`
 * override the defaults, and an `undefined` value leaves that header out (for refusal tests).
 */
export function postInteraction(
  url: string,
  keys: TestKeys,
  body: string | Buffer,
  headers: Readonly<Record<string, string | undefined>> = {},
): Promise<Response> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const all: Record<string, string | undefined> = {
    "content-type": "application/json",
    "x-signature-timestamp": timestamp,
    "x-signature-ed25519": signature(keys, headers["x-signature-timestamp"] ?? timestamp, body),
    ...headers,
  };
  return fetch(url, {
    method: "POST",
    headers: Object.fromEntries(
      Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    body,
  });
}
