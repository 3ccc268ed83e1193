/** The whole map as Graphviz DOT: every node and relation, drawn like /map's pictures. */
import { shortDate } from "../cite.js";
import type { CorpusModel } from "../corpus/model.js";
import { toDot } from "../map/dot.js";
import { fullView } from "../map/select.js";

/** DOT of the full map, titled with the readings it comes from. */
export function toDotExport(corpus: CorpusModel): string {
  const readings = corpus.documents
    .map((d) => `${d.authorShort}, ${d.publisherShort}, ${shortDate(d.date)}`)
    .join("; ");
  return toDot(fullView(corpus), { title: `Argument map of ${readings} (our drawing)` });
}
