import { z } from "zod";
import { type Answer, answer, type Excerpt } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import type { Core } from "../src/core/core.js";
import type { MapNode } from "../src/core/corpus/model.js";
import { documentRefs, nodeExcerpts, nodeRef } from "../src/core/excerpts.js";
import { firstOf } from "../src/core/first-of.js";
import { shorten } from "../src/core/input.js";
import { readingOption } from "../src/core/option-fields.js";
import { withReading } from "../src/core/readings.js";
import { resolutionMatch, resolvePillar } from "../src/core/resolve.js";
import { correctedTo, didYouMean, idsFor, noSuch, pillarList } from "../src/core/words.js";

export default defineCommand({
  name: "pillar",
  description: "One pillar of the argument: its thesis, main claims and the objections it answers",
  options: z.object({
    name: z
      .string()
      .min(1)
      .max(60)
      .describe("g7, eu or coalition (aliases like “coalition of the willing” work)")
      .meta({ autocomplete: "pillar" }),
    reading: readingOption,
  }),
  examples: ["pillar coalition", "pillar g7", "pillar European Union"],
  run: (core, { name, reading }) =>
    withReading(
      core,
      {
        command: "pillar",
        reading,
        asked: `a pillar “${shorten(name, 40)}”`,
        retry: `/pillar ${name}`,
        options: { name },
        match: (one) => resolutionMatch(resolvePillar(one, name)),
      },
      (one) => pillarAnswer(one, name),
    ),
});

function pillarAnswer(core: Core, name: string): Answer {
  const found = resolvePillar(core, name);
  const pillars = core.corpus.nodesOfKind("pillar");
  if (found.kind === "none") {
    const near = found.suggestions.slice(0, 3);
    return answer("pillar", noSuch("pillar", name), {
      status: "not-found",
      notices: [
        didYouMean("pillar", name, near.length < pillars.length ? near : []),
        pillarList(pillars),
      ],
      suggestions: near.map((id) => `/pillar ${id}`),
    });
  }
  const pillar = found.value;
  const allClaims = core.corpus.claimsOf(pillar.key);
  const allObjections = objectionsOf(core, pillar, allClaims);
  // A chat answer stays readable: the map's first claims and objections, and a pointer to the rest.
  const listedClaims = firstOf(allClaims, MAX_CLAIMS, "claims", "/claim shows any one of them");
  const listedObjections = firstOf(
    allObjections,
    MAX_OBJECTIONS,
    "objections",
    `/counter ${pillar.id} lists them`,
  );
  const claims = listedClaims.shown;
  const objections = listedObjections.shown;
  const excerpts: Excerpt[] = [
    ...nodeExcerpts(pillar, { group: "The pillar" }),
    ...claims.flatMap((claim) => nodeExcerpts(claim, { group: "Main claims" }, 1, core)),
    ...objections.flatMap((objection) =>
      core.corpus
        .rebuttalsOf(objection.key)
        .flatMap((rebuttal) =>
          nodeExcerpts(rebuttal, { group: `Objection answered: ${objection.label}` }, 1, core),
        ),
    ),
  ];
  const open = objections.filter((o) => core.corpus.rebuttalsOf(o.key).length === 0);
  return answer("pillar", `Pillar: ${pillar.label}`, {
    notices: [
      ...(found.kind === "corrected" ? [correctedTo("pillar", name, pillar.id)] : []),
      ...idsFor("claim", [...claims, ...objections]),
    ],
    notes: [
      ...(pillar.summary ? [pillar.summary] : []),
      ...listedClaims.notes,
      ...listedObjections.notes,
      ...open.map((o) => `Left open by the text: ${o.label}${o.summary ? ` — ${o.summary}` : ""}`),
    ],
    excerpts,
    related: [...claims, ...objections].map(nodeRef),
    followUps: [
      { label: "Counter-arguments", command: "counter", options: { topic: pillar.id } },
      ...pillars
        .filter((p) => p !== pillar)
        .map((p) => ({ label: `Pillar: ${p.id}`, command: "pillar", options: { name: p.id } })),
      { label: "Show the sources", command: "sources", options: {} },
    ],
    ...(found.kind === "corrected" ? { suggestions: [`/pillar ${pillar.id}`] } : {}),
    sources: documentRefs(core, excerpts, [pillar.documentId]),
  });
}

const MAX_CLAIMS = 8;
const MAX_OBJECTIONS = 6;

/** Objections grouped under the pillar, or attacking the pillar or one of its claims. */
function objectionsOf(core: Core, pillar: MapNode, claims: readonly MapNode[]): MapNode[] {
  const targets = new Set([pillar.key, ...claims.map((c) => c.key)]);
  return core.corpus
    .nodesOfKind("objection")
    .filter(
      (o) =>
        o.pillar === pillar.key ||
        core.corpus.outgoing(o.key, "attacks", "undercuts").some((t) => targets.has(t.key)),
    );
}
