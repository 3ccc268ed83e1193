import type { CorpusProblem } from "./problems.js";

export interface Section {
  readonly id: string;
  readonly heading: string;
  /** True when the heading is ours: the page has no heading there. */
  readonly editorial: boolean;
  readonly paragraphs: readonly number[];
}

export interface Paragraph {
  /** 1-based, in reading order across the whole document. */
  readonly number: number;
  readonly sectionId: string;
  readonly text: string;
}

export interface ParsedText {
  readonly sections: readonly Section[];
  readonly paragraphs: readonly Paragraph[];
}

const HEADING = /^##\s+(.+?)\s*\{#([a-z0-9][a-z0-9-]*)((?:\s+\.[a-z-]+)*)\s*\}\s*$/;

/**
 * Parses a reading's `text.md`: `## Heading {#id}` starts a section (`.editorial` marks a
 * heading we supplied), every other non-blank line is one paragraph, and HTML comments are notes
 * for editors.
 */
export function parseText(
  source: string,
  file: string,
): { text: ParsedText; problems: CorpusProblem[] } {
  const problems: CorpusProblem[] = [];
  const sections: { id: string; heading: string; editorial: boolean; paragraphs: number[] }[] = [];
  const paragraphs: Paragraph[] = [];
  const withoutComments = source.replace(/<!--[\s\S]*?-->/g, (comment) =>
    comment.replace(/[^\n]/g, ""),
  );

  withoutComments.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const lineNo = index + 1;
    if (line.startsWith("#")) {
      const match = HEADING.exec(line);
      if (!match) {
        problems.push({
          code: "text-structure",
          file,
          where: `line ${lineNo}`,
          message:
            "a heading must look like `## Heading text {#section-id}` (add `.editorial` if the heading is ours)",
        });
        return;
      }
      const [, heading = "", id = "", classes = ""] = match;
      if (sections.some((s) => s.id === id)) {
        problems.push({
          code: "duplicate-id",
          file,
          where: `line ${lineNo}`,
          message: `section id "${id}" is used twice`,
        });
      }
      sections.push({ id, heading, editorial: /\.editorial\b/.test(classes), paragraphs: [] });
      return;
    }
    const section = sections.at(-1);
    if (!section) {
      problems.push({
        code: "text-structure",
        file,
        where: `line ${lineNo}`,
        message: "text before the first heading: start the file with a `## Heading {#id}` line",
      });
      return;
    }
    const number = paragraphs.length + 1;
    section.paragraphs.push(number);
    paragraphs.push({ number, sectionId: section.id, text: line.trim() });
  });

  if (paragraphs.length === 0) {
    problems.push({ code: "text-structure", file, message: "no paragraphs found" });
  }
  return { text: { sections, paragraphs }, problems };
}
