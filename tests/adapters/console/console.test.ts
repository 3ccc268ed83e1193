import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { runConsole } from "../../../src/adapters/console/console.js";
import { shippedCore } from "../../helpers/corpus.js";

/** Drives the console through stdin and returns everything it printed. */
async function session(lines: readonly string[], outDir?: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => {
    printed += chunk.toString("utf8");
  });
  const done = runConsole(shippedCore(), catalogue, {
    input,
    output,
    color: false,
    width: 100,
    ...(outDir ? { outDir } : {}),
  });
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

describe("follow-ups and files in the console", () => {
  it("numbers the follow-ups; typing a number runs that one", async () => {
    const out = await session(["/pillar g7", "2"]);
    expect(out).toContain("Next (type a number): 1 /counter g7  ·  2 /pillar eu");
    expect(out.indexOf("Pillar: EU as facilitator")).toBeGreaterThan(out.indexOf("Pillar: G7"));
  });

  it("`more` runs the follow-up that continues the answer, and says so when there is none", async () => {
    const out = await session(["/drill coalition", "/glossary PESCO", "more"]);
    expect(out).toContain("Nothing to continue");
    const paged = await session(["/search Ukraine", "more"]);
    // The second answer continues the first: its own next step is page 3.
    expect(paged).toMatch(/\d+ \/search --query Ukraine --page 2/);
    expect(paged).toMatch(/\d+ \/search --query Ukraine --page 3/);
    expect(paged).not.toContain("Nothing to continue");
  });

  it("saves a map's PNG in the output folder and prints its path", async () => {
    const folder = mkdtempSync(join(tmpdir(), "console-out-"));
    const out = await session(["/map coalition", "/map coalition"], folder);
    const first = join(folder, "argument-map.png");
    const second = join(folder, "argument-map-2.png");
    expect(out).toContain(`Saved to ${first}`);
    expect(out).toContain(`Saved to ${second}`);
    // The PNG signature: a real picture, not a description of one.
    expect([...readFileSync(first).subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  });
});
