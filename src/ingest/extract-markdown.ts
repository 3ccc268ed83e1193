/**
 * Markdown: marked's lexer gives the blocks (headings, paragraphs, block quotes, list items);
 * YAML front matter, when present, gives the metadata.
 */
import { lexer, type Token, type Tokens } from "marked";
import { parse as parseYaml } from "yaml";
import { findDate } from "./dates.js";
import type { Block, Extracted, MetaSources, PageMeta } from "./types.js";

const FIELDS: readonly (keyof PageMeta)[] = [
  "title",
  "author",
  "date",
  "publisher",
  "url",
  "genre",
  "series",
];

export function extractMarkdown(source: string): Extracted {
  const { frontMatter, body } = splitFrontMatter(source);
  const meta: PageMeta = {};
  const metaSources: MetaSources = {};
  for (const field of FIELDS) {
    const raw = frontMatter[field];
    const value =
      raw instanceof Date
        ? raw.toISOString().slice(0, 10)
        : typeof raw === "string"
          ? raw.trim()
          : undefined;
    if (!value) continue;
    const clean = field === "date" ? findDate(value)?.iso : value;
    if (clean === undefined) continue;
    meta[field] = clean;
    metaSources[field] = "front matter";
  }
  const blocks: Block[] = [];
  const notes: string[] = [];
  let titleTaken = meta.title !== undefined;
  for (const token of lexer(body)) {
    switch (token.type) {
      case "heading": {
        const text = plain((token as Tokens.Heading).tokens);
        if (!titleTaken && (token as Tokens.Heading).depth === 1) {
          meta.title = text;
          metaSources.title = "the first heading";
          titleTaken = true;
        } else blocks.push({ text, hint: "heading" });
        break;
      }
      case "paragraph":
        blocks.push({ text: plain((token as Tokens.Paragraph).tokens), hint: "paragraph" });
        break;
      case "blockquote":
        blocks.push({
          text: (token as Tokens.Blockquote).tokens
            .map((inner) => ("tokens" in inner && inner.tokens ? plain(inner.tokens) : ""))
            .filter(Boolean)
            .join(" "),
          hint: "set-apart",
        });
        break;
      case "list":
        for (const item of (token as Tokens.List).items)
          blocks.push({ text: plain(item.tokens), hint: "paragraph" });
        break;
      case "html":
      case "code":
      case "table":
        notes.push(`a ${token.type} block was left out`);
        break;
      default:
        break;
    }
  }
  return {
    format: "markdown",
    blocks: blocks.filter((b) => b.text),
    meta,
    metaSources,
    notes,
    lineForLine: false,
  };
}

/** The words of inline tokens, without their markup: `**a** [b](c)` → `a b`. */
function plain(tokens: readonly Token[] | undefined): string {
  if (!tokens) return "";
  return tokens
    .map((token): string => {
      if (token.type === "br") return " ";
      if (token.type === "image" || token.type === "html") return "";
      if ("tokens" in token && token.tokens && token.tokens.length > 0) return plain(token.tokens);
      return "text" in token && typeof token.text === "string" ? token.text : "";
    })
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

function splitFrontMatter(source: string): { frontMatter: Record<string, unknown>; body: string } {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return { frontMatter: {}, body: source };
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end < 0) return { frontMatter: {}, body: source };
  let parsed: unknown;
  try {
    parsed = parseYaml(lines.slice(1, end).join("\n"));
  } catch {
    parsed = undefined;
  }
  return {
    frontMatter: parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {},
    body: lines.slice(end + 1).join("\n"),
  };
}
