/** Checks shared by the end-to-end tests: what a recorded Discord request must and must not contain. */
import { expect } from "vitest";
import type { DiscordMessage } from "../../../src/adapters/discord/message.js";
import type { Core } from "../../../src/core/core.js";
import type { RecordedRequest } from "../../fakes/discord/fake-discord.js";
import { SHIPPED_DOC } from "../../helpers/corpus.js";
import { shownQuotes, squash } from "./helpers.js";
import { LIVE_MENTION, limitProblems, visibleTexts } from "./limits-check.js";

type Message = Pick<DiscordMessage, "content" | "embeds" | "components"> & {
  flags?: number;
  allowed_mentions?: unknown;
};

/** The message a request carries: a callback's `data`, or a webhook body. */
export function messageIn(request: RecordedRequest): Message {
  const body = request.json as { type?: number; data?: Message } & Message;
  const message = request.path.endsWith("/callback") ? (body.data as Message) : body;
  return { ...message, embeds: message.embeds ?? [], components: message.components ?? [] };
}

/** Within every limit, no mention can ping, and mentions are disabled for the message. */
export function expectSafeMessage(message: Message): void {
  expect(limitProblems(message)).toEqual([]);
  expect(message.allowed_mentions).toEqual({ parse: [] });
  for (const text of visibleTexts(message)) expect(text).not.toMatch(LIVE_MENTION);
}

/** Every quote shown is verbatim from its paragraph of the shipped reading and links to the source. */
export function expectVerbatimCitedQuotes(core: Core, messages: readonly Message[]): number {
  const quotes = shownQuotes(messages);
  const url = core.corpus.document(SHIPPED_DOC)?.url;
  for (const quote of quotes) {
    const paragraph = core.corpus.paragraph(SHIPPED_DOC, quote.paragraph);
    expect(paragraph, `¶${quote.paragraph}`).toBeDefined();
    const body = quote.text.replace(/^… /, "").replace(/ …$/, "");
    expect(squash(paragraph?.text ?? "")).toContain(squash(body));
    expect(quote.url).toBe(url);
  }
  return quotes.length;
}

/** Button labels and custom ids of a message. */
export function buttonsIn(message: Message): { label: string; customId: string }[] {
  return message.components.flatMap((row) =>
    row.components.map((b) => ({ label: b.label ?? "", customId: b.custom_id })),
  );
}
