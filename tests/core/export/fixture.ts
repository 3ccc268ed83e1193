/** The map fixture: one small reading with every node kind and relation type, and hostile text. */
import { fileURLToPath } from "node:url";

export const MAP_FIXTURE_CORPUS = fileURLToPath(
  new URL("../../fixtures/corpus-map", import.meta.url),
);
