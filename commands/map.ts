import { z } from "zod";
import { type Answer, answer, type FollowUp } from "../src/core/answer.js";
import { shortDate } from "../src/core/cite.js";
import { defineCommand } from "../src/core/command.js";
import type { Core } from "../src/core/core.js";
import type { MapNode } from "../src/core/corpus/model.js";
import { documentRefs, nodeExcerpts, nodeRef } from "../src/core/excerpts.js";
import { shorten } from "../src/core/input.js";
import { countNodes, countRelations, describeView } from "../src/core/map/describe.js";
import { toDot } from "../src/core/map/dot.js";
import { mapPageUrl } from "../src/core/map/page.js";
import { type MapImageFormat, renderMap } from "../src/core/map/render.js";
import { focusView, type MapView, resolveFocus, wholeMap } from "../src/core/map/select.js";
import { readingOption } from "../src/core/option-fields.js";
import { NAMED, wholeCore, withReading } from "../src/core/readings.js";
import { correctedTo } from "../src/core/words.js";

const DEFAULT_DEPTH = 2;

const CONTENT_TYPES: Readonly<Record<MapImageFormat, string>> = {
  png: "image/png",
  svg: "image/svg+xml",
};

export default defineCommand({
  name: "map",
  description: "A picture of the argument map: the whole argument, or everything around one point",
  options: z.object({
    focus: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe(
        "A pillar (g7, eu, coalition), a claim id or words from a claim; leave out for the whole map",
      )
      .meta({ autocomplete: "node" }),
    depth: z
      .number()
      .int()
      .min(1)
      .max(3)
      .optional()
      .describe("How many steps around the focus to show: 1–3 (default 2)"),
    format: z.enum(["png", "svg"]).optional().describe("png (default) or svg"),
    reading: readingOption,
  }),
  examples: [
    "map",
    "map coalition",
    "map focus:coal-speed depth:1",
    "map --focus eu --depth 3 --format svg",
  ],
  cost: "expensive",
  run: (core, { focus, depth, format = "png", reading }) =>
    withReading(
      core,
      {
        command: "map",
        reading,
        asked: focus ? `a map node “${shorten(focus, 40)}”` : "an argument map",
        retry: focus ? `/map ${focus}` : "/map",
        options: { focus, depth, format: format === "png" ? undefined : format },
        match: (one) => focusMatch(one, focus),
      },
      (one) => mapAnswer(one, focus, depth, format),
    ),
});

/** How well a reading has the focus (see `readings.ts`); without one, every reading has a map. */
function focusMatch(core: Core, focus: string | undefined): number {
  if (focus === undefined) return core.corpus.nodes.length > 0 ? 1 : 0;
  const found = resolveFocus(core, focus);
  if (found.kind === "exact") return NAMED;
  if (found.kind === "corrected") return 1;
  return found.kind === "searched" ? (core.search.searchNodes(focus)[0]?.score ?? 0) : 0;
}

async function mapAnswer(
  core: Core,
  focus: string | undefined,
  depth: number | undefined,
  format: MapImageFormat,
): Promise<Answer> {
  const notices: string[] = [];
  const notes: string[] = [];
  let view: MapView;
  if (focus === undefined) {
    view = wholeMap(core.corpus);
    if (depth !== undefined)
      notices.push("depth applies only around a focus, so the whole map is shown.");
  } else {
    const found = resolveFocus(core, focus);
    if (found.kind === "none") return notFound(focus, found.suggestions);
    if (found.kind === "corrected") {
      notices.push(correctedTo("node", focus, found.node.id));
    } else if (found.kind === "searched") {
      notices.push(
        `Focused on the best match for “${shorten(focus, 60)}”: ${found.node.label} (id ${found.node.id}).`,
      );
    }
    view = focusView(core.corpus, found.node, depth ?? DEFAULT_DEPTH);
  }
  const center = view.focus ?? core.corpus.nodesOfKind("thesis")[0];
  notes.push(
    viewNote(view),
    ...(core.publicUrl
      ? [
          `On the web page: ${mapPageUrl(core.publicUrl, { focus: view.focus?.id, depth: view.depth, reading: wholeCore(core).corpus.documents.length > 1 ? core.corpus.documents[0]?.id : undefined })}`,
        ]
      : []),
    "Labels, kinds and the drawing are ours; ¶ numbers give the paragraphs of the author's quotes.",
  );
  const dot = toDot(view, { title: pictureTitle(core, view) });
  const data = await renderMap(dot, format);
  const excerpts = center
    ? nodeExcerpts(center, { group: view.focus ? "The focus" : "The thesis" })
    : [];
  return answer(
    "map",
    view.focus ? `Argument map around: ${view.focus.label}` : "Argument map: the whole argument",
    {
      notices,
      notes: [
        ...notes,
        ...(center && excerpts.length === 0 && center.summary
          ? [`${center.label} (our summary): ${center.summary}`]
          : []),
      ],
      excerpts,
      related: neighbours(view).map(nodeRef),
      followUps: followUps(core, view),
      sources: documentRefs(core, excerpts, [...new Set(view.nodes.map((n) => n.documentId))]),
      attachments: [
        {
          filename: `argument-map.${format}`,
          contentType: CONTENT_TYPES[format],
          data,
          description: describeView(view),
        },
      ],
    },
  );
}

function notFound(focus: string, suggestions: readonly string[]): Answer {
  return answer("map", `No map node matches “${shorten(focus, 60)}”`, {
    status: "not-found",
    notices: [
      `Nothing in the map matches “${shorten(focus, 60)}”. Try a pillar (${suggestions.slice(-3).join(", ")}), a claim id from /pillar, or other words.`,
    ],
    suggestions: suggestions.map((id) => `/map ${id}`),
    followUps: [{ label: "Whole map", command: "map", options: {} }],
  });
}

function viewNote(view: MapView): string {
  const contents = `${countNodes(view)}; ${countRelations(view)}`;
  if (!view.focus) {
    // The example names a pillar this map has: a drafted reading may have none yet.
    const pillar = view.nodes.find((n) => n.kind === "pillar");
    const example = pillar ? `, e.g. /map ${pillar.id}` : "";
    return `The whole argument: ${contents}. Evidence, objections and the author's answers are counted on each node; focus on a pillar or claim to see them${example}.`;
  }
  const steps = view.depth === 1 ? "1 step" : `${view.depth} steps`;
  return `Focus: ${view.focus.label} (${view.focus.kind}, id ${view.focus.id}), ${steps} out: ${contents}. Arrows point at the node argued about; nodes whose neighbours fall outside the picture say how many.`;
}

/** Ours, drawn above the map: what it shows and which reading it maps. */
function pictureTitle(core: Core, view: MapView): string {
  const readings = [...new Set(view.nodes.map((n) => n.documentId))]
    .map((id) => core.corpus.document(id))
    .map((d) => (d ? `${d.authorShort}, ${d.publisherShort}, ${shortDate(d.date)}` : ""))
    .filter(Boolean)
    .join("; ");
  const what = view.focus
    ? `Around “${shorten(view.focus.label, 60)}” (${view.depth === 1 ? "1 step" : `${view.depth} steps`})`
    : "The whole argument";
  return `${what} · ${readings} · our drawing`;
}

/** The nodes one step from the focus (or the pillars, for the whole map). */
function neighbours(view: MapView): MapNode[] {
  const focus = view.focus;
  if (!focus) return view.nodes.filter((n) => n.kind === "pillar");
  const keys = new Set(
    view.relations.flatMap((r) =>
      r.from === focus.key ? [r.to] : r.to === focus.key ? [r.from] : [],
    ),
  );
  return view.nodes.filter((n) => keys.has(n.key));
}

function followUps(core: Core, view: MapView): FollowUp[] {
  const focus = view.focus;
  const exportArgdown: FollowUp = {
    label: "Export as Argdown",
    command: "export",
    options: { format: "argdown" },
  };
  if (!focus) {
    return [
      ...core.corpus
        .nodesOfKind("pillar")
        .map((p) => ({ label: `Map: ${p.id}`, command: "map", options: { focus: p.id } })),
      exportArgdown,
    ];
  }
  const depth = view.depth ?? DEFAULT_DEPTH;
  return [
    ...(depth < 3
      ? [{ label: "Wider view", command: "map", options: { focus: focus.id, depth: depth + 1 } }]
      : []),
    ...(depth > 1
      ? [{ label: "Closer view", command: "map", options: { focus: focus.id, depth: depth - 1 } }]
      : []),
    { label: "Whole map", command: "map", options: {} },
    {
      label: `Details: ${shorten(focus.label, 60)}`,
      command: "claim",
      options: { query: focus.id },
    },
    exportArgdown,
  ];
}
