/**
 * The platform-neutral answer every command returns. Adapters render it; they never add content.
 *
 * Fidelity contract: `Excerpt.quote` is verbatim source text and always travels with its
 * `source`. Everything else that is prose — `title`, `notes`, `Excerpt.label`, `group` — is
 * written by us, and renderers must mark it as ours wherever they show it.
 *
 * @example
 * const answer: Answer = {
 *   status: "ok", command: "search", title: "Search: “why not the JEF?”",
 *   notes: [], excerpts: [{ quote: "First of all, the JEF was established…", source }],
 *   related: [], followUps: [], suggestions: [], sources: [doc],
 * };
 */

/** Where a verbatim excerpt comes from. */
export interface SourceRef {
  readonly documentId: string;
  readonly sectionId: string;
  /** The section heading; when `sectionEditorial` is true the heading is ours (the page has none). */
  readonly section: string;
  readonly sectionEditorial: boolean;
  readonly paragraph: number;
  readonly url: string;
}

/** A map node an answer points to, for labels and follow-ups. */
export interface NodeRef {
  readonly id: string;
  readonly key: string;
  readonly kind: string;
  /** Ours. */
  readonly label: string;
}

/** One verbatim quote with its citation, in rank order within an answer. */
export interface Excerpt {
  /** Exactly the source's text: never edited, never cut without `elided` saying so. */
  readonly quote: string;
  readonly source: SourceRef;
  /** Ours: a short label saying what this quote is here for (e.g. the claim it supports). */
  readonly label?: string;
  /** Ours: a heading grouping consecutive excerpts (e.g. "Claims", "Objections answered"). */
  readonly group?: string;
  /** The map node this excerpt stands for, if any. */
  readonly node?: NodeRef;
  /** Verbatim substrings of `quote` to emphasise. */
  readonly highlights?: readonly string[];
  /** Whether the quote starts or ends inside its paragraph (renderers show an ellipsis). */
  readonly elided?: { readonly before: boolean; readonly after: boolean };
  /**
   * The whole paragraph, verbatim, when `quote` is only part of it: for `--json` and exports.
   * Chat answers offer it with a "Whole ¶n" follow-up instead of showing it.
   */
  readonly paragraphText?: string;
}

export type OptionValue = string | number | boolean;

/** A command the user can run next; adapters show these as buttons or hints. */
export interface FollowUp {
  /** Ours: the button text. */
  readonly label: string;
  readonly command: string;
  readonly options: Readonly<Record<string, OptionValue>>;
}

/**
 * The answer asks the user for a free-text reply (e.g. a practice drill). Adapters collect the
 * reply (a modal, a thread message, the next console line) and run `command` with `options`
 * plus the reply text under `replyOption`.
 */
export interface ReplyRequest {
  /** Ours. */
  readonly prompt: string;
  readonly command: string;
  readonly options: Readonly<Record<string, OptionValue>>;
  readonly replyOption: string;
}

/** A file that belongs to the answer, e.g. a rendered argument map. */
export interface Attachment {
  readonly filename: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  /** Ours: a text alternative for the file. */
  readonly description: string;
}

/** A reading cited by the answer, for the footer's source line. */
export interface DocumentRef {
  readonly id: string;
  readonly title: string;
  readonly author: string;
  readonly publisher: string;
  readonly date: string;
  readonly url: string;
  /** Short form for citing a paragraph, e.g. "Anisova, ELN, 6 Dec 2023". */
  readonly shortCite: string;
}

export type AnswerStatus = "ok" | "not-found" | "invalid-input" | "error";

export interface Answer {
  readonly status: AnswerStatus;
  /** The command that produced the answer. */
  readonly command: string;
  /** Ours. */
  readonly title: string;
  /**
   * Ours: what the program says about the request itself — a usage error, a correction ("No
   * pillar “x” — did you mean …?"), a help text. Shown first, apart from the editor's notes.
   */
  readonly notices?: readonly string[];
  /** Ours: editor's lines about the reading, shown before the excerpts. */
  readonly notes: readonly string[];
  readonly excerpts: readonly Excerpt[];
  readonly related: readonly NodeRef[];
  readonly followUps: readonly FollowUp[];
  /** Alternatives to offer when the input did not match ("did you mean …"). */
  readonly suggestions: readonly string[];
  readonly sources: readonly DocumentRef[];
  readonly page?: { readonly offset: number; readonly size: number; readonly total: number };
  readonly attachments?: readonly Attachment[];
  readonly replyRequest?: ReplyRequest;
  /**
   * A plain-text form of the answer for pasting into a case file (e.g. an evidence card): our
   * lines marked as ours, verbatim quotes in quotation marks with their cites. Renderers may offer
   * it as a code block or a text file.
   */
  readonly copyText?: string;
  /** Set on `status: "error"`: the code to quote when reporting the problem; the cause is logged. */
  readonly reference?: string;
}

/** The fields every answer has, so commands only spell out what they use. */
export function answer(
  command: string,
  title: string,
  parts: Partial<Omit<Answer, "command" | "title">> = {},
): Answer {
  return {
    status: "ok",
    notes: [],
    excerpts: [],
    related: [],
    followUps: [],
    suggestions: [],
    sources: [],
    ...parts,
    command,
    title,
  };
}
