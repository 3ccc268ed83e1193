import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { runConsole } from "../../../src/adapters/console/console.js";
import { shippedCore } from "../../helpers/corpus.js";

/** Drives the console through stdin and returns everything it printed. */
async function session(lines: readonly string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => {
    printed += chunk.toString("utf8");
  });
  const done = runConsole(shippedCore(), catalogue, { input, output, color: false, width: 100 });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await done;
  return printed;
}

describe("the interactive console", () => {
  it("answers slash commands, bare commands and plain questions in order", async () => {
    const out = await session(["/why-not-jef", "pillar g7", "is the JEF legally binding?"]);
    const jef = out.indexOf("Why a new coalition rather than the JEF?");
    const g7 = out.indexOf("Pillar: G7 framework");
    const search = out.indexOf("Search: “is the JEF legally binding?”");
    expect(jef).toBeGreaterThan(-1);
    expect(g7).toBeGreaterThan(jef);
    expect(search).toBeGreaterThan(g7);
  });

  it("cites every quote and marks our words as ours", async () => {
    const out = await session(["/pillar coalition"]);
    expect(out).toContain("Editor's notes (our words, not the author's):");
    expect(out).toContain("(our label)");
    expect(out).toMatch(
      /— Anisova, ELN, 6 Dec 2023, ¶\d+ · Coalition of the willing as a transition, not a substitute/,
    );
    expect(out).toContain("https://www.europeanleadershipnetwork.org/commentary/no-need-to-wait");
  });

  it("keeps going after bad input, with suggestions", async () => {
    const out = await session(["/piller g7", "/pillar eu"]);
    expect(out).toContain("There is no /piller command");
    expect(out).toContain("Did you mean /pillar?");
    expect(out).toContain("Pillar: EU as facilitator");
  });

  it("strips terminal escape sequences from what it echoes", async () => {
    const out = await session(["/pillar \u001b[31mred\u001b[0m"]);
    expect(out).not.toContain("\u001b[");
  });

  it("stops on exit", async () => {
    const out = await session(["exit", "/pillar g7"]);
    expect(out).not.toContain("Pillar: G7");
  });
});

describe("replies the console asks for", () => {
  it("takes the next line as the reply, unless it is a new /command", async () => {
    const out = await session(["/drill coalition", "/pillar eu"]);
    expect(out).toContain("Pillar: EU as facilitator");
    const answered = await session([
      "/drill coalition",
      "a mutual defence clause signals high costs, like Article 5",
    ]);
    expect(answered).toMatch(/Coaching, not a grade/i);
  });
});
