import { describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { createCore } from "../../../src/core/core.js";
import type { MapNode } from "../../../src/core/corpus/model.js";
import { runCommandText } from "../../../src/core/dispatch.js";
import { chatCommand, mapPage, mapPageUrl, nodeDetails } from "../../../src/core/map/page.js";
import { resolveFocus } from "../../../src/core/map/select.js";
import { isOpenPoint, NODE_STYLES, nodeLook } from "../../../src/core/map/style.js";
import { ARGUMENT_KINDS } from "../../../src/core/resolve.js";
import {
  corpusCopy,
  FIXTURE_CORPUS,
  FIXTURE_DOC,
  SHIPPED_CORPUS,
  SHIPPED_DOC,
  shippedCore,
} from "../../helpers/corpus.js";

const core = shippedCore();
const { corpus } = core;

function page(request: Parameters<typeof mapPage>[1]) {
  const outcome = mapPage(core, request);
  if (outcome.kind !== "page") throw new Error(`no page: ${JSON.stringify(outcome)}`);
  return outcome.page;
}

describe("mapPage: what the web page shows", () => {
  it("shows a reading's whole argument: every node but the framing context, every relation", () => {
    const whole = page({});
    const argued = corpus.nodes.filter((n) => ARGUMENT_KINDS.includes(n.kind));
    expect(whole.view.nodes.map((n) => n.id)).toEqual(argued.map((n) => n.id));
    expect(whole.view.relations).toHaveLength(corpus.relations.length);
    expect(whole.view.focus).toBeUndefined();
    expect(whole.reading.id).toBe(SHIPPED_DOC);
    expect(whole.nodes).toHaveLength(argued.length);
    expect(whole.unknownFocus).toBeUndefined();
  });

  it.each([
    ["coalition", "coalition"],
    ["coal-speed", "coal-speed"],
    ["coaliton", "coalition"],
    ["a coalition can be set up quickly", "coal-speed"],
  ])("resolves focus %j like /map does, centring on %s", (focus, id) => {
    const resolved = resolveFocus(core, focus);
    expect(resolved.kind === "none" ? undefined : resolved.node.id).toBe(id);
    const focused = page({ focus });
    expect(focused.view.focus?.id).toBe(id);
    expect(focused.view.depth).toBe(2);
  });

  it("says when it corrected a focus, and offers pillars for one that matches nothing", () => {
    expect(page({ focus: "coaliton" }).notes.join(" ")).toContain("did you mean coalition?");
    const missing = page({ focus: "zzzz qqqq" });
    expect(missing.view.focus).toBeUndefined();
    expect(missing.unknownFocus?.input).toBe("zzzz qqqq");
    expect(missing.unknownFocus?.suggestions).toEqual(
      expect.arrayContaining(["g7", "eu", "coalition"]),
    );
  });

  it("keeps the depth asked for, and says when there is no focus for it to apply to", () => {
    expect(page({ focus: "eu", depth: 1 }).view.depth).toBe(1);
    expect(page({ focus: "eu", depth: 3 }).view.depth).toBe(3);
    expect(page({ focus: "eu", depth: 3 }).notes).toEqual([]);
    expect(page({ depth: 3 }).notes).toEqual([
      "depth applies only around a focus, so the whole argument is shown.",
    ]);
  });

  it("answers an unknown reading with the near misses first", () => {
    const outcome = mapPage(core, { reading: "anisova-2023-no-need-to-wiat" });
    expect(outcome.kind).toBe("unknown-reading");
    if (outcome.kind === "unknown-reading")
      expect(outcome.suggestions.map((s) => s.id)).toEqual([SHIPPED_DOC]);
    expect(mapPage(core, { reading: SHIPPED_DOC.toUpperCase() }).kind).toBe("page");
  });
});

describe("mapPage with several readings", () => {
  const two = createCore(corpusCopy([SHIPPED_CORPUS, FIXTURE_CORPUS]), { drillSecret: "t" });

  it("shows the reading ?reading= names, only its nodes, and lists every reading", () => {
    const outcome = mapPage(two, { reading: FIXTURE_DOC });
    if (outcome.kind !== "page") throw new Error("no page");
    expect(outcome.page.reading.id).toBe(FIXTURE_DOC);
    expect(outcome.page.view.nodes.length).toBeGreaterThan(0);
    for (const node of outcome.page.view.nodes) expect(node.documentId).toBe(FIXTURE_DOC);
    expect(outcome.page.readings.map((r) => r.id).sort()).toEqual(
      [FIXTURE_DOC, SHIPPED_DOC].sort(),
    );
  });

  it("follows a focus into the reading it belongs to", () => {
    const outcome = mapPage(two, { reading: FIXTURE_DOC, focus: "coal-speed" });
    if (outcome.kind !== "page") throw new Error("no page");
    expect(outcome.page.reading.id).toBe(SHIPPED_DOC);
    expect(outcome.page.view.focus?.id).toBe("coal-speed");
  });
});

describe("nodeDetails: the panel of a node", () => {
  it("carries our label and summary, the author's verbatim quotes with citations, and the neighbours", () => {
    const node = corpus.node("coal-like-minded") as MapNode;
    const details = nodeDetails(core, node);
    expect(details.node.label).toBe(node.label);
    expect(details.summary).toBe(node.summary);
    expect(details.quotes.map((q) => q.quote)).toEqual(node.quotes.map((q) => q.text));
    for (const quote of details.quotes) {
      const paragraph = corpus.paragraph(SHIPPED_DOC, quote.source.paragraph);
      expect(paragraph?.text).toContain(quote.quote);
    }
    expect(details.paragraphs).toEqual([12]);
    // Every relation in the map that ends at it, and every one that starts from it.
    const toIt = corpus.relations.filter((r) => r.to === node.key);
    expect(details.incoming.map((r) => [r.relation, r.node.key])).toEqual(
      toIt.map((r) => [r.type, r.from]),
    );
    expect(details.incoming.map((r) => r.node.id)).toEqual(
      expect.arrayContaining(["coal-speed", "obj-work-through-frameworks"]),
    );
    expect(details.outgoing).toEqual([
      { relation: "supports", node: expect.objectContaining({ id: "coalition" }) },
    ]);
    expect(details.command).toBe("/claim coal-like-minded");
  });

  it("names the chat command that answers about the same node", () => {
    expect(chatCommand({ kind: "pillar", id: "eu" })).toBe("/pillar eu");
    expect(chatCommand({ kind: "objection", id: "obj-jef" })).toBe("/counter obj-jef");
    expect(chatCommand({ kind: "evidence", id: "ev-card" })).toBe("/claim ev-card");
  });

  it.each(
    corpus.nodes.filter((n) => n.kind !== "context").map((n) => [chatCommand(n), n] as const),
  )("%s answers about the same node in chat", async (command, node) => {
    const [name = "", ...args] = command.slice(1).split(" ");
    const answer = await runCommandText(core, catalogue, name, args.join(" "));
    expect(answer.status).toBe("ok");
    const first = node.quotes[0];
    if (first) expect(answer.excerpts.map((e) => e.quote)).toContain(first.text);
    else expect(JSON.stringify([answer.title, answer.notes])).toContain(node.label);
  });

  it("sends context nodes to /sources, which tells what frames the reading", async () => {
    expect(chatCommand({ kind: "context", id: "ctx-series" })).toBe("/sources");
    const answer = await runCommandText(core, catalogue, "sources", "");
    expect(answer.notes.join(" ")).toContain("This piece is part of a series");
  });

  it("tells the editors' open points apart from the objections the author answers", () => {
    const open = corpus.node("obj-no-nuclear-umbrella") as MapNode;
    const answered = corpus
      .nodesOfKind("objection")
      .find((o) => corpus.rebuttalsOf(o.key).length > 0) as MapNode;
    expect(isOpenPoint(open)).toBe(true);
    expect(isOpenPoint(answered)).toBe(false);
    expect(nodeLook(open)).toBe("open-point");
    expect(nodeLook(answered)).toBe("objection");
    expect(NODE_STYLES["open-point"]).not.toEqual(NODE_STYLES.objection);
    const details = nodeDetails(core, open);
    expect(details.lookName).toContain("open point");
    expect(details.note).toMatch(/editors raise \(ours\)/);
  });
});

describe("mapPageUrl", () => {
  it.each([
    [{}, "https://bot.example.edu/map"],
    [{ focus: "coalition" }, "https://bot.example.edu/map?focus=coalition"],
    [{ focus: "coal-speed", depth: 2 }, "https://bot.example.edu/map?focus=coal-speed"],
    [{ focus: "coal-speed", depth: 3 }, "https://bot.example.edu/map?focus=coal-speed&depth=3"],
    [{ focus: "a&b c" }, "https://bot.example.edu/map?focus=a%26b+c"],
  ])("%j → %s", (view, url) => {
    expect(mapPageUrl("https://bot.example.edu/", view)).toBe(url);
  });
});
