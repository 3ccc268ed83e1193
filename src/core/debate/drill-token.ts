/**
 * The state of a drill round, carried by the user (a button's custom_id, an action value, a
 * console line) instead of a session store: any process holding the secret can continue it.
 *
 * Layout (9 bytes, then a 12-byte HMAC-SHA256 tag), base64url — 28 characters, no padding bits:
 *   version × 2 + phase · reading index · pillar index + 1 (0 = any) · objection index · round ·
 *   issued-at (uint32 s)
 * The reading index says which reading's map the pillar and objection indices count in, so a
 * reply is judged against the right reading when several are loaded. The tag also covers a
 * fingerprint of every reading's pillars and objections, so a token from another corpus (or an
 * edited map, where index 3 may mean another objection) is refused.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { CorpusModel, Derived } from "../corpus/model.js";

const DRILL_TOKEN_VERSION = 2;
/** 96 bits: far beyond guessing within a token's lifetime, and short enough for a custom_id. */
const TAG_BYTES = 12;
const PAYLOAD_BYTES = 9;
export const DRILL_TOKEN_LENGTH = Math.ceil(((PAYLOAD_BYTES + TAG_BYTES) * 4) / 3);
/** A round can be answered for a day; after that, start a new one. */
export const DRILL_TOKEN_TTL_SECONDS = 24 * 60 * 60;
/** Clocks of several processes may disagree a little. */
const CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * `ask`: the objection has been stated; the token answers it (with a reply) or reveals it.
 * `next`: the objection is to be stated (a "Next" button).
 */
export type DrillPhase = "ask" | "next";

export interface DrillState {
  readonly phase: DrillPhase;
  /** Index of the reading among the corpus's readings (in their order). */
  readonly readingIndex: number;
  /** Index among the reading's pillars, or undefined for a drill over every objection. */
  readonly pillarIndex: number | undefined;
  /** Index among the reading's objections (in map order). */
  readonly objectionIndex: number;
  /** 1-based; stops counting at 255. */
  readonly round: number;
  /** Seconds since the epoch. */
  readonly issuedAt: number;
}

export type DrillTokenProblem =
  /** Not a token at all, or cut short. */
  | "malformed"
  /** Made by another version of the assistant. */
  | "version"
  /** Changed, signed with another secret, or made for another reading. */
  | "signature"
  /** Older than the time-to-live, or dated in the future. */
  | "expired";

export type DrillTokenResult =
  | { readonly ok: true; readonly state: DrillState }
  | { readonly ok: false; readonly problem: DrillTokenProblem };

const PHASES: readonly DrillPhase[] = ["ask", "next"];

/** Signs a round's state. */
export function encodeDrillToken(state: DrillState, secret: string, corpus: CorpusModel): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload.writeUInt8(DRILL_TOKEN_VERSION * 2 + PHASES.indexOf(state.phase), 0);
  payload.writeUInt8(byte(state.readingIndex), 1);
  payload.writeUInt8(state.pillarIndex === undefined ? 0 : byte(state.pillarIndex + 1), 2);
  payload.writeUInt8(byte(state.objectionIndex), 3);
  payload.writeUInt8(byte(Math.max(1, state.round)), 4);
  payload.writeUInt32BE(Math.max(0, Math.min(0xffffffff, Math.floor(state.issuedAt))), 5);
  return Buffer.concat([payload, tag(payload, secret, corpus)]).toString("base64url");
}

/** Checks and reads a token; never throws. `now` is in seconds since the epoch. */
export function decodeDrillToken(
  token: string,
  secret: string,
  corpus: CorpusModel,
  now: number,
): DrillTokenResult {
  if (token.length !== DRILL_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token))
    return { ok: false, problem: "malformed" };
  const bytes = Buffer.from(token, "base64url");
  if (bytes.length !== PAYLOAD_BYTES + TAG_BYTES) return { ok: false, problem: "malformed" };
  const payload = bytes.subarray(0, PAYLOAD_BYTES);
  // The signature is checked before anything else is believed, the version included.
  if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), tag(payload, secret, corpus))) {
    return {
      ok: false,
      problem: payload.readUInt8(0) >> 1 === DRILL_TOKEN_VERSION ? "signature" : "version",
    };
  }
  const phase = PHASES[payload.readUInt8(0) & 1];
  const pillar = payload.readUInt8(2);
  const issuedAt = payload.readUInt32BE(5);
  if (!phase) return { ok: false, problem: "malformed" };
  if (now - issuedAt > DRILL_TOKEN_TTL_SECONDS || issuedAt - now > CLOCK_SKEW_SECONDS)
    return { ok: false, problem: "expired" };
  return {
    ok: true,
    state: {
      phase,
      readingIndex: payload.readUInt8(1),
      pillarIndex: pillar === 0 ? undefined : pillar - 1,
      objectionIndex: payload.readUInt8(3),
      round: payload.readUInt8(4),
      issuedAt,
    },
  };
}

function tag(payload: Buffer, secret: string, corpus: CorpusModel): Buffer {
  return createHmac("sha256", secret)
    .update("drill-token\0")
    .update(fingerprint(corpus))
    .update(payload)
    .digest()
    .subarray(0, TAG_BYTES);
}

/** What the indices in a token refer to: the pillars and objections, in order. */
const FINGERPRINT: Derived<Buffer> = {
  name: "drill token: fingerprint of the pillars and objections",
  compute: (corpus) => {
    const keys = [...corpus.nodesOfKind("pillar"), ...corpus.nodesOfKind("objection")].map(
      (n) => `${n.kind}:${n.key}`,
    );
    return createHash("sha256").update(keys.join("\n")).digest();
  },
};

function fingerprint(corpus: CorpusModel): Buffer {
  return corpus.derived(FINGERPRINT);
}

function byte(value: number): number {
  return Math.max(0, Math.min(255, Math.floor(value)));
}
