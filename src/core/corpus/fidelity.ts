/**
 * Pipeline step 3: the checks that make the corpus trustworthy. Every quote must be verbatim in
 * the paragraph it cites; the map must be a well-formed graph over the text.
 */
import { join } from "node:path";
import { DOCUMENT_FILE, MAP_FILE, TEXT_FILE } from "./load.js";
import { normalizeForComparison, occursVerbatim } from "./normalize.js";
import type { CorpusProblem } from "./problems.js";
import type { ValidatedDocument } from "./validate.js";

export interface FidelityReport {
  readonly problems: CorpusProblem[];
  /** How many quotes (node quotes and pull quotes) were compared with the text. */
  readonly quotesChecked: number;
}

export function checkFidelity(documents: readonly ValidatedDocument[]): FidelityReport {
  const problems: CorpusProblem[] = [];
  let quotesChecked = 0;
  const seenDocuments = new Map<string, string>();
  for (const doc of documents) {
    const first = seenDocuments.get(doc.meta.id);
    if (first !== undefined) {
      problems.push({
        code: "duplicate-document",
        file: join(doc.dir, DOCUMENT_FILE),
        where: doc.meta.id,
        message: `the reading in ${first}/ already has this id: every reading needs its own id (and folder of that name)`,
      });
    } else seenDocuments.set(doc.meta.id, doc.dir);
    checkSourceFile(doc);
    quotesChecked += checkQuotes(doc, problems);
    checkGraph(doc, problems);
    checkGlossary(doc, problems);
    checkScrape(doc, problems);
  }
  return { problems, quotesChecked };
}

function checkQuotes(doc: ValidatedDocument, problems: CorpusProblem[]): number {
  const mapFile = join(doc.dir, MAP_FILE);
  const paragraphs = doc.text.paragraphs;
  const cited = new Set<number>();
  let checked = 0;

  /** Whether the quote is verbatim in ¶p; records a problem when it is not. */
  const checkOne = (p: number, text: string, file: string, where: string): boolean => {
    checked++;
    const paragraph = paragraphs[p - 1];
    if (!paragraph) {
      problems.push({
        code: "paragraph-missing",
        file,
        where,
        message: `cites ¶${p}, but the text has ${paragraphs.length} paragraphs`,
      });
      return false;
    }
    if (occursVerbatim(text, paragraph.text)) return true;
    const elsewhere = paragraphs.find((other) => occursVerbatim(text, other.text));
    if (elsewhere) {
      problems.push({
        code: "quote-wrong-paragraph",
        file,
        where,
        message: `the quote is in ¶${elsewhere.number}, not ¶${p}: change p to ${elsewhere.number}`,
      });
    } else {
      problems.push({
        code: "quote-not-verbatim",
        file,
        where,
        message: `the quote is not verbatim in ¶${p}: "${preview(text)}" (copy it exactly from ${TEXT_FILE})`,
      });
    }
    return false;
  };

  for (const node of doc.map.nodes) {
    for (const quote of node.quotes)
      if (checkOne(quote.p, quote.text, mapFile, node.id)) cited.add(quote.p);
  }
  for (const pull of doc.meta.pullQuotes) {
    checkOne(
      pull.paragraph,
      pull.text,
      join(doc.dir, DOCUMENT_FILE),
      `pull quote ¶${pull.paragraph}`,
    );
  }
  for (const paragraph of paragraphs) {
    if (!cited.has(paragraph.number)) {
      problems.push({
        code: "paragraph-uncited",
        file: mapFile,
        where: `¶${paragraph.number}`,
        message:
          "no node quotes this paragraph: every paragraph must be cited by at least one node",
      });
    }
  }

  return checked;
}

function checkGraph(doc: ValidatedDocument, problems: CorpusProblem[]): void {
  const file = join(doc.dir, MAP_FILE);
  const ids = new Set<string>();
  for (const node of doc.map.nodes) {
    if (ids.has(node.id))
      problems.push({
        code: "duplicate-id",
        file,
        where: node.id,
        message: "two nodes share this id",
      });
    ids.add(node.id);
  }
  const byId = new Map(doc.map.nodes.map((node) => [node.id, node]));
  for (const node of doc.map.nodes) {
    if (node.pillar !== undefined && byId.get(node.pillar)?.kind !== "pillar") {
      problems.push({
        code: "dangling-relation",
        file,
        where: node.id,
        message: `pillar "${node.pillar}" is not a pillar node of this map`,
      });
    }
  }
  const supports = new Map<string, string[]>();
  for (const relation of doc.map.relations) {
    const label = `${relation.from} ${relation.type} ${relation.to}`;
    for (const end of [relation.from, relation.to]) {
      if (!ids.has(end))
        problems.push({
          code: "dangling-relation",
          file,
          where: label,
          message: `no node has the id "${end}"`,
        });
    }
    if (relation.type === "supports")
      supports.set(relation.from, [...(supports.get(relation.from) ?? []), relation.to]);
  }
  for (const cycle of findCycles(supports)) {
    problems.push({
      code: "support-cycle",
      file,
      where: cycle[0] ?? "",
      message: `support chain loops back on itself: ${cycle.join(" → ")}`,
    });
  }
  for (const pillar of doc.map.nodes.filter((node) => node.kind === "pillar")) {
    const hasClaim = doc.map.relations.some(
      (r) => r.type === "supports" && r.to === pillar.id && byId.get(r.from)?.kind === "claim",
    );
    if (!hasClaim)
      problems.push({
        code: "pillar-without-claims",
        file,
        where: pillar.id,
        message: "a pillar needs at least one claim that supports it",
      });
  }
}

/** Depth-first search for cycles in the support graph; reports each cycle once. */
function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, "visiting");
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      if (state.get(next) === "visiting") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(id, "done");
  };
  for (const id of edges.keys()) if (!state.has(id)) visit(id);
  return cycles;
}

function checkGlossary(doc: ValidatedDocument, problems: CorpusProblem[]): void {
  const file = join(doc.dir, MAP_FILE);
  if (doc.map.glossary.length === 0) return;
  const haystacks = doc.text.paragraphs.map((p) => normalizeForComparison(p.text).toLowerCase());
  for (const entry of doc.map.glossary) {
    const names = [entry.term, entry.expansion, ...entry.aliases]
      .filter((n): n is string => !!n)
      .map((n) => normalizeForComparison(n).toLowerCase());
    const mentions = (paragraph: number): boolean => {
      const haystack = haystacks[paragraph - 1];
      return haystack !== undefined && names.some((name) => haystack.includes(name));
    };
    if (!doc.text.paragraphs.some((p) => mentions(p.number))) {
      problems.push({
        code: "glossary-term-absent",
        file,
        where: entry.term,
        message: "the term, its expansion and aliases occur nowhere in the text",
      });
      continue;
    }
    for (const p of entry.occurs) {
      if (!mentions(p)) {
        problems.push({
          code: "glossary-term-absent",
          file,
          where: entry.term,
          message: `listed as occurring in ¶${p}, but ¶${p} does not mention it`,
        });
      }
    }
  }
}

/**
 * The cleaned text must account for the scraped page line by line: each line is a paragraph,
 * a heading, a pull quote or declared chrome, and each paragraph is a line of the scrape.
 */
function checkScrape(doc: ValidatedDocument, problems: CorpusProblem[]): void {
  const scrape = doc.meta.scrape;
  if (!scrape) return;
  const file = join(doc.dir, scrape.file);
  const source = doc.readScrape(scrape.file);
  if (source === undefined) return;
  const lines = source
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const lineSet = new Set(lines);
  const known = new Set<string>([
    ...doc.text.paragraphs.map((p) => p.text),
    ...doc.text.sections.filter((s) => !s.editorial).map((s) => s.heading),
    ...scrape.chrome,
    ...doc.meta.pullQuotes.map((q) => `${q.text}${scrape.pullQuoteSuffix}`.trim()),
  ]);
  for (const line of lines) {
    if (!known.has(line)) {
      problems.push({
        code: "scrape-mismatch",
        file,
        where: preview(line),
        message: `this line of the scrape is not in ${TEXT_FILE}: add it as a paragraph, or list it as chrome or a pull quote in ${DOCUMENT_FILE}`,
      });
    }
  }
  for (const paragraph of doc.text.paragraphs) {
    if (!lineSet.has(paragraph.text)) {
      problems.push({
        code: "scrape-mismatch",
        file: join(doc.dir, TEXT_FILE),
        where: `¶${paragraph.number}`,
        message: `the paragraph differs from the scraped page (${scrape.file}): restore the source's wording`,
      });
    }
  }
}

/** The untouched source a reading names must be there, so anyone can check the text against it. */
function checkSourceFile(doc: ValidatedDocument): void {
  // Reading it is the check: the loader reports a missing or unreadable file as a problem.
  if (doc.meta.source !== undefined) doc.readScrape(doc.meta.source);
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
