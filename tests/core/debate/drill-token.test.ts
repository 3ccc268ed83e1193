import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCore } from "../../../src/core/core.js";
import {
  DRILL_TOKEN_LENGTH,
  DRILL_TOKEN_TTL_SECONDS,
  type DrillState,
  decodeDrillToken,
  encodeDrillToken,
} from "../../../src/core/debate/drill-token.js";
import { FIXTURE_CORPUS, shippedCore } from "../../helpers/corpus.js";

const { corpus } = shippedCore();
const SECRET = "drill-test-secret";
const NOW = 1_750_000_000;
const state: DrillState = {
  phase: "ask",
  readingIndex: 0,
  pillarIndex: 2,
  objectionIndex: 4,
  round: 3,
  issuedAt: NOW,
};
const token = encodeDrillToken(state, SECRET, corpus);
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

describe("drill state tokens", () => {
  it("round-trip every state they can hold (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("ask" as const, "next" as const),
        fc.integer({ min: 0, max: 255 }),
        fc.option(fc.integer({ min: 0, max: 254 }), { nil: undefined }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 1, max: 255 }),
        fc.integer({ min: 0, max: DRILL_TOKEN_TTL_SECONDS }),
        (phase, readingIndex, pillarIndex, objectionIndex, round, age) => {
          const s: DrillState = {
            phase,
            readingIndex,
            pillarIndex,
            objectionIndex,
            round,
            issuedAt: NOW - age,
          };
          const encoded = encodeDrillToken(s, SECRET, corpus);
          expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(encoded).toHaveLength(DRILL_TOKEN_LENGTH);
          expect(decodeDrillToken(encoded, SECRET, corpus, NOW)).toEqual({ ok: true, state: s });
        },
      ),
    );
  });

  it("are short enough for a Discord custom_id with room for a prefix and the command", () => {
    expect(DRILL_TOKEN_LENGTH).toBeLessThanOrEqual(32);
    expect(`f:drill:token:${token}`.length).toBeLessThan(100);
  });

  it("stop counting rounds at 255 rather than wrapping to 0", () => {
    const long = encodeDrillToken({ ...state, round: 999 }, SECRET, corpus);
    const decoded = decodeDrillToken(long, SECRET, corpus, NOW);
    expect(decoded.ok && decoded.state.round).toBe(255);
  });

  it("reject a token with any one character changed", () => {
    for (let i = 0; i < token.length; i++) {
      const swapped = BASE64URL[(BASE64URL.indexOf(token[i] as string) + 1) % BASE64URL.length];
      const tampered = `${token.slice(0, i)}${swapped}${token.slice(i + 1)}`;
      const result = decodeDrillToken(tampered, SECRET, corpus, NOW);
      expect(result.ok, `position ${i}`).toBe(false);
      if (!result.ok) expect(["signature", "version"]).toContain(result.problem);
    }
  });

  it("reject truncated, padded and foreign-alphabet tokens as malformed", () => {
    for (const bad of [
      token.slice(0, -1),
      token.slice(0, 10),
      `${token}A`,
      "",
      `${token.slice(0, -1)}=`,
      "coalition",
    ]) {
      expect(decodeDrillToken(bad, SECRET, corpus, NOW)).toEqual({
        ok: false,
        problem: "malformed",
      });
    }
  });

  it("reject tokens signed with another secret, or issued for another reading", () => {
    expect(decodeDrillToken(token, "another-secret", corpus, NOW)).toEqual({
      ok: false,
      problem: "signature",
    });
    const other = createCore(FIXTURE_CORPUS, { drillSecret: SECRET }).corpus;
    expect(decodeDrillToken(token, SECRET, other, NOW)).toEqual({
      ok: false,
      problem: "signature",
    });
  });

  it("expire after a day, and refuse dates in the future", () => {
    expect(decodeDrillToken(token, SECRET, corpus, NOW + DRILL_TOKEN_TTL_SECONDS).ok).toBe(true);
    expect(decodeDrillToken(token, SECRET, corpus, NOW + DRILL_TOKEN_TTL_SECONDS + 1)).toEqual({
      ok: false,
      problem: "expired",
    });
    expect(decodeDrillToken(token, SECRET, corpus, NOW - 3600)).toEqual({
      ok: false,
      problem: "expired",
    });
  });

  it("never throw on arbitrary input (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(decodeDrillToken(text, SECRET, corpus, NOW).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 21, maxLength: 21 }), (bytes) => {
        const forged = Buffer.from(bytes).toString("base64url");
        expect(decodeDrillToken(forged, SECRET, corpus, NOW).ok).toBe(false);
      }),
    );
  });
});
