/** What every extractor (plain text, HTML, Markdown) hands to the classifier. */

export type SourceFormat = "text" | "html" | "markdown" | "pdf";

/** Metadata a page states about itself. Every field is optional: pages differ. */
export interface PageMeta {
  title?: string;
  author?: string;
  /** ISO `YYYY-MM-DD`. */
  date?: string;
  publisher?: string;
  url?: string;
  genre?: string;
  series?: string;
}

/** Where a metadata field was found, for the report. */
export type MetaSources = Partial<Record<keyof PageMeta, string>>;

/**
 * What the markup says a block is. Plain text has no markup, so its lines are all `line` and the
 * classifier decides; HTML and Markdown say which blocks are headings and which are set apart
 * (block quotes, asides, captions).
 */
export type BlockHint = "line" | "heading" | "paragraph" | "set-apart" | "caption";

export interface Block {
  readonly text: string;
  readonly hint: BlockHint;
}

export interface Extracted {
  readonly format: SourceFormat;
  readonly blocks: readonly Block[];
  readonly meta: PageMeta;
  readonly metaSources: MetaSources;
  /** Lines for the report about what the extractor itself left out (e.g. navigation). */
  readonly notes: readonly string[];
  /**
   * True when every block is one line of the source, unchanged: then validation can account for
   * the source line by line (document.yaml's `scrape`).
   */
  readonly lineForLine: boolean;
}
