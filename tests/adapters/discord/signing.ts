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
