/**
 * The argument map in the Argument Interchange Format, as AIFdb JSON (`nodes`, `edges`,
 * `locutions`), for OVA and AIFdb. Every node of ours is an I-node (information); every support
 * becomes one RA node (inference) and every attack, rebuttal or undercut one CA node (conflict),
 * each with one edge in from the reason and one edge out to what it argues about.
 *
 * Undercuts attack an inference rather than a claim. An undercut of Y points at the RA node of
 * Y's support when Y has exactly one supporter (that inference is the one attacked); otherwise
 * there is no single inference node to point at and it points at Y's I-node. The JSON export
 * keeps the relation type either way.
 */
import type { CorpusModel, MapNode } from "../corpus/model.js";

interface AifNode {
  readonly nodeID: string;
  readonly text: string;
  readonly type: "I" | "RA" | "CA";
  readonly timestamp: string;
}

interface AifEdge {
  readonly edgeID: string;
  readonly fromID: string;
  readonly toID: string;
}

export interface AifDocument {
  readonly nodes: readonly AifNode[];
  readonly edges: readonly AifEdge[];
  readonly locutions: readonly never[];
}

export interface AifOptions {
  /** When the export was made (AIFdb's node timestamp); now by default. */
  readonly now?: Date;
}

/** Marks an I-node text that is our summary: AIF has no field to say so. */
export const EDITORS_SUMMARY_PREFIX = "[Editors' summary, not the author's words] ";

/** "2024-05-01 12:00:00", AIFdb's timestamp format (UTC). */
function aifTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

/**
 * The whole map as AIFdb JSON.
 *
 * @example
 * const aif = toAif(core.corpus);
 * aif.nodes.filter((n) => n.type === "RA").length; // one per support relation
 */
export function toAif(corpus: CorpusModel, options: AifOptions = {}): AifDocument {
  const timestamp = aifTimestamp(options.now ?? new Date());
  const nodes: AifNode[] = [];
  const edges: AifEdge[] = [];
  const addNode = (text: string, type: AifNode["type"]): string => {
    const nodeID = String(nodes.length + 1);
    nodes.push({ nodeID, text, type, timestamp });
    return nodeID;
  };
  const addEdge = (fromID: string, toID: string) => {
    edges.push({ edgeID: String(edges.length + 1), fromID, toID });
  };

  const iNodes = new Map<string, string>();
  for (const node of corpus.nodes) iNodes.set(node.key, addNode(informationText(node), "I"));

  // Supports first, so undercuts can find the inference they attack.
  const inferenceInto = new Map<string, string[]>();
  for (const relation of corpus.relations.filter((r) => r.type === "supports")) {
    const ra = addNode("Default Inference", "RA");
    addEdge(iNodes.get(relation.from) as string, ra);
    addEdge(ra, iNodes.get(relation.to) as string);
    inferenceInto.set(relation.to, [...(inferenceInto.get(relation.to) ?? []), ra]);
  }
  for (const relation of corpus.relations.filter((r) => r.type !== "supports")) {
    const ca = addNode("Default Conflict", "CA");
    const inferences = relation.type === "undercuts" ? (inferenceInto.get(relation.to) ?? []) : [];
    const target =
      inferences.length === 1 ? (inferences[0] as string) : (iNodes.get(relation.to) as string);
    addEdge(iNodes.get(relation.from) as string, ca);
    addEdge(ca, target);
  }
  return { nodes, edges, locutions: [] };
}

/** The author's first quote, verbatim; or our summary, marked as ours. */
function informationText(node: MapNode): string {
  const quote = node.quotes[0]?.text;
  return quote ?? `${EDITORS_SUMMARY_PREFIX}${node.summary ?? node.label}`;
}
