import { describe, expect, it } from "vitest";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";

describe("/pillar", () => {
  it.each(["g7", "eu", "coalition"])(
    "/pillar %s gives the pillar, its claims and the objections it answers, all cited",
    async (name) => {
      const answer = await run("pillar", { name });
      expect(answer.status).toBe("ok");
      expect(answer.excerpts.length).toBeGreaterThan(3);
      expect(answer.excerpts.map((e) => e.group)).toEqual(
        expect.arrayContaining(["The pillar", "Main claims"]),
      );
      expectVerbatimAndCited(answer, shippedCore());
    },
  );

  it("answers the coalition's objections with the author's rebuttals", async () => {
    const answer = await run("pillar", { name: "coalition" });
    const groups = answer.excerpts.map((e) => e.group ?? "");
    expect(groups.some((g) => g.includes("European Israel"))).toBe(true);
    expect(answer.excerpts.some((e) => e.node?.id === "reb-jef-not-treaty")).toBe(true);
  });

  it.each([
    ["coalition of the willing", "coalition"],
    ["G-7", "g7"],
    ["europe", "eu"],
    ["European Union", "eu"],
  ])("resolves the alias %j to %s", async (name, id) => {
    const answer = await run("pillar", { name });
    expect(answer.related.length).toBeGreaterThan(0);
    expect(answer.followUps[0]).toMatchObject({ command: "counter", options: { topic: id } });
  });

  it("corrects a typo and says so", async () => {
    const answer = await run("pillar", { name: "coaliton" });
    expect(answer.status).toBe("ok");
    expect((answer.notices ?? [])[0]).toBe(
      "No pillar “coaliton” — did you mean coalition? Showing coalition.",
    );
  });

  it("lists the pillars for a name it cannot place", async () => {
    const answer = await run("pillar", { name: "banana" });
    expect(answer.status).toBe("not-found");
    expect((answer.notices ?? []).join(" ")).toMatch(
      /g7.*eu.*coalition|coalition.*eu.*g7|The pillars are/,
    );
  });

  it("asks for a name when given none", async () => {
    expect((await run("pillar", {})).status).toBe("invalid-input");
  });
});

describe("the ids /claim asks for", () => {
  it.each([
    ["pillar", { name: "g7" }],
    ["counter", { topic: "JEF" }],
    ["claim", { query: "coal-like-minded" }],
  ])("/%s %j names them, and /claim opens each", async (command, options) => {
    const answer = await run(command, options);
    const line = (answer.notices ?? []).find((n) => n.startsWith("Ids for /claim: "));
    const ids = line?.slice("Ids for /claim: ".length, -1).split(", ") ?? [];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const claim = await run("claim", { query: id });
      expect(claim.status, id).toBe("ok");
      expect(claim.title).toContain(shippedCore().corpus.node(id)?.label ?? "(no such id)");
    }
  });
});
