/**
 * Which reading a command answers from. The commands that belong to one reading's map (listed in
 * {@link READING_COMMANDS}) take a `reading` option; without it they answer from the one reading
 * that has what was asked, and when several readings have it, the answer says which and how to
 * choose. A command runs against a view of the core limited to its reading, so its model queries
 * (pillars, claims, objections, a reading's thesis, searches for nodes and paragraphs) see that
 * reading only.
 *
 * @example
 * return withReading(core, {
 *   command: "pillar", reading, asked: `a pillar “${name}”`, retry: `/pillar ${name}`,
 *   options: { name },
 *   match: (one) => resolutionMatch(resolvePillar(one, name)),
 * }, (one) => pillarAnswer(one, name));
 */
import { type Answer, answer, type FollowUp, type OptionValue } from "./answer.js";
import type { Core, CorpusSearch } from "./core.js";
import type { DocumentInfo } from "./corpus/model.js";
import { closest } from "./suggest.js";
import {
  didYouMean,
  inReadingLabel,
  noSuch,
  readingList,
  severalReadingsNotices,
  severalReadingsTitle,
} from "./words.js";

/** The commands that take the shared `reading` option (a catalogue test checks the list). */
export const READING_COMMANDS: readonly string[] = [
  "pillar",
  "why-not-jef",
  "para",
  "claim",
  "counter",
  "card",
  "brief",
  "drill",
  "quote",
  "map",
  "export",
];

/** The match of a reading that has what was asked by name (an id, a pillar, an alias). */
export const NAMED = Number.POSITIVE_INFINITY;

/**
 * A reading whose best match is at least this share of the best reading's is "also a match":
 * a search by words that two readings answer about equally well asks which one was meant.
 */
const CLOSE_MATCH = 0.8;

interface Scoped {
  readonly whole: Core;
  readonly documentId: string;
}

const scopes = new WeakMap<Core, Scoped>();
const views = new WeakMap<Core, Map<string, Core>>();

/**
 * The core limited to one reading: its corpus is that reading's model, and searches return that
 * reading's nodes and paragraphs only (ranked as across all readings). The core itself when it
 * holds one reading only; undefined for an id no reading has.
 */
export function readingCore(core: Core, documentId: string): Core | undefined {
  const whole = wholeCore(core);
  if (whole.corpus.documents.length === 1)
    return whole.corpus.documents[0]?.id === documentId ? whole : undefined;
  let cached = views.get(whole);
  if (!cached) {
    cached = new Map();
    views.set(whole, cached);
  }
  const known = cached.get(documentId);
  if (known) return known;
  const corpus = whole.corpus.reading(documentId);
  if (!corpus) return undefined;
  const all = whole.search;
  const search: CorpusSearch = {
    lexicon: all.lexicon,
    explain: (query) => all.explain(query),
    weigh: (query) => all.weigh(query),
    passageOf: (text, query) => all.passageOf(text, query),
    statingOrder: (node) => all.statingOrder(node),
    toJSON: () => all.toJSON(),
    searchParagraphs: (query) =>
      all.searchParagraphs(query).filter((hit) => hit.documentId === documentId),
    searchNodes: (query, kinds) =>
      all.searchNodes(query, kinds).filter((hit) => hit.node.documentId === documentId),
  };
  const view: Core = { ...whole, corpus, search };
  scopes.set(view, { whole, documentId });
  cached.set(documentId, view);
  return view;
}

/** The core over every reading: `core` itself unless it is one reading's view. */
export function wholeCore(core: Core): Core {
  return scopes.get(core)?.whole ?? core;
}

/** What a command asks of the readings, to pick the one it answers from. */
export interface ReadingAsk {
  readonly command: string;
  /** The `reading` option as given, if any. */
  readonly reading: string | undefined;
  /** What was asked, in words, e.g. `a pillar “coalition”`. */
  readonly asked: string;
  /** The command as text without its reading, for suggestions, e.g. `/pillar coalition`. */
  readonly retry: string;
  /** The command's options without its reading, for the buttons that choose one. */
  readonly options: Readonly<Record<string, OptionValue | undefined>>;
  /**
   * How well one reading has what was asked: 0 when it has not, {@link NAMED} when it has it by
   * name, else a search score (compared across readings). Left out, every reading matches.
   */
  readonly match?: (reading: Core) => number;
}

type ReadingPick =
  | { readonly kind: "chosen"; readonly core: Core }
  | { readonly kind: "answer"; readonly answer: Answer };

/**
 * The reading a command answers from: the one named, else the one reading that has what was
 * asked. When several have it the pick is an answer saying which; when none has it the command
 * runs over every reading and gives its own "not found".
 */
function pickReading(core: Core, ask: ReadingAsk): ReadingPick {
  const whole = wholeCore(core);
  const { documents } = whole.corpus;
  if (ask.reading !== undefined) {
    const named = findReading(documents, ask.reading);
    const view = named && readingCore(whole, named.id);
    return view
      ? { kind: "chosen", core: view }
      : { kind: "answer", answer: unknownReading(ask, documents) };
  }
  if (documents.length <= 1) return { kind: "chosen", core: whole };
  const scored = documents.map((document) => {
    const view = readingCore(whole, document.id) as Core;
    return { document, view, score: ask.match ? ask.match(view) : 1 };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best <= 0) return { kind: "chosen", core: whole };
  const matching = scored.filter((s) => s.score > 0 && s.score >= best * CLOSE_MATCH);
  const [only] = matching;
  if (matching.length === 1 && only) return { kind: "chosen", core: only.view };
  return {
    kind: "answer",
    answer: severalReadings(
      ask,
      matching.map((m) => m.document),
    ),
  };
}

/**
 * Runs `run` in the reading {@link pickReading} picks. With several readings loaded, the
 * answer's follow-ups and suggestions for commands of one reading name that reading, so a click
 * stays in it.
 */
export function withReading(
  core: Core,
  ask: ReadingAsk,
  run: (reading: Core) => Answer | Promise<Answer>,
): Answer | Promise<Answer> {
  const picked = pickReading(core, ask);
  if (picked.kind === "answer") return picked.answer;
  const documentId = scopes.get(picked.core)?.documentId;
  const result = run(picked.core);
  if (documentId === undefined) return result;
  return result instanceof Promise
    ? result.then((a) => naming(a, documentId))
    : naming(result, documentId);
}

/** The reading a user named: its id, case and spacing aside. */
function findReading(documents: readonly DocumentInfo[], typed: string): DocumentInfo | undefined {
  const wanted = typed.trim().toLowerCase();
  return documents.find((d) => d.id === wanted);
}

function unknownReading(ask: ReadingAsk, documents: readonly DocumentInfo[]): Answer {
  return unknownReadingAnswer(ask.command, ask.reading ?? "", ask.retry, documents);
}

/**
 * The answer to a reading id no reading has: the nearest ids, the list of readings, and the
 * command (`retry`, as text) again with each near id.
 */
export function unknownReadingAnswer(
  command: string,
  typed: string,
  retry: string,
  documents: readonly DocumentInfo[],
): Answer {
  const near = closest(
    typed,
    documents.map((d) => d.id),
  );
  return answer(command, noSuch("reading", typed), {
    status: "not-found",
    notices: [didYouMean("reading", typed, near), readingList(documents)],
    suggestions: (near.length ? near : documents.map((d) => d.id)).map(
      (id) => `${retry} --reading ${id}`,
    ),
  });
}

function severalReadings(ask: ReadingAsk, readings: readonly DocumentInfo[]): Answer {
  // A fair question with a fair answer (the readings that have it): not a usage error.
  // The choices are follow-ups only (buttons in chat, "Next:" in a terminal): as suggestions too,
  // every front end showed each of them twice.
  return answer(ask.command, severalReadingsTitle(readings.length, ask.asked), {
    notices: severalReadingsNotices(readings),
    followUps: choices(ask, readings),
  });
}

/** One button per reading: the same command, in that reading. */
function choices(ask: ReadingAsk, readings: readonly DocumentInfo[]): FollowUp[] {
  const options: Record<string, OptionValue> = {};
  for (const [name, value] of Object.entries(ask.options))
    if (value !== undefined) options[name] = value;
  return readings.map((d) => ({
    label: inReadingLabel(d),
    command: ask.command,
    options: { ...options, reading: d.id },
  }));
}

/**
 * Follow-ups and suggestions of one reading's commands, naming the reading. A follow-up that
 * carries a drill token is left alone: the token names its reading (and a button id is short).
 */
function naming(result: Answer, documentId: string): Answer {
  const ofOneReading = (command: string) => READING_COMMANDS.includes(command);
  return {
    ...result,
    followUps: result.followUps.map((f) =>
      ofOneReading(f.command) && !("reading" in f.options) && !("token" in f.options)
        ? { ...f, options: { ...f.options, reading: documentId } }
        : f,
    ),
    suggestions: result.suggestions.map((s) => {
      const command = /^\/([a-z-]+)/.exec(s)?.[1];
      if (!command || !ofOneReading(command) || /--reading\b|\breading:/.test(s)) return s;
      // In the style the suggestion is written in: `motion:eu reading:x` or `eu --reading x`.
      return / [a-z]+:/.test(s) ? `${s} reading:${documentId}` : `${s} --reading ${documentId}`;
    }),
  };
}
