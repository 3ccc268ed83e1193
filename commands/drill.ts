import { z } from "zod";
import { type Answer, answer, type Excerpt } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import type { Core } from "../src/core/core.js";
import type { MapNode } from "../src/core/corpus/model.js";
import {
  buildCard,
  cardCopyText,
  cardExcerpts,
  type EvidenceCard,
} from "../src/core/debate/card.js";
import { type DrillPool, drillPool, nextInPool, scoreReply } from "../src/core/debate/drill.js";
import {
  DRILL_TOKEN_LENGTH,
  type DrillState,
  type DrillTokenProblem,
  decodeDrillToken,
  encodeDrillToken,
} from "../src/core/debate/drill-token.js";
import { documentRefs, nodeExcerpts, nodeRef } from "../src/core/excerpts.js";
import { shorten } from "../src/core/input.js";
import { readingOption } from "../src/core/option-fields.js";
import { wholeCore, withReading } from "../src/core/readings.js";
import { resolutionMatch, resolvePillar } from "../src/core/resolve.js";
import { bracketed, correctedTo, noSuch, OURS, pillarList } from "../src/core/words.js";

export default defineCommand({
  name: "drill",
  description: "Practise answering an objection, then compare your reply with the author's answer",
  options: z.object({
    pillar: z
      .string()
      .min(1)
      .max(60)
      .optional()
      .describe("g7, eu or coalition; empty for every objection")
      .meta({ autocomplete: "pillar" }),
    token: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("The round's token (the bot's buttons fill it in)")
      .meta({ positional: false }),
    reply: z
      .string()
      .min(1)
      .max(1500)
      .optional()
      .describe("Your answer to the objection, in your own words")
      .meta({ positional: false }),
    reading: readingOption,
  }),
  examples: ["drill coalition", "drill", "drill eu"],
  run(core, options) {
    const { pillar, token, reply, reading } = options;
    const now = Math.floor(core.now() / 1000);
    // `/drill <token>` typed from a "Next:" hint lands in the first positional option.
    const carried = token ?? (pillar && looksLikeToken(core, pillar) ? pillar : undefined);
    // A token names its reading, so a reply is judged against the reading it answers.
    if (carried) return continueRound(core, carried, reply, now);
    const unscored = reply
      ? ["Your reply was not scored: there was no round to answer. Here is a new one."]
      : [];
    return withReading(
      core,
      {
        command: "drill",
        reading,
        asked: pillar ? `a pillar “${shorten(pillar, 40)}” to drill` : "objections to drill",
        retry: pillar ? `/drill ${pillar}` : "/drill",
        options: { pillar },
        match: (one) => drillMatch(one, pillar),
      },
      (one) => startRound(one, pillar, now, unscored),
    );
  },
});

/** How well a reading has what a drill asks for: the pillar by name, or answered objections. */
function drillMatch(core: Core, pillar: string | undefined): number {
  if (pillar === undefined) return drillPool(core.corpus, undefined).objections.length > 0 ? 1 : 0;
  return resolutionMatch(resolvePillar(core, pillar));
}

const TOKEN_SHAPE = new RegExp(`^[A-Za-z0-9_-]{${DRILL_TOKEN_LENGTH}}$`);

function looksLikeToken(core: Core, text: string): boolean {
  return TOKEN_SHAPE.test(text) && resolvePillar(core, text).kind === "none";
}

function startRound(
  core: Core,
  pillarName: string | undefined,
  now: number,
  notices: readonly string[],
): Answer {
  const found = pillarName === undefined ? undefined : resolvePillar(core, pillarName);
  const pillars = core.corpus.nodesOfKind("pillar");
  if (found?.kind === "none") {
    return answer("drill", noSuch("pillar", pillarName ?? ""), {
      status: "not-found",
      notices: [`${pillarList(pillars)} Or drill every objection with /drill.`],
      suggestions: ["/drill", ...found.suggestions.slice(0, 3).map((id) => `/drill ${id}`)],
    });
  }
  const pillar = found?.value;
  const pool = drillPool(core.corpus, pillar);
  const first = pool.objections[core.randomInt(Math.max(1, pool.objections.length))];
  if (!first) {
    const open = core.corpus
      .unansweredObjections()
      .filter((o) => !pillar || o.pillar === pillar.key);
    return answer("drill", `No objection to drill${pillar ? ` in “${pillar.label}”` : ""}`, {
      status: "not-found",
      notes: [
        `A drill needs an objection the author answers, so your reply can be compared with the answer; ${pillar ? "this part of the map has none" : "this reading's map has none yet"}.`,
        ...open.map((o) => `Left open by the text (our reading): ${o.label}`),
      ],
      // Never the command just answered: only other places to drill.
      suggestions: [
        ...(pillar ? ["/drill"] : []),
        ...pillars.filter((p) => p !== pillar).map((p) => `/drill ${p.id}`),
      ],
    });
  }
  const corrected =
    found?.kind === "corrected" ? [correctedTo("pillar", found.from, found.value.id)] : [];
  return askRound(core, pool, first, 1, now, [...notices, ...corrected]);
}

function askRound(
  core: Core,
  pool: DrillPool,
  objection: { node: MapNode; index: number },
  round: number,
  now: number,
  notices: readonly string[] = [],
): Answer {
  const { corpus } = core;
  const state: DrillState = {
    phase: "ask",
    readingIndex: readingIndex(core, objection.node),
    pillarIndex: pillarIndex(core, pool.pillar),
    objectionIndex: objection.index,
    round,
    issuedAt: now,
  };
  const token = encodeDrillToken(state, core.drillSecret, wholeCore(core).corpus);
  const node = objection.node;
  const targets = corpus.outgoing(node.key, "attacks", "undercuts");
  const excerpts = nodeExcerpts(node, { label: "Where the text raises it" }, 1);
  return answer("drill", `Drill, round ${round}: answer this objection`, {
    notices,
    notes: [
      `The objection (our paraphrase): ${node.summary ?? node.label}`,
      ...(targets.length
        ? [`It attacks ${bracketed(OURS.label)}: ${targets.map((t) => t.label).join("; ")}`]
        : []),
      "Answer in your own words, as you would in a round. Then you will see the author's answer and which of its key points your reply used — a coaching aid, not a grade.",
    ],
    excerpts,
    related: [nodeRef(node)],
    followUps: [{ label: "Reveal the author's answer", command: "drill", options: { token } }],
    replyRequest: {
      prompt: `Your answer to “${node.label}”`,
      command: "drill",
      options: { token },
      replyOption: "reply",
    },
    sources: documentRefs(core, excerpts, [node.documentId]),
  });
}

function continueRound(
  whole: Core,
  token: string,
  reply: string | undefined,
  now: number,
): Answer | Promise<Answer> {
  const decoded = decodeDrillToken(token, whole.drillSecret, whole.corpus, now);
  if (!decoded.ok) return rejected(whole, decoded.problem);
  const { state } = decoded;
  const reading = whole.corpus.documents[state.readingIndex];
  // A signed token names a reading of this corpus; this only fails if the corpus is inconsistent.
  if (!reading) return rejected(whole, "signature");
  return withReading(
    whole,
    { command: "drill", reading: reading.id, asked: "", retry: "/drill", options: {} },
    (core) => roundOf(core, state, reply, now),
  );
}

/** The round a token names, in the token's reading. */
function roundOf(core: Core, state: DrillState, reply: string | undefined, now: number): Answer {
  const { corpus } = core;
  const pillar =
    state.pillarIndex === undefined ? undefined : corpus.nodesOfKind("pillar")[state.pillarIndex];
  const objection = corpus.nodesOfKind("objection")[state.objectionIndex];
  // A signed token names nodes of this corpus; this only fails if the map is inconsistent.
  if (
    !objection ||
    (state.pillarIndex !== undefined && !pillar) ||
    corpus.rebuttalsOf(objection.key).length === 0
  )
    return rejected(core, "signature");
  const pool = drillPool(corpus, pillar);
  if (state.phase === "next")
    return askRound(core, pool, { node: objection, index: state.objectionIndex }, state.round, now);
  return reveal(core, pool, state, objection, reply, now);
}

function reveal(
  core: Core,
  pool: DrillPool,
  state: DrillState,
  objection: MapNode,
  reply: string | undefined,
  now: number,
): Answer {
  const { corpus } = core;
  const cards = corpus.rebuttalsOf(objection.key).flatMap((r) => buildCard(core, r) ?? []);
  const excerpts: Excerpt[] = cards.flatMap((card) =>
    cardExcerpts(card, { group: "The author's answer", label: `Tag: ${card.tag}` }),
  );
  const notes: string[] = [];
  if (reply) {
    const score = scoreReply(core, objection, reply);
    const total = score.hit.length + score.missed.length;
    notes.push(
      `Coaching, not a grade: your reply (${reply.split(/\s+/).length} words) used ${score.hit.length} of the ${total} key terms of the author's answer.`,
      `Hit: ${score.hit.length ? score.hit.map((t) => t.display).join(", ") : "none yet"}.`,
      `Missed: ${score.missed.length ? score.missed.map((t) => t.display).join(", ") : "none"}.`,
      ...score.claims.map(
        (c) =>
          `Claim the answer rests on ${bracketed(OURS.label)}: “${c.node.label}” — ${c.used ? "you used it" : "not in your reply"}.`,
      ),
    );
    for (const claim of score.claims) {
      excerpts.push(
        ...nodeExcerpts(
          claim.node,
          {
            group: "What the answer rests on",
            label: `${claim.node.label} (${claim.used ? "you used it" : "you could have used it"})`,
          },
          1,
        ),
      );
    }
  } else {
    notes.push(
      "Revealed without a reply: next time, answer first — the comparison is where the practice is.",
    );
  }
  notes.push(`The objection was (our paraphrase): ${objection.summary ?? objection.label}`);
  const next = nextInPool(pool, state.objectionIndex);
  const followUps = next
    ? [
        {
          label: "Next objection",
          command: "drill",
          options: {
            token: encodeDrillToken(
              {
                phase: "next",
                readingIndex: state.readingIndex,
                pillarIndex: state.pillarIndex,
                objectionIndex: next.index,
                round: state.round + 1,
                issuedAt: now,
              },
              core.drillSecret,
              wholeCore(core).corpus,
            ),
          },
        },
      ]
    : [];
  return answer("drill", `Drill, round ${state.round}: the author's answer`, {
    notes,
    excerpts,
    related: [nodeRef(objection), ...corpus.rebuttalsOf(objection.key).map(nodeRef)],
    followUps: [
      ...followUps,
      { label: "All counter-arguments", command: "counter", options: { topic: objection.id } },
    ],
    sources: documentRefs(core, excerpts, [objection.documentId]),
    copyText: cards.map((card: EvidenceCard) => cardCopyText(card)).join("\n\n"),
  });
}

const PROBLEMS: Record<DrillTokenProblem, string> = {
  malformed: "That is not a drill token (it may have been cut short when copied).",
  version: "That drill round was started by another version of the assistant.",
  signature:
    "That drill token was not issued by this assistant for this reading, or it was changed.",
  expired: "That drill round has expired: a round can be answered for 24 hours.",
};

function rejected(core: Core, problem: DrillTokenProblem): Answer {
  const pillars = core.corpus.nodesOfKind("pillar");
  return answer("drill", "This drill round cannot be continued", {
    status: "invalid-input",
    notes: [PROBLEMS[problem], "Start a new round with /drill, or /drill with a pillar."],
    suggestions: ["/drill", ...pillars.map((p) => `/drill ${p.id}`)],
  });
}

/** Where the node's reading stands among all the readings: what a token counts indices in. */
function readingIndex(core: Core, node: MapNode): number {
  return Math.max(
    0,
    wholeCore(core).corpus.documents.findIndex((d) => d.id === node.documentId),
  );
}

function pillarIndex(core: Core, pillar: MapNode | undefined): number | undefined {
  if (!pillar) return undefined;
  const index = core.corpus.nodesOfKind("pillar").indexOf(pillar);
  return index < 0 ? undefined : index;
}
