/**
 * What every rendering of an answer must satisfy, per platform: within the platform's limits,
 * nothing that pings or links from user text, and every quote verbatim — shown whole (allowing
 * only the platform's escaping and splits at word boundaries) or named as left out. Each check
 * returns the problems it found (empty when all is well), so a fuzz run asserts once and a
 * failure lists everything wrong with the counterexample.
 */
import { renderTerminal } from "../../src/adapters/console/render.js";
import { MAX_MESSAGES, renderAnswer as renderDiscord } from "../../src/adapters/discord/render.js";
import {
  type Block,
  blockSize,
  SLACK_LIMITS,
  type SlackMessage,
} from "../../src/adapters/slack/blocks.js";
import { renderAnswer as renderSlack } from "../../src/adapters/slack/render.js";
import type { Answer } from "../../src/core/answer.js";
import { asUnrendered, quoteBody, shownQuotes, squash } from "../adapters/discord/helpers.js";
import { LIVE_MENTION, limitProblems, visibleTexts } from "../adapters/discord/limits-check.js";
import { unescapeForDisplay } from "../adapters/slack/helpers.js";

/** The SGR sequences the terminal renderer itself writes (ESC [ n m). */
const OUR_COLOURS = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, "g");

/** Whitespace-free: wrapping and splitting may only ever change whitespace. */
const solid = (text: string) => text.replace(/\s+/g, "");

/** Terminal: no escape sequence but our colours, no control character, every quote whole. */
export function terminalProblems(answer: Answer, color: boolean): string[] {
  const problems: string[] = [];
  const text = renderTerminal(answer, { color, width: 80 });
  if (/\p{Cc}(?<!\n)/u.test(text.replace(OUR_COLOURS, "")))
    problems.push("terminal: a control character or escape sequence that is not ours");
  if (color) return problems; // colours sit between words; the plain rendering shows the words
  const quoted = new Map<number, string[]>();
  let current: number | undefined;
  for (const line of text.split("\n")) {
    const head = /^(\d+)\.(?: |$)/.exec(line);
    if (head) current = Number(head[1]);
    else if (line.startsWith("   │ ") && current !== undefined)
      quoted.set(current, [...(quoted.get(current) ?? []), line.slice(5)]);
    else if (!line.startsWith("   — ")) current = undefined;
  }
  answer.excerpts.forEach((excerpt, index) => {
    const shown = (quoted.get(index + 1) ?? []).join(" ");
    if (!solid(shown).includes(solid(excerpt.quote)))
      problems.push(`terminal: quote ${index + 1} is not shown verbatim`);
  });
  return problems;
}

/** Discord: within every limit, no live mention anywhere, quotes whole or counted as not shown. */
export function discordProblems(answer: Answer, ephemeral: boolean): string[] {
  const problems: string[] = [];
  const { messages } = renderDiscord(answer, { ephemeral });
  if (messages.length > MAX_MESSAGES) problems.push(`Discord: ${messages.length} messages`);
  messages.forEach((message, m) => {
    problems.push(...limitProblems(message).map((p) => `Discord message ${m + 1}: ${p}`));
    if (message.allowed_mentions.parse.length !== 0)
      problems.push(`Discord message ${m + 1}: mentions allowed`);
    for (const text of visibleTexts(message))
      if (LIVE_MENTION.test(text))
        problems.push(`Discord message ${m + 1}: a live mention in ${JSON.stringify(text)}`);
  });
  const shown = shownQuotes(messages);
  shown.forEach((quote, i) => {
    const excerpt = answer.excerpts[i];
    if (quote.number !== i + 1) problems.push(`Discord: quote ${quote.number} shown as ${i + 1}`);
    else if (!excerpt) problems.push(`Discord: quote ${i + 1} is not in the answer`);
    else if (squash(quoteBody(quote, excerpt.elided)) !== squash(asUnrendered(excerpt.quote)))
      problems.push(`Discord: quote ${i + 1} is not verbatim`);
  });
  const hidden = answer.excerpts.length - shown.length;
  if (hidden > 0 && !messages.at(-1)?.content?.includes(`${hidden} more quote`))
    problems.push(`Discord: ${hidden} quote(s) left out without saying so`);
  return problems;
}

/** Slack: within every limit, no markup from text, only our links, quotes whole or named as left out. */
export function slackProblems(answer: Answer, isPublic: boolean): string[] {
  const problems: string[] = [];
  const messages = renderSlack(answer, { isPublic }).messages();
  if (messages.length < 1 || messages.length > SLACK_LIMITS.pages)
    problems.push(`Slack: ${messages.length} messages`);
  const ourUrls = new Set([
    ...answer.sources.map((d) => d.url),
    ...answer.excerpts.map((e) => e.source.url),
  ]);
  messages.forEach((message, m) => {
    const where = `Slack message ${m + 1}`;
    problems.push(...slackLimitProblems(message).map((p) => `${where}: ${p}`));
    for (const text of [message.text, ...message.blocks.flatMap(blockTexts)]) {
      if (/<[!@#]/.test(text)) problems.push(`${where}: a mention or broadcast in ${text}`);
      for (const [markup] of text.matchAll(/<[^>]*>/g)) {
        const link = /^<(https?:\/\/[^\s|<>]+)\|[^<>|]*>$/.exec(markup);
        const url = link?.[1] ?? "";
        if (!link || !(ourUrls.has(url) || ourUrls.has(decoded(url))))
          problems.push(`${where}: markup we did not build: ${markup}`);
      }
    }
  });
  const notice =
    /Not shown, because Slack limits how long one reply can be: .*?passages? (\d+)/.exec(
      messages.flatMap((m) => m.blocks.flatMap(blockTexts)).join("\n"),
    );
  const firstHidden = notice ? Number(notice[1]) : Number.POSITIVE_INFINITY;
  answer.excerpts.forEach((excerpt, i) => {
    const n = i + 1;
    const pieces = slackPieces(messages, n);
    if (n >= firstHidden) {
      if (pieces.length) problems.push(`Slack: passage ${n} is named as left out but shown`);
      return;
    }
    if (!pieces.length) {
      problems.push(`Slack: passage ${n} is neither shown nor named as left out`);
      return;
    }
    const highlighted = (excerpt.highlights ?? []).length > 0;
    const quote = highlighted ? excerpt.quote.replace(/\*/g, "") : excerpt.quote;
    const open = `“${excerpt.elided?.before ? "… " : ""}`;
    const close = `${excerpt.elided?.after ? " …" : ""}”`;
    const list = pieces.map((p) => (highlighted ? p.replace(/\*/g, "") : p));
    if (!list[0]?.startsWith(open) || !list.at(-1)?.endsWith(close)) {
      problems.push(`Slack: passage ${n} lacks its quotation marks`);
      return;
    }
    list[0] = list[0].slice(open.length);
    list[list.length - 1] = (list.at(-1) ?? "").slice(0, -close.length);
    // Consecutive substrings of the quote, split only at whitespace (or inside one long word).
    let at = 0;
    for (const piece of list) {
      const found = quote.indexOf(piece, at);
      if (found < at || quote.slice(at, found).trim() !== "") {
        problems.push(`Slack: passage ${n}: a piece is not verbatim`);
        return;
      }
      at = found + piece.length;
    }
    if (quote.slice(at).trim() !== "") problems.push(`Slack: passage ${n} is cut short`);
  });
  return problems;
}

/** Slack's limits (and ours, from SLACK_LIMITS) for one message. */
function slackLimitProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(message.blocks.length >= 1 && message.blocks.length <= SLACK_LIMITS.blocks, "block count");
  check(message.text.length <= SLACK_LIMITS.fallbackText, "fallback text over the limit");
  check(
    message.blocks.reduce((sum, b) => sum + blockSize(b), 0) <= SLACK_LIMITS.messageChars,
    "message over our character budget",
  );
  for (const block of message.blocks) {
    if (block.type === "header")
      check(block.text.text.length <= SLACK_LIMITS.headerText, "header too long");
    if (block.type === "section")
      check(block.text.text.length <= SLACK_LIMITS.sectionText, "section too long");
    if (block.type === "context") {
      check(block.elements.length <= SLACK_LIMITS.contextElements, "context elements");
      for (const e of block.elements)
        check(e.text.length <= SLACK_LIMITS.contextText, "context text too long");
    }
    if (block.type === "actions") {
      check(block.elements.length <= SLACK_LIMITS.actionsElements, "too many buttons");
      for (const button of block.elements) {
        check(button.text.text.length <= SLACK_LIMITS.buttonText, "button label too long");
        check((button.value ?? "").length <= SLACK_LIMITS.buttonValue, "button value too long");
      }
    }
  }
  return problems;
}

function blockTexts(block: Block): string[] {
  switch (block.type) {
    case "header":
    case "section":
      return [block.text.text];
    case "context":
      return block.elements.map((e) => e.text);
    case "actions":
      return block.elements.map((e) => e.text.text);
  }
}

/** The `>` lines of passage `n`, piece by piece, unescaped. */
function slackPieces(messages: readonly SlackMessage[], n: number): string[] {
  return messages
    .flatMap((m) => m.blocks)
    .flatMap((b) => (b.type === "section" ? [b.text.text] : []))
    .filter((s) => s.startsWith(`*${n}.`) || s.startsWith(`_(passage ${n}, continued)_`))
    .map((s) =>
      unescapeForDisplay(
        s
          .split("\n")
          .filter((line) => line.startsWith(">"))
          .map((line) => line.slice(1))
          .join("\n"),
      ),
    );
}

function decoded(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
