/** Shared by the Slack adapter's tests: a logger that keeps its lines, and readers for messages. */
import { Writable } from "node:stream";
import { pino } from "pino";
import { expect } from "vitest";
import type { Logger } from "../../../src/logger.js";
import {
  postSigned,
  type SlashCommandFields,
  slashCommandBody,
} from "../../fakes/slack/requests.js";
import type { FakeBlock, FakeSlack, SlackResponseBody } from "../../fakes/slack/server.js";

export interface MemoryLogger {
  readonly logger: Logger;
  readonly lines: () => Record<string, unknown>[];
}

/** A pino logger whose JSON lines stay in memory for assertions. */
export function memoryLogger(): MemoryLogger {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  const logger = pino({ level: "info", base: null }, stream);
  return { logger, lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** The value, or a failed test saying what was missing. */
export function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}`);
  return value;
}

/** All visible text of a message's blocks, in order. */
export function blockTexts(message: SlackResponseBody): string[] {
  return (message.blocks ?? []).flatMap((block) => [
    ...(block.text ? [block.text.text] : []),
    ...(block.elements ?? []).map((e) =>
      typeof e.text === "string" ? e.text : (e.text?.text ?? ""),
    ),
  ]);
}

/** The quoted text of a section: its `>` lines without the markers, bold and quote marks. */
export function quotedText(block: FakeBlock): string {
  return (block.text?.text ?? "")
    .split("\n")
    .filter((line) => line.startsWith(">"))
    .map((line) => line.slice(1))
    .join("\n")
    .replace(/\*/g, "")
    .replace(/^“(… )?/, "")
    .replace(/( …)?”$/, "");
}

/** Undoes the three escapes Slack clients undo when they display text. */
export function unescapeForDisplay(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Buttons of a message: action id, label and value. */
export function buttons(
  message: SlackResponseBody,
): { actionId: string; label: string; value: string }[] {
  return (message.blocks ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({
      actionId: e.action_id ?? "",
      label: typeof e.text === "string" ? e.text : (e.text?.text ?? ""),
      value: e.value ?? "",
    }));
}

/** Slack's limits and ours, checked on a message as it arrived. */
export function expectWithinSlackLimits(message: SlackResponseBody): void {
  const blocks = message.blocks ?? [];
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(50);
  let total = 0;
  for (const block of blocks) {
    if (block.type === "header") expect(block.text?.text.length).toBeLessThanOrEqual(150);
    if (block.type === "section") expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    if (block.type === "context") expect(block.elements?.length).toBeLessThanOrEqual(10);
    if (block.type === "actions") {
      expect(block.elements?.length).toBeLessThanOrEqual(25);
      for (const button of block.elements ?? []) {
        expect(typeof button.text === "object" ? button.text.text.length : 0).toBeLessThanOrEqual(
          75,
        );
        expect(button.value?.length ?? 0).toBeLessThanOrEqual(2000);
      }
    }
    total += JSON.stringify(block).length;
  }
  expect(total).toBeLessThan(40_000);
  expect((message.text ?? "").length).toBeLessThanOrEqual(3000);
}

/**
 * Nothing in the message can mention, broadcast or link except the links we build: every `<…>`
 * is `<http(s)://…|…>`, and no raw `<!`, `<@` or `<#` survives.
 */
export function expectNoSlackMarkupFromText(message: SlackResponseBody): void {
  const texts = [message.text ?? "", ...blockTexts(message)];
  for (const text of texts) {
    for (const match of text.matchAll(/<[^>]*>/g))
      expect(match[0]).toMatch(/^<https?:\/\/[^\s|<>]+\|[^<>|]*>$/);
    expect(text).not.toMatch(/<[!@#]/);
  }
}

/** A slash command's answer as it reached the student. */
export interface SlashAnswer {
  readonly status: number;
  /** The message in the ack body (the HTTP response), or undefined for an empty ack. */
  readonly ack: SlackResponseBody | undefined;
  /** The ack's message, if any, then the messages posted to the response_url, in order. */
  readonly messages: SlackResponseBody[];
  /** The response_url's sink at the fake Slack. */
  readonly sink: string;
}

/** The message an ack body carries: JSON when the app answered in the ack, empty otherwise. */
export function ackMessage(reply: {
  contentType: string | null;
  text: string;
}): SlackResponseBody | undefined {
  if (reply.text === "") return undefined;
  expect(reply.contentType).toMatch(/^application\/json/);
  return JSON.parse(reply.text) as SlackResponseBody;
}

/**
 * Sends a signed slash command exactly as Slack does and collects the answer: the message in the
 * ack body (if the app answered there), then those at the response_url, until `pages` messages
 * in all have come.
 */
export async function sendSlash(
  fake: FakeSlack,
  url: string,
  secret: string,
  fields: Omit<SlashCommandFields, "responseUrl"> & { readonly sink?: string },
  pages = 1,
): Promise<SlashAnswer> {
  const sink = fields.sink ?? crypto.randomUUID();
  const reply = await postSigned(
    url,
    secret,
    slashCommandBody({ ...fields, responseUrl: fake.responseUrl(sink) }),
  );
  expect(reply.status).toBe(200);
  const ack = ackMessage(reply);
  const collected = () => [...(ack ? [ack] : []), ...fake.responsesTo(sink)];
  const messages = await fake.waitFor(
    () => collected().length >= pages && collected(),
    10_000,
    `${pages} message(s) answering ${fields.command} ${fields.text}`,
  );
  return { status: reply.status, ack, messages, sink };
}
