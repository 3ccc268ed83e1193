/**
 * The command catalogue: the single source for Discord registration, the Slack manifest, the
 * console and the CLI. Checked when loaded, so a broken command stops the program.
 */
import { type Command, checkCatalogue } from "../src/core/command.js";
import claim from "./claim.js";
import counter from "./counter.js";
import glossary from "./glossary.js";
import help from "./help.js";
import pillar from "./pillar.js";
import search from "./search.js";
import sources from "./sources.js";
import whyNotJef from "./why-not-jef.js";

export const catalogue: readonly Command[] = [pillar, whyNotJef, search, claim, counter, glossary, sources, help];

checkCatalogue(catalogue);
