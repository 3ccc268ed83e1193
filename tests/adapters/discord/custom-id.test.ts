import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CustomIdState,
  decodeCustomId,
  encodeCustomId,
} from "../../../src/adapters/discord/custom-id.js";

describe("encodeCustomId", () => {
  it("writes a compact, versioned id", () => {
    expect(
      encodeCustomId({
        kind: "follow-up",
        command: "search",
        options: { query: "why not the JEF?", page: 2 },
      }),
    ).toBe("dp1|f|search|query=why not the JEF?&page=2");
    expect(encodeCustomId({ kind: "follow-up", command: "sources", options: {} })).toBe(
      "dp1|f|sources|",
    );
    expect(
      encodeCustomId({
        kind: "reply",
        command: "drill-check",
        options: { round: "r1" },
        replyOption: "answer",
      }),
    ).toBe("dp1|r|drill-check|answer|round=r1");
  });

  it("escapes its own separators inside values", () => {
    const id = encodeCustomId({
      kind: "follow-up",
      command: "search",
      options: { query: "a|b&c=d%e" },
    });
    expect(id).toBe("dp1|f|search|query=a%7Cb%26c%3Dd%25e");
    expect(decodeCustomId(id as string)).toEqual({
      ok: true,
      state: { kind: "follow-up", command: "search", options: { query: "a|b&c=d%e" } },
    });
  });

  it("clips long text options at a word boundary to fit 100 characters", () => {
    const query =
      "what does the author say about the joint expeditionary force and its memorandum of understanding with partners";
    const id = encodeCustomId({
      kind: "follow-up",
      command: "search",
      options: { query, page: 2 },
    }) as string;
    expect(id.length).toBeLessThanOrEqual(100);
    const decoded = decodeCustomId(id);
    expect(decoded.ok && decoded.state.options.page).toBe("2");
    const clipped = decoded.ok ? String(decoded.state.options.query) : "";
    expect(query.startsWith(clipped)).toBe(true);
    expect(query[clipped.length]).toBe(" ");
  });

  it("never cuts a single-word value such as a signed token: the button is left out instead", () => {
    expect(
      encodeCustomId({ kind: "follow-up", command: "drill", options: { state: "x".repeat(120) } }),
    ).toBeUndefined();
  });

  it("refuses names Discord's ids cannot carry safely", () => {
    expect(encodeCustomId({ kind: "follow-up", command: "Bad|Name", options: {} })).toBeUndefined();
    expect(
      encodeCustomId({ kind: "follow-up", command: "search", options: { "a=b": "x" } }),
    ).toBeUndefined();
  });

  it("property: every state round-trips (values as strings) and every id fits", () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean());
    fc.assert(
      fc.property(
        name,
        fc.dictionary(name, value, { maxKeys: 3 }),
        fc.boolean(),
        (command, options, reply) => {
          const state: CustomIdState = reply
            ? { kind: "modal", command, options, replyOption: "answer" }
            : { kind: "follow-up", command, options };
          const id = encodeCustomId(state);
          if (id === undefined) return;
          expect(id.length).toBeLessThanOrEqual(100);
          const decoded = decodeCustomId(id);
          expect(decoded.ok).toBe(true);
          if (!decoded.ok) return;
          expect(decoded.state.kind).toBe(state.kind);
          expect(decoded.state.command).toBe(command);
          const strings = Object.fromEntries(
            Object.entries(options).map(([k, v]) => [k, String(v)]),
          );
          // A clipped id keeps a word-boundary prefix of each text value; an unclipped one keeps all.
          if (id === encodeCustomId({ ...state, options: strings })) {
            for (const [k, v] of Object.entries(decoded.state.options))
              expect(strings[k]?.startsWith(String(v))).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("decodeCustomId rejects what it did not make", () => {
  it.each([
    ["", "empty"],
    ["pillar:g7", "not-ours"],
    ["dp0|f|pillar|name=g7", "old-version"],
    ["dp2|f|pillar|name=g7", "old-version"],
    ["dp1|x|pillar|name=g7", "malformed"],
    ["dp1|f|Pillar|name=g7", "malformed"],
    ["dp1|f|pillar", "malformed"],
    ["dp1|f|pillar|name=g7|extra", "malformed"],
    ["dp1|r|drill|name=g7", "malformed"],
    ["dp1|f|pillar|name=g7&name=eu", "malformed"],
    ["dp1|f|pillar|=g7", "malformed"],
    ["dp1|f|pillar|name=%zz", "malformed"],
    ["dp1|f|pillar|NAME=g7", "malformed"],
    [`dp1|f|search|query=${"x".repeat(100)}`, "malformed"],
  ])("%j → %s", (id, problem) => {
    expect(decodeCustomId(id)).toEqual({ ok: false, problem });
  });
});
