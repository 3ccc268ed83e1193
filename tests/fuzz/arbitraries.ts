/** Generators of hostile input, shared by the fuzz suites of the core and of every renderer. */
import fc from "fast-check";

/** How many runs per property: small in `npm test`, large in `npm run fuzz` (FUZZ_RUNS). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** Pieces people paste into chat to cause trouble. */
export const HOSTILE_PIECES = [
  "@everyone",
  "@here",
  "<@123456789012345678>",
  "<@&987654321098765432>",
  "<#555555555555555555>",
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U012ABCDEF>",
  "<https://evil.example|click me>",
  "&amp; & < > \" '",
  "**bold** __under__ ~~strike~~ `code` ```block``` > quote ||spoiler||",
  "[link](https://evil.example)",
  "\u001b[31mred\u001b[0m",
  "\u0000\u0007\u0008\u001f\u007f",
  "\u202eevil\u202c",
  "\u200b\u200d\ufeff",
  "<script>alert(1)</script>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection attempt, on purpose
  "${process.exit(1)}",
  "((a+)+)+$",
  "../../etc/passwd",
  "🇺🇦 ✊🏽 𝕳𝖊𝖑𝖑𝖔",
  "coalition",
  "JEF",
  "g7",
  "--page",
  "query:",
];

/** Text made of hostile pieces, random Unicode and, sometimes, a lot of it. */
export const hostileText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.array(fc.constantFrom(...HOSTILE_PIECES), { maxLength: 8 }).map((pieces) => pieces.join(" ")),
  fc
    .tuple(fc.constantFrom(...HOSTILE_PIECES), fc.integer({ min: 100, max: 5_000 }))
    .map(([piece, n]) => `${piece} `.repeat(n)),
);

/** Any JSON-ish value an attacker could put where an option goes. */
export const optionValue = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
