import { z } from "zod";
import { type Answer, answer, type Excerpt } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import type { Core } from "../src/core/core.js";
import type { MapNode } from "../src/core/corpus/model.js";
import { documentRefs, nodeExcerpts, nodeRef } from "../src/core/excerpts.js";
import { firstOf } from "../src/core/first-of.js";
import { shorten } from "../src/core/input.js";
import { readingOption } from "../src/core/option-fields.js";
import { NAMED, withReading } from "../src/core/readings.js";
import { resolvePillar } from "../src/core/resolve.js";
import { roleOf } from "../src/core/roles.js";
import { idsFor } from "../src/core/words.js";

/** Objections shown for one topic; beyond this the answer stops being a quick read. */
const MAX_OBJECTIONS = 4;
/** Objections listed at most, e.g. for all of them or a whole pillar. */
const MAX_LISTED = 12;

export default defineCommand({
  name: "counter",
  description: "Objections on a topic, the author's rebuttals, and what the text leaves unanswered",
  options: z.object({
    topic: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("What the objections are about, e.g. NATO, JEF, EU; empty for all")
      .meta({ autocomplete: "objection" }),
    reading: readingOption,
  }),
  examples: ["counter NATO membership", "counter JEF", "counter"],
  run: (core, { topic, reading }) => counterAnswer(core, topic, reading),
});

/**
 * The objections on a topic (all of them without one), each with the author's answers; the
 * editors' open points are told apart from the objections she answers. Free questions about
 * weak points ("what are the weaknesses of this argument?") get this answer too. With several
 * readings, from the one named or the one that has objections on the topic.
 */
export function counterAnswer(
  core: Core,
  topic: string | undefined,
  reading?: string,
): Answer | Promise<Answer> {
  return withReading(
    core,
    {
      command: "counter",
      reading,
      asked: topic ? `objections on “${shorten(topic, 40)}”` : "objections",
      retry: topic ? `/counter ${topic}` : "/counter",
      options: { topic },
      match: (one) => counterMatch(one, topic),
    },
    (one) => objectionsAnswer(one, topic),
  );
}

/** How well a reading has objections on the topic (see `readings.ts`). */
function counterMatch(core: Core, topic: string | undefined): number {
  if (core.corpus.nodesOfKind("objection").length === 0) return 0;
  if (topic === undefined) return 1;
  if (resolvePillar(core, topic).kind === "exact" || core.corpus.node(topic.trim().toLowerCase()))
    return NAMED;
  return core.search.searchNodes(topic, ["objection", "rebuttal"])[0]?.score ?? 0;
}

function objectionsAnswer(core: Core, topic: string | undefined): Answer {
  const all = topic ? objectionsOn(core, topic) : core.corpus.nodesOfKind("objection");
  const listed = firstOf(all, MAX_LISTED, "objections", "give a topic to narrow them down");
  const objections = listed.shown;
  if (objections.length === 0) {
    return answer("counter", `No objections on “${shorten(topic ?? "", 60)}”`, {
      status: "not-found",
      notes: [
        "The map has no objection on that topic. Try /counter with no topic for all of them.",
      ],
      suggestions: [
        "/counter",
        ...core.corpus.nodesOfKind("pillar").map((p) => `/counter ${p.id}`),
      ],
    });
  }
  const notes: string[] = [...listed.notes];
  const excerpts: Excerpt[] = [];
  for (const objection of objections) {
    const rebuttals = core.corpus.rebuttalsOf(objection.key);
    const open = roleOf(objection) === "open-point";
    const group = `${open ? "Open point (the editors’)" : "Objection"}: ${objection.label}`;
    if (objection.summary) notes.push(`${objection.label} — ${objection.summary}`);
    excerpts.push(
      ...nodeExcerpts(
        objection,
        { group, label: open ? "What the editors' point rests on" : "Where the text raises it" },
        1,
        core,
      ),
    );
    excerpts.push(
      ...rebuttals.flatMap((r) =>
        nodeExcerpts(r, { group, label: `The author's answer: ${r.label}` }, 1, core),
      ),
    );
    if (rebuttals.length === 0)
      notes.push(`Unanswered: the text leaves “${objection.label}” open.`);
  }
  return answer(
    "counter",
    topic ? `Counter-arguments: “${shorten(topic, 60)}”` : "Counter-arguments in the reading",
    {
      notices: idsFor("claim", objections),
      notes,
      excerpts,
      related: objections.map(nodeRef),
      followUps: objections.slice(0, 3).map((o) => ({
        label: `Claim: ${shorten(o.label, 60)}`,
        command: "claim",
        options: { query: o.id },
      })),
      sources: documentRefs(
        core,
        excerpts,
        objections.map((o) => o.documentId),
      ),
    },
  );
}

/** A pillar's objections, a node's attackers, or the objections that best match the words. */
function objectionsOn(core: Core, topic: string): MapNode[] {
  const pillar = resolvePillar(core, topic);
  if (pillar.kind === "exact") {
    return core.corpus
      .nodesOfKind("objection")
      .filter(
        (o) =>
          o.pillar === pillar.value.key ||
          core.corpus
            .outgoing(o.key, "attacks", "undercuts")
            .some((t) => t.pillar === pillar.value.key || t === pillar.value),
      );
  }
  const node = core.corpus.node(topic.trim().toLowerCase());
  if (node) return node.kind === "objection" ? [node] : core.corpus.attackersOf(node.key);
  const hits = core.search.searchNodes(topic, ["objection", "rebuttal"]);
  const best = hits[0]?.score ?? 0;
  const found = hits
    .filter((h) => h.score >= best * 0.35)
    .map((h) =>
      h.node.kind === "objection"
        ? h.node
        : core.corpus.outgoing(h.node.key, "rebuts", "undercuts")[0],
    )
    .filter((n): n is MapNode => n?.kind === "objection");
  return [...new Set(found)].slice(0, MAX_OBJECTIONS);
}
