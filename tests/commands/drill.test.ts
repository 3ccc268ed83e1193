import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../commands/index.js";
import { runConsole } from "../../src/adapters/console/console.js";
import type { Answer } from "../../src/core/answer.js";
import { createCore } from "../../src/core/core.js";
import { drillPool } from "../../src/core/debate/drill.js";
import {
  DRILL_TOKEN_LENGTH,
  decodeDrillToken,
  encodeDrillToken,
} from "../../src/core/debate/drill-token.js";
import { runCommandText } from "../../src/core/dispatch.js";
import { executeCommand } from "../../src/core/execute.js";
import { GOOD_REPLIES } from "../fixtures/drill-replies.js";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { SHIPPED_CORPUS, shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";
import { consoleSession } from "./debate-cli.js";

const core = shippedCore();
const OFF_TOPIC = "I think pizza is better than pasta, especially on sunny Sundays.";

function tokenOf(answer: Answer): string {
  const token = answer.replyRequest?.options.token;
  if (typeof token !== "string") throw new Error("no token in the reply request");
  return token;
}

function hitsOf(answer: Answer): number {
  const note = answer.notes.find((n) => n.startsWith("Coaching, not a grade"));
  return Number(/used (\d+) of/.exec(note ?? "")?.[1] ?? Number.NaN);
}

describe("/drill: a round", () => {
  it("states an objection and asks for a reply, carrying the round in a signed token", async () => {
    const answer = await run("drill", { pillar: "coalition" });
    expect(answer.status).toBe("ok");
    expect(answer.title).toBe("Drill, round 1: answer this objection");
    // The objection is drawn at random from the coalition's pool: those grouped under the
    // pillar, attacking it, or answered by one of its rebuttals.
    const objection = answer.related[0];
    const pool = drillPool(core.corpus, core.corpus.node("coalition")).objections.map(
      (o) => o.node.key,
    );
    expect(pool).toContain(objection?.key);
    expect(answer.replyRequest).toMatchObject({ command: "drill", replyOption: "reply" });
    const token = tokenOf(answer);
    expect(token).toHaveLength(DRILL_TOKEN_LENGTH);
    expect(answer.followUps).toContainEqual({
      label: "Reveal the author's answer",
      command: "drill",
      options: { token },
    });
    expect(answer.notes.some((n) => n.startsWith("The objection (our paraphrase): "))).toBe(true);
    expectVerbatimAndCited(answer, core);
  });

  it("scores a good reply above an off-topic one, and reveals the author's answer with its card", async () => {
    const asked = await run("drill", { pillar: "coalition" });
    const id = asked.related[0]?.id ?? "";
    const token = tokenOf(asked);
    const good = await run("drill", { token, reply: GOOD_REPLIES[id] ?? "" });
    const off = await run("drill", { token, reply: OFF_TOPIC });
    expect(good.title).toBe("Drill, round 1: the author's answer");
    expect(hitsOf(good)).toBeGreaterThan(hitsOf(off));
    expect(hitsOf(off)).toBe(0);
    expect(good.notes).toContainEqual(expect.stringMatching(/^Hit: .+\.$/));
    expect(good.notes).toContainEqual(expect.stringMatching(/^Missed: .+\.$/));
    const rebuttals = core.corpus.rebuttalsOf(asked.related[0]?.key ?? "").map((r) => r.id);
    expect(
      good.excerpts.filter((e) => e.group === "The author's answer").map((e) => e.node?.id),
    ).toEqual(expect.arrayContaining(rebuttals));
    expect(good.copyText).toContain("TAG (our words, not the author's)");
    expectVerbatimAndCited(good, core);
  });

  it("reveals without scoring when there is no reply (a Reveal button)", async () => {
    const asked = await run("drill", {});
    const revealed = await run("drill", { token: tokenOf(asked) });
    expect(revealed.status).toBe("ok");
    expect(revealed.notes.some((n) => n.startsWith("Coaching"))).toBe(false);
    expect(revealed.notes[0]).toMatch(/^Revealed without a reply/);
    expect(revealed.excerpts.length).toBeGreaterThan(0);
  });

  it("continues with “Next”: round 2, another objection of the same pillar", async () => {
    const asked = await run("drill", { pillar: "coalition" });
    const revealed = await run("drill", { token: tokenOf(asked), reply: "a reply" });
    const next = revealed.followUps.find((f) => f.label === "Next objection");
    expect(next?.command).toBe("drill");
    const round2 = await run("drill", { ...next?.options });
    expect(round2.title).toBe("Drill, round 2: answer this objection");
    expect(round2.related[0]?.id).not.toBe(asked.related[0]?.id);
    const decoded = decodeDrillToken(
      tokenOf(round2),
      core.drillSecret,
      core.corpus,
      Math.floor(Date.now() / 1000),
    );
    expect(decoded.ok && decoded.state).toMatchObject({ phase: "ask", round: 2, pillarIndex: 2 });
  });

  it("survives a restart: a token made by another process with the same secret works", async () => {
    const now = Math.floor(Date.now() / 1000);
    const index = core.corpus
      .nodesOfKind("objection")
      .findIndex((o) => o.id === "obj-reorient-jef");
    const token = encodeDrillToken(
      {
        phase: "ask",
        readingIndex: 0,
        pillarIndex: undefined,
        objectionIndex: index,
        round: 1,
        issuedAt: now,
      },
      core.drillSecret,
      core.corpus,
    );
    const revealed = await run("drill", { token, reply: GOOD_REPLIES["obj-reorient-jef"] ?? "" });
    expect(revealed.related[0]?.id).toBe("obj-reorient-jef");
    expect(hitsOf(revealed)).toBeGreaterThanOrEqual(4);
  });
});

describe("/drill: bad state and bad input", () => {
  it("rejects a tampered token with a clear answer", async () => {
    const token = tokenOf(await run("drill", { pillar: "eu" }));
    const tampered = `${token.slice(0, 5)}${token[5] === "A" ? "B" : "A"}${token.slice(6)}`;
    const answer = await run("drill", { token: tampered, reply: "anything" });
    expect(answer.status).toBe("invalid-input");
    expect(answer.title).toBe("This drill round cannot be continued");
    expect(answer.notes[0]).toMatch(/not issued by this assistant|another version/);
    expect(answer.suggestions).toContain("/drill");
  });

  it("rejects a cut-short token and one from another secret", async () => {
    const token = tokenOf(await run("drill", {}));
    expect((await run("drill", { token: token.slice(0, 20) })).notes[0]).toMatch(
      /not a drill token/,
    );
    const foreign = encodeDrillToken(
      {
        phase: "ask",
        readingIndex: 0,
        pillarIndex: undefined,
        objectionIndex: 0,
        round: 1,
        issuedAt: Math.floor(Date.now() / 1000),
      },
      "some-other-secret",
      core.corpus,
    );
    expect((await run("drill", { token: foreign })).notes[0]).toMatch(
      /not issued by this assistant/,
    );
  });

  it("explains that a pillar with no answered objection has nothing to drill", async () => {
    const answer = await run("drill", { pillar: "g7" });
    expect(answer.status).toBe("not-found");
    expect(answer.notes.some((n) => n.includes("G7 help still runs through slow partners"))).toBe(
      true,
    );
  });

  it("suggests pillars for an unknown one", async () => {
    const answer = await run("drill", { pillar: "nonsense pillar" });
    expect(answer.status).toBe("not-found");
    expect(answer.suggestions[0]).toBe("/drill");
  });

  it("reads typed text: a several-word pillar, and a token typed from a “Next:” hint", async () => {
    const words = await runCommandText(core, catalogue, "drill", "coalition of the willing");
    expect(words.title).toBe("Drill, round 1: answer this objection");
    const typed = await runCommandText(core, catalogue, "drill", tokenOf(words));
    expect(typed.title).toBe("Drill, round 1: the author's answer");
  });
});

describe("/drill in the console", () => {
  it("plays a round through stdin: objection, reply on the next line, reveal (runConsole)", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = "";
    output.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    const done = runConsole(core, catalogue, { input, output, color: false, width: 100 });
    input.end(
      "drill coalition\nA coalition outside NATO cannot be blocked by cautious states, and it is faster.\n",
    );
    await done;
    const asked = out.indexOf("Drill, round 1: answer this objection");
    const prompt = out.indexOf("(type your reply on the next line)");
    const revealed = out.indexOf("Drill, round 1: the author's answer");
    expect(asked).toBeGreaterThan(-1);
    expect(prompt).toBeGreaterThan(asked);
    expect(revealed).toBeGreaterThan(prompt);
    expect(out.slice(revealed)).toContain("Coaching, not a grade: your reply (14 words) used");
    expect(out.slice(revealed)).toMatch(/— Anisova, ELN, 6 Dec 2023, ¶\d+ · /);
    expect(out.slice(revealed)).toMatch(/Next \(type a number\): 1 \/drill [A-Za-z0-9_-]{28}/);
  });

  it("plays a round in the built program (`node dist/src/main.js`) driven through stdin", async () => {
    const out = await consoleSession([
      "drill coalition",
      "Cautious states cannot block a coalition outside NATO; it is set up faster.",
      "exit",
    ]);
    expect(out).toContain("Drill, round 1: answer this objection");
    expect(out).toContain("Drill, round 1: the author's answer");
    expect(out).toContain("Coaching, not a grade");
    expect(out).toContain("── The author's answer (our heading)");
  });
});

describe("/drill with a pinned clock and a fixed draw", () => {
  const hour = 3600 * 1000;
  const coreAt = (now: () => number, draw: (below: number) => number) =>
    createCore(SHIPPED_CORPUS, { drillSecret: "test-secret", now, randomInt: draw });
  const command = catalogue.find((c) => c.name === "drill");

  it("the random source picks the first objection, so a draw gives the same round every time", async () => {
    if (!command) throw new Error("no /drill");
    const first = coreAt(
      () => 0,
      () => 0,
    );
    const last = coreAt(
      () => 0,
      (below) => below - 1,
    );
    const pool = drillPool(first.corpus, undefined).objections;
    const one = await executeCommand(first, command, {});
    const again = await executeCommand(first, command, {});
    const other = await executeCommand(last, command, {});
    expect(one.related[0]?.id).toBe(pool[0]?.node.id);
    expect(again.related[0]?.id).toBe(pool[0]?.node.id);
    expect(other.related[0]?.id).toBe(pool.at(-1)?.node.id);
    expect(pool.length).toBeGreaterThan(1);
  });

  it("the clock dates the round: its token works now and has expired a day later", async () => {
    if (!command) throw new Error("no /drill");
    let now = 1_700_000_000_000;
    const core = coreAt(
      () => now,
      () => 0,
    );
    const asked = await executeCommand(core, command, {});
    const token = asked.replyRequest?.options.token;
    expect(typeof token).toBe("string");
    const answered = await executeCommand(core, command, { token, reply: "An answer." });
    expect(answered.status).toBe("ok");
    now += 25 * hour;
    const late = await executeCommand(core, command, { token, reply: "An answer." });
    expect(late.status).not.toBe("ok");
  });
});
