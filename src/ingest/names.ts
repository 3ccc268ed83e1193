/** Short forms a citation needs: a family name, a publisher's initials, a title's first clause. */
import { parse as parseName } from "@citation-js/name";
import slugify from "@sindresorhus/slugify";

export { shortTitleOf as shortTitle } from "../core/cite.js";

/** "Kateryna Anisova" → "Anisova"; "A. Smith and B. Jones" → "Smith and Jones"; three or more → "Smith et al.". */
export function authorShort(author: string): string {
  const people = author.split(/\s*(?:,|;|&|\band\b)\s*/).filter(Boolean);
  const family = people.map((person) => {
    const name = parseName(person) as { family?: string; literal?: string };
    return name.family ?? name.literal ?? person;
  });
  if (family.length >= 3) return `${family[0]} et al.`;
  return family.join(" and ");
}

/** "European Leadership Network" → "ELN"; one-word names stay as they are. */
export function publisherShort(publisher: string): string {
  const significant = publisher
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word) && !/^(The|Of|For|And|On)$/.test(word));
  return significant.length >= 2 ? significant.map((w) => w[0]).join("") : publisher;
}

const STOP_WORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "on",
  "in",
  "to",
  "and",
  "for",
  "as",
  "at",
  "by",
  "is",
  "with",
  "from",
  "its",
  "why",
  "how",
  "what",
]);

/**
 * A short, stable section id from its heading: its first significant word ("The EU as
 * facilitator…" → "eu"), longer when that is taken. Our own headings ("Series note") are short
 * already and keep all their words.
 */
export function sectionId(heading: string, taken: ReadonlySet<string>, whole = false): string {
  const words = slugify(heading).split("-").filter(Boolean);
  if (whole && words.length > 0 && !taken.has(words.join("-"))) return words.join("-");
  const significant = words.filter((w) => !STOP_WORDS.has(w));
  const base = significant.length > 0 ? significant : words.length > 0 ? words : ["section"];
  for (let n = 1; n <= base.length; n++) {
    const id = base.slice(0, n).join("-");
    if (!taken.has(id)) return id;
  }
  let suffix = 2;
  while (taken.has(`${base.join("-")}-${suffix}`)) suffix++;
  return `${base.join("-")}-${suffix}`;
}

export function isSlug(id: string): boolean {
  return /^[a-z0-9][a-z0-9-]*$/.test(id) && id.length <= 80 && !id.endsWith("-");
}
