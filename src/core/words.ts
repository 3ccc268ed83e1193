/**
 * The program's own words: the answers every front end gives in the same situation, and the
 * markers that tell our words from the author's. Renderers wrap these in their platform's markup
 * (Slack's `_(…)_`, Discord's `*(…)*`, plain brackets in a terminal) but never spell them
 * themselves, so Discord, Slack, the console and the web page cannot drift apart.
 */
import { type Answer, answer } from "./answer.js";
import type { OptionSpec } from "./command.js";
import { shorten } from "./input.js";

/** The markers shown beside anything we wrote, without their brackets. */
export const OURS = {
  /** After a quote's label, e.g. "1. Reason 1: … (our label)". */
  label: "our label",
  /** After a group heading. */
  heading: "our heading",
  /** After a heading that continues in a further embed or block. */
  headingContinued: "our heading, continued",
  /** After a section name the page itself does not have. */
  sectionName: "section name ours",
  /** After a file's text alternative. */
  description: "our description",
  /** After a question put to the student (a drill's reply request). */
  question: "our question",
  /** After a line the renderer adds (e.g. how many lines were left out). */
  note: "our note",
} as const;

/** The heading over the editor's notes, and its marker. */
export const EDITORS_NOTES = "Editor's notes";
export const EDITORS_NOTES_OURS = "our words, not the author's";

/** Heads the plain-text copy of an answer, in the reply or as its file's description. */
export const COPY_TITLE = "Plain text to copy — our tag and cite, verbatim card text";

/** The one-line legend a reply carries: what is ours and what is the author's. */
export const OURS_LEGEND =
  "Title, notes, labels and headings are ours; quoted text is verbatim from the source and cited.";
/** The legend of a reply that quotes nothing. */
export const ALL_OURS_LEGEND = "This reply is in our words.";

/** The text of a marker in plain brackets, e.g. "(our label)". */
export function bracketed(marker: string): string {
  return `(${marker})`;
}

/** What a student is told when we failed: what to do, and the reference that finds the log line. */
function failureNote(reference: string): string {
  return `Something went wrong on our side while answering. Please try again; if it keeps failing, tell your tutor the reference ${reference}.`;
}

/**
 * The answer for a failure on our side. `command` is the command that failed, or undefined when
 * the failure came before one was known (a button, a form).
 */
export function failureAnswer(command: string | undefined, reference: string): Answer {
  return answer(command ?? "help", command ? `/${command} failed` : "That did not work", {
    status: "error",
    reference,
    notices: [failureNote(reference)],
  });
}

/** Why a button or form can no longer be acted on. */
export type StaleReason = "old-version" | "unreadable";

/** The answer to a click on a button or form this version of the assistant cannot act on. */
export function staleControlAnswer(reason: StaleReason = "unreadable"): Answer {
  return answer("help", "That button no longer works", {
    status: "invalid-input",
    notices: [
      reason === "old-version"
        ? "It belongs to an older version of this assistant. Run the command again to get fresh buttons."
        : "It carries state this assistant cannot read. Run the command again to get fresh buttons.",
    ],
    suggestions: ["/help"],
  });
}

/** The title of an answer whose input the command's options refuse. */
export function invalidInputTitle(command: string): string {
  return `/${command}: that input does not fit`;
}

/**
 * What is wrong with one option, from its declaration: "topic is missing (What the line should be
 * about, e.g. European Israel)", "side must be one of: for, against", "number must be a whole
 * number from 1 to 10000".
 */
export function optionProblem(spec: OptionSpec, given: unknown): string {
  const about = spec.description ? ` (${spec.description})` : "";
  if (given === undefined) return `${spec.name} is missing${about}.`;
  if (spec.choices) {
    // Only a string is echoed: an option can arrive as anything (a JSON body, a crafted payload).
    const not = typeof given === "string" ? `, not “${shorten(given, 40)}”` : "";
    return `${spec.name} must be one of: ${spec.choices.join(", ")}${not}.`;
  }
  if (spec.type === "integer" || spec.type === "number") {
    const kind = spec.type === "integer" ? "a whole number" : "a number";
    if (spec.min !== undefined && spec.max !== undefined)
      return `${spec.name} must be ${kind} from ${spec.min} to ${spec.max}.`;
    return `${spec.name} must be ${kind}.`;
  }
  if (spec.type === "boolean") return `${spec.name} must be true or false.`;
  if (typeof given !== "string") return `${spec.name} must be text${about}.`;
  if (spec.minLength !== undefined && spec.minLength > 1)
    return `${spec.name} must be at least ${spec.minLength} characters${about}.`;
  return `${spec.name} does not fit${about}.`;
}

/** "No pillar “coaliton”": what a student typed and the kind of thing not found. */
export function noSuch(kind: string, typed: string): string {
  return `No ${kind} “${shorten(typed, 40)}”`;
}

/** "No pillar “coaliton” — did you mean coalition? Showing coalition." */
export function correctedTo(kind: string, typed: string, id: string): string {
  return `${noSuch(kind, typed)} — did you mean ${id}? Showing ${id}.`;
}

/** "No pillar “x” — did you mean eu or g7?", or just "No pillar “x”." with nothing near. */
export function didYouMean(kind: string, typed: string, near: readonly string[]): string {
  return near.length
    ? `${noSuch(kind, typed)} — did you mean ${near.join(" or ")}?`
    : `${noSuch(kind, typed)}.`;
}

/**
 * "The pillars are: g7 (…); eu (…)." for a not-found pillar, with ids a command takes; a reading
 * whose map has none yet (a draft from `npm run ingest`) says so instead of listing nothing.
 */
export function pillarList(pillars: readonly { id: string; label: string }[]): string {
  if (pillars.length === 0)
    return "This reading's map has no pillars yet (the editors have not written them).";
  return `The pillars are: ${pillars.map((p) => `${p.id} (${p.label})`).join("; ")}.`;
}

/** The answer to "more" or "next" when the last answer has no next step to take. */
export function nothingToContinueAnswer(): Answer {
  return answer("help", "Nothing to continue", {
    status: "not-found",
    notices: [
      "The last answer has no next page or step. Type a question, a command such as /pillar coalition, or /help.",
    ],
    suggestions: ["/help"],
  });
}

/** "Ids for /claim: g7-vital, g7-right-systems.": the ids a command takes, for what an answer lists. */
export function idsFor(command: string, nodes: readonly { readonly id: string }[]): string[] {
  const ids = [...new Set(nodes.map((node) => node.id))];
  return ids.length ? [`Ids for /${command}: ${ids.join(", ")}.`] : [];
}

const COUNT_WORDS = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];

/** "Two readings have a pillar “coalition”": what several readings answer (`asked` says what). */
export function severalReadingsTitle(count: number, asked: string): string {
  return `${COUNT_WORDS[count] ?? String(count)} readings have ${asked}`;
}

/** Which readings have what was asked, and how to choose one. */
export function severalReadingsNotices(
  readings: readonly { readonly id: string; readonly shortCite: string }[],
): string[] {
  return [
    `The readings that have it: ${readings.map((r) => `${r.id} (${r.shortCite})`).join("; ")}.`,
    `Add the reading you mean — reading: on Discord, --reading in Slack and the terminal — e.g. ${readings[0]?.id ?? "…"}.`,
  ];
}

/** "The readings are: a (Anisova, …); b (…)." for an unknown reading, with ids commands take. */
export function readingList(
  readings: readonly { readonly id: string; readonly shortCite: string }[],
): string {
  return `The readings are: ${readings.map((r) => `${r.id} (${r.shortCite})`).join("; ")}.`;
}

/** The label of a button that asks again in one reading. */
export function inReadingLabel(reading: { readonly shortCite: string }): string {
  return `In ${reading.shortCite}`;
}
