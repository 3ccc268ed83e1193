/**
 * Autocomplete suggestions, answered synchronously from the loaded corpus and its index, well
 * inside Discord's 3-second deadline: pillar names, claim and node ids with their labels,
 * objections, glossary terms, search topics, and the ids of the readings.
 */
import type { APIApplicationCommandOptionChoice } from "discord.js";
import type { AutocompleteSource } from "../../core/command.js";
import type { Core } from "../../core/core.js";
import type { MapNode } from "../../core/corpus/model.js";
import type { NodeKind } from "../../core/corpus/schema.js";
import { sanitizeText } from "../../core/input.js";
import { plainText, shortenAtWord } from "./escape.js";
import { LIMITS } from "./limits.js";

interface Candidate {
  readonly name: string;
  readonly value: string;
  /** Texts the typed words are matched against (id, label, aliases…). */
  readonly keys: readonly string[];
}

/** Folds case, accents and punctuation, so "Coalition-of" matches "coalition of". */
function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Up to 25 choices for what the user has typed so far in an option fed by `source`. */
export function autocompleteChoices(
  core: Core,
  source: AutocompleteSource,
  typed: string,
): APIApplicationCommandOptionChoice<string>[] {
  const text = sanitizeText(typed, LIMITS.choiceValue);
  const { candidates, kinds } = candidatesFor(core, source, text);
  const ranked = rank(candidates, text);
  if (kinds && fold(text) !== "") {
    // Words that match no id or label may still match what a node says: ask the index.
    const found = new Set(ranked.map((c) => c.value));
    for (const hit of core.search.searchNodes(text, kinds)) {
      if (!found.has(hit.node.id)) ranked.push(nodeCandidate(hit.node));
      found.add(hit.node.id);
    }
  }
  const seen = new Set<string>();
  const choices: APIApplicationCommandOptionChoice<string>[] = [];
  for (const candidate of ranked) {
    const value = candidate.value.slice(0, LIMITS.choiceValue);
    if (value === "" || seen.has(value)) continue;
    seen.add(value);
    choices.push({
      name: shortenAtWord(plainText(candidate.name), LIMITS.choiceName) || value,
      value,
    });
    if (choices.length === LIMITS.autocompleteChoices) break;
  }
  return choices;
}

function nodeCandidate(node: MapNode): Candidate {
  return {
    name: `${node.id} — ${node.label}`,
    value: node.id,
    keys: [node.id, node.label, ...node.aliases],
  };
}

function candidatesFor(
  core: Core,
  source: AutocompleteSource,
  typed: string,
): { candidates: Candidate[]; kinds?: NodeKind[] } {
  const { corpus } = core;
  switch (source) {
    case "pillar":
      return { candidates: corpus.nodesOfKind("pillar").map(nodeCandidate) };
    case "claim":
      return { candidates: corpus.nodesOfKind("claim").map(nodeCandidate), kinds: ["claim"] };
    case "node":
      return {
        candidates: corpus.nodes.map(nodeCandidate),
        kinds: [...new Set(corpus.nodes.map((n) => n.kind))],
      };
    case "objection":
      return {
        candidates: [...corpus.nodesOfKind("objection"), ...corpus.nodesOfKind("pillar")].map(
          nodeCandidate,
        ),
        kinds: ["objection"],
      };
    case "glossary":
      return {
        candidates: corpus.glossary.map((g) => ({
          name: g.expansion ? `${g.term} — ${g.expansion}` : g.term,
          value: g.term,
          keys: [g.term, ...(g.expansion ? [g.expansion] : []), ...g.aliases],
        })),
      };
    case "reading":
      return {
        candidates: corpus.documents.map((d) => ({
          name: `${d.id} — ${d.authorShort}, “${d.shortTitle}”`,
          value: d.id,
          keys: [d.id, d.title, d.author, d.shortTitle],
        })),
      };
    case "topic": {
      // A search takes any question: what was typed comes first, then topics that match it.
      const own: Candidate[] = typed ? [{ name: typed, value: typed, keys: [typed] }] : [];
      const topics: Candidate[] = [
        ...corpus
          .nodesOfKind("pillar")
          .map((p) => ({ name: p.label, value: p.label, keys: [p.label, p.id, ...p.aliases] })),
        ...corpus.glossary.map((g) => ({
          name: g.expansion ? `${g.term} (${g.expansion})` : g.term,
          value: g.term,
          keys: [g.term, ...(g.expansion ? [g.expansion] : [])],
        })),
        ...[...new Set(corpus.nodes.flatMap((n) => n.tags))].map((tag) => ({
          name: tag,
          value: tag,
          keys: [tag],
        })),
      ];
      return { candidates: [...own, ...topics] };
    }
  }
}

/** Candidates that match the typed text, best first; all of them when nothing is typed. */
function rank(candidates: readonly Candidate[], typed: string): Candidate[] {
  const query = fold(typed);
  if (query === "") return [...candidates];
  const score = (candidate: Candidate): number => {
    const keys = candidate.keys.map(fold);
    if (keys.some((k) => k === query)) return 0;
    if (keys.some((k) => k.startsWith(query))) return 1;
    if (keys.some((k) => k.split(" ").some((word) => word.startsWith(query)))) return 2;
    // Inside words only from three letters on: "g" should not match "willing".
    if (query.length >= 3 && keys.some((k) => k.includes(query))) return 3;
    return Number.POSITIVE_INFINITY;
  };
  return candidates
    .map((candidate, index) => ({ candidate, index, score: score(candidate) }))
    .filter((entry) => entry.score !== Number.POSITIVE_INFINITY)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((entry) => entry.candidate);
}
