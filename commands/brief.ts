import { z } from "zod";
import { type Answer, answer, type Excerpt, type FollowUp } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import type { Core } from "../src/core/core.js";
import type { MapNode } from "../src/core/corpus/model.js";
import {
  type CaseAgainst,
  type CaseFor,
  caseAgainst,
  caseFor,
  type MatchedScope,
} from "../src/core/debate/brief.js";
import {
  CARD_KINDS,
  cardCopyText,
  cardExcerpts,
  type EvidenceCard,
} from "../src/core/debate/card.js";
import { resolveMotion } from "../src/core/debate/motion.js";
import { documentRefs, nodeRef } from "../src/core/excerpts.js";
import { shorten } from "../src/core/input.js";
import { readingOption } from "../src/core/option-fields.js";
import { NAMED, withReading } from "../src/core/readings.js";
import { nodeMatch, resolvePillar } from "../src/core/resolve.js";
import { bracketed, correctedTo, OURS } from "../src/core/words.js";

type Side = "for" | "against";

export default defineCommand({
  name: "brief",
  description:
    "A side brief on a motion: the author's case for it, or the objections and open points",
  options: z.object({
    side: z
      .enum(["for", "against"])
      .describe("for: the author's case; against: objections, answers and open points"),
    motion: z
      .string()
      .min(1)
      .max(200)
      .describe("The motion, or a pillar: g7, eu, coalition")
      .meta({ autocomplete: "pillar" }),
    reading: readingOption,
  }),
  examples: [
    "brief --side against --motion coalition",
    "brief for coalition",
    "brief --side for --motion the EU should integrate Ukraine's defence industry",
  ],
  run: (core, { side, motion, reading }) =>
    withReading(
      core,
      {
        command: "brief",
        reading,
        asked: `a case on “${shorten(motion, 40)}”`,
        retry: `/brief ${side} ${motion}`,
        options: { side, motion },
        match: (one) => motionMatch(one, motion),
      },
      (one) => briefAnswer(one, side, motion),
    ),
});

/** How well a reading addresses the motion (see `readings.ts`): a pillar or node by name first. */
function motionMatch(core: Core, motion: string): number {
  if (resolveMotion(core, motion).kind === "unmatched") return 0;
  if (resolvePillar(core, motion).kind === "exact") return NAMED;
  return nodeMatch(core, motion, CARD_KINDS) || 1;
}

function briefAnswer(core: Core, side: Side, motion: string): Answer {
  const scope = resolveMotion(core, motion);
  const shown = shorten(motion, 60);
  if (scope.kind === "unmatched") {
    const [doc, ...others] = core.corpus.documents;
    const one = doc && others.length === 0;
    return answer(
      "brief",
      one ? "This reading does not address that" : "No reading addresses that",
      {
        status: "not-found",
        notes: [
          one
            ? `This reading (${doc.authorShort}, “${shorten(doc.title, 60)}”) does not address “${shown}”, so it has no brief for it.`
            : `No reading addresses “${shown}”, so there is no brief for it.`,
          ...(scope.unknownTerms.length
            ? [`Words it never uses: ${scope.unknownTerms.slice(0, 6).join(", ")}.`]
            : []),
          ...(scope.nearest.length
            ? [
                `Nearest points in the reading (our labels): ${scope.nearest.map((n) => n.label).join("; ")}.`,
              ]
            : []),
        ],
        related: scope.nearest.map(nodeRef),
        suggestions: [...new Set(scope.nearest.map((n) => motionFor(core, n)))].map(
          (m) => `/brief side:${side} motion:${m}`,
        ),
      },
    );
  }
  return side === "for"
    ? briefFor(core, scope, shown, caseFor(core, scope))
    : briefAgainst(core, scope, shown, caseAgainst(core, scope));
}

function briefFor(core: Core, scope: MatchedScope, motion: string, brief: CaseFor): Answer {
  const excerpts: Excerpt[] = [];
  const cards: EvidenceCard[] = [];
  const add = (card: EvidenceCard | undefined, group: string, label: string) => {
    if (!card) return;
    cards.push(card);
    excerpts.push(...cardExcerpts(card, { group, label }));
  };
  add(brief.root, `Open with: ${scope.root.label}`, `Tag: ${scope.root.label}`);
  brief.points.forEach((point, index) => {
    const group = `Claim ${index + 1}: ${point.claim.label}`;
    add(point.card, group, `Tag: ${point.claim.label}`);
    for (const evidence of point.evidence) add(evidence, group, `Evidence: ${evidence.tag}`);
  });
  const against = caseAgainst(core, scope);
  const notes = [
    "Speaking order (ours): open with the position, then the claims — the motion's own topic first, then the strongest (most support in the text, fewest open flanks) — each followed by its evidence. Highlighted: the key lines.",
    ...(brief.omitted.length
      ? [`Also in the map, left out for time: ${brief.omitted.map((n) => n.label).join("; ")}.`]
      : []),
    expectNote(against.answered.length + against.unanswered.length, against.unanswered.length),
  ];
  return answer("brief", `Brief for “${motion}”: the author's case`, {
    notices: scopeNotices(scope, motion),
    notes,
    excerpts,
    related: brief.points.map((p) => nodeRef(p.claim)),
    followUps: followUps(core, scope, "for", motion),
    sources: documentRefs(core, excerpts, [scope.root.documentId]),
    copyText: copyText(`BRIEF FOR: ${motion} (our outline; quotes verbatim)`, cards),
  });
}

function briefAgainst(core: Core, scope: MatchedScope, motion: string, brief: CaseAgainst): Answer {
  const excerpts: Excerpt[] = [];
  const cards: EvidenceCard[] = [];
  const notes = [
    "Against (ours): first the objections the author anticipates, with the author's answers — what will come back at you; then the points the text leaves unanswered, and questions to press. Notes are ours, not the source's.",
  ];
  brief.answered.forEach(({ objection, card, answers }, index) => {
    const group = `Objection ${index + 1}: ${objection.label}`;
    if (card) {
      cards.push(card);
      excerpts.push(...cardExcerpts(card, { group, label: "Where the text raises it" }));
    } else if (objection.summary) {
      notes.push(
        `Objection ${index + 1} (our paraphrase; the text answers it without stating it): ${objection.summary}`,
      );
    }
    for (const reply of answers) {
      cards.push(reply);
      excerpts.push(
        ...cardExcerpts(reply, {
          group,
          label: `What comes back — the author's answer: ${reply.tag}`,
        }),
      );
    }
  });
  for (const { objection, card } of brief.unanswered) {
    notes.push(
      `Unanswered in the text (our reading, not the author's): ${objection.label}${objection.summary ? ` — ${objection.summary}` : ""}`,
    );
    if (!card) continue;
    cards.push(card);
    excerpts.push(
      ...cardExcerpts(card, {
        group: `Left open: ${objection.label}`,
        label: "What the text says (no answer follows)",
      }),
    );
  }
  for (const question of brief.questions)
    notes.push(`Question to press (ours, not from the source): ${question.text}`);
  return answer("brief", `Brief against “${motion}”: objections, answers and open points`, {
    notices: scopeNotices(scope, motion),
    notes,
    excerpts,
    related: [
      ...brief.answered.map((a) => a.objection),
      ...brief.unanswered.map((u) => u.objection),
    ].map(nodeRef),
    followUps: followUps(core, scope, "against", motion),
    sources: documentRefs(core, excerpts, [scope.root.documentId]),
    copyText: copyText(`BRIEF AGAINST: ${motion} (our outline; quotes verbatim)`, cards),
  });
}

function scopeNotices(scope: MatchedScope, motion: string): string[] {
  return [
    ...(scope.correctedFrom ? [correctedTo("pillar", scope.correctedFrom, scope.root.id)] : []),
    scope.kind === "pillar"
      ? `Read as the pillar “${scope.root.label}” ${bracketed(OURS.label)}.`
      : `Read as the reading's whole case: “${scope.root.label}” ${bracketed(OURS.label)}.`,
    ...(scope.opposes
      ? [
          `“${motion}” is closest to “${scope.opposes.label}”, a position the author argues against: the author's case below runs the other way.`,
        ]
      : []),
  ];
}

function followUps(core: Core, scope: MatchedScope, side: Side, motion: string): FollowUp[] {
  const other: Side = side === "for" ? "against" : "for";
  return [
    { label: `The brief ${other}`, command: "brief", options: { side: other, motion } },
    ...(scope.kind === "pillar"
      ? [{ label: "Drill these objections", command: "drill", options: { pillar: scope.root.id } }]
      : [{ label: "Drill an objection", command: "drill", options: {} }]),
    {
      label: "Counter-arguments",
      command: "counter",
      options: { topic: scope.kind === "pillar" ? scope.root.id : motionFor(core, scope.root) },
    },
  ];
}

/** What to pass as a motion to brief a node's part of the case: its pillar, or its id. */
function motionFor(core: Core, node: MapNode): string {
  const pillar = node.pillar ? core.corpus.node(node.pillar) : undefined;
  return pillar?.id ?? node.id;
}

function copyText(heading: string, cards: readonly EvidenceCard[]): string {
  return [heading, ...cards.map(cardCopyText)].join("\n\n");
}

function expectNote(objections: number, unanswered: number): string {
  if (objections === 0) return "The map records no objection to this part of the case.";
  const open =
    unanswered === 0
      ? "the text answers all of them"
      : `${unanswered} of them unanswered in the text`;
  return `Expect ${objections} ${objections === 1 ? "objection" : "objections"} (${open}): see the brief against.`;
}
