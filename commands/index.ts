/**
 * The command catalogue: the single source for Discord registration, the Slack manifest, the
 * console and the CLI. Checked when loaded, so a broken command stops the program.
 */
import { type Command, checkCatalogue } from "../src/core/command.js";
import brief from "./brief.js";
import card from "./card.js";
import claim from "./claim.js";
import counter from "./counter.js";
import drill from "./drill.js";
import exportMap from "./export.js";
import glossary from "./glossary.js";
import { helpCommand } from "./help.js";
import map from "./map.js";
import para from "./para.js";
import pillar from "./pillar.js";
import quote from "./quote.js";
import search from "./search.js";
import sources from "./sources.js";
import whyNotJef from "./why-not-jef.js";

export const catalogue: readonly Command[] = [
  pillar,
  whyNotJef,
  search,
  para,
  claim,
  counter,
  glossary,
  sources,
  card,
  brief,
  drill,
  quote,
  map,
  exportMap,
  helpCommand(() => catalogue),
];

checkCatalogue(catalogue);
