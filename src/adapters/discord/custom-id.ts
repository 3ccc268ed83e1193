/**
 * Button and modal state carried in Discord's `custom_id` (at most 100 characters), so any
 * process — another gateway shard, a serverless HTTP instance, the bot after a restart — can
 * answer a click without a session store.
 *
 * Format: `dp1|<kind>|<command>[|<reply option>]|<name>=<value>&…`, where kind is `f` (a
 * follow-up button), `r` (a button that opens a reply modal) or `m` (that modal's submission).
 * Values escape `%`, `|`, `&`, `=` and control characters as `%XX`; everything else is kept as
 * is, so non-Latin queries do not triple in length. Decoding checks every part and never throws.
 */
import type { OptionValue } from "../../core/answer.js";
import { LIMITS } from "./limits.js";

const CUSTOM_ID_VERSION = "dp1";

/** A button that runs a command with options. */
interface FollowUpState {
  readonly kind: "follow-up";
  readonly command: string;
  readonly options: Readonly<Record<string, OptionValue>>;
}

/** A button that opens a reply form (`reply`), or that form's submission (`modal`). */
export interface ReplyState {
  readonly kind: "reply" | "modal";
  readonly command: string;
  readonly options: Readonly<Record<string, OptionValue>>;
  /** The option that receives the user's reply text. */
  readonly replyOption: string;
}

export type CustomIdState = FollowUpState | ReplyState;

export type DecodedCustomId =
  | { readonly ok: true; readonly state: CustomIdState }
  | { readonly ok: false; readonly problem: "empty" | "not-ours" | "old-version" | "malformed" };

const KIND_CODES = { "follow-up": "f", reply: "r", modal: "m" } as const;
const KINDS_BY_CODE: Readonly<Record<string, CustomIdState["kind"]>> = {
  f: "follow-up",
  r: "reply",
  m: "modal",
};
const NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;

function escapeValue(value: string): string {
  return value.replace(
    /[%|&=\p{Cc}]/gu,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

function unescapeValue(value: string): string | undefined {
  if (/%(?![0-9A-F]{2})/.test(value)) return undefined;
  return value.replace(/%([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function serialise(state: CustomIdState): string {
  const head = [CUSTOM_ID_VERSION, KIND_CODES[state.kind], state.command];
  if (state.kind !== "follow-up") head.push(state.replyOption);
  const params = Object.entries(state.options).map(
    ([name, value]) => `${name}=${escapeValue(String(value))}`,
  );
  return `${head.join("|")}|${params.join("&")}`;
}

/**
 * Encodes state into a custom id of at most 100 characters. When the options are too long, text
 * options with several words are shortened at a word boundary (they are search words, not
 * quotes); single-word values (ids, signed tokens) are never cut. Returns undefined when the
 * state cannot fit: the caller leaves that button out rather than send a broken one.
 */
export function encodeCustomId(state: CustomIdState): string | undefined {
  if (!NAME.test(state.command) || (state.kind !== "follow-up" && !NAME.test(state.replyOption)))
    return undefined;
  if (Object.keys(state.options).some((name) => !NAME.test(name))) return undefined;
  const options: Record<string, OptionValue> = { ...state.options };
  for (;;) {
    const id = serialise({ ...state, options });
    const excess = id.length - LIMITS.customId;
    if (excess <= 0) return id;
    const longest = Object.entries(options)
      .filter(
        (entry): entry is [string, string] =>
          typeof entry[1] === "string" && /\S\s+\S/.test(entry[1]),
      )
      .sort((a, b) => escapeValue(b[1]).length - escapeValue(a[1]).length)[0];
    if (!longest) return undefined;
    const [name, value] = longest;
    const clipped = clipAtWord(value, escapeValue(value).length - excess);
    if (clipped === undefined) return undefined;
    options[name] = clipped;
  }
}

/** The longest word-boundary prefix of `value` whose escaped form fits `max`, if any. */
function clipAtWord(value: string, max: number): string | undefined {
  const words = value.trim().split(/\s+/);
  while (words.length > 1) {
    words.pop();
    const candidate = words.join(" ");
    if (escapeValue(candidate).length <= max) return candidate;
  }
  return undefined;
}

/**
 * Decodes and checks a custom id. Option values come back as strings: the caller converts them
 * with the command's option types (and the command's schema checks them like typed input).
 */
export function decodeCustomId(id: string): DecodedCustomId {
  if (id === "") return { ok: false, problem: "empty" };
  if (id.length > LIMITS.customId) return { ok: false, problem: "malformed" };
  const parts = id.split("|");
  const version = parts[0] ?? "";
  if (!/^dp\d+$/.test(version)) return { ok: false, problem: "not-ours" };
  if (version !== CUSTOM_ID_VERSION) return { ok: false, problem: "old-version" };
  const kind = KINDS_BY_CODE[parts[1] ?? ""];
  const command = parts[2] ?? "";
  if (!kind || !NAME.test(command)) return { ok: false, problem: "malformed" };
  const expectedParts = kind === "follow-up" ? 4 : 5;
  if (parts.length !== expectedParts) return { ok: false, problem: "malformed" };
  const replyOption = kind === "follow-up" ? "" : (parts[3] ?? "");
  if (kind !== "follow-up" && !NAME.test(replyOption)) return { ok: false, problem: "malformed" };

  const values: Record<string, string> = {};
  const params = parts[expectedParts - 1] ?? "";
  for (const pair of params === "" ? [] : params.split("&")) {
    const equals = pair.indexOf("=");
    const name = pair.slice(0, equals);
    const value = unescapeValue(pair.slice(equals + 1));
    if (equals < 1 || !NAME.test(name) || value === undefined || Object.hasOwn(values, name)) {
      return { ok: false, problem: "malformed" };
    }
    values[name] = value;
  }
  const state: CustomIdState =
    kind === "follow-up"
      ? { kind, command, options: values }
      : { kind, command, options: values, replyOption };
  return { ok: true, state };
}
