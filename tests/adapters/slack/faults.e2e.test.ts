/**
 * Faults on the Slack side, against the fake Slack with the real Bolt app over HTTP: a
 * response_url that answers 500 is tried again with backoff; one that keeps failing is given up
 * after three attempts and logged with a reference; one that refuses for good (404) is not
 * retried, and the student is told with a reference. The answers here are to button clicks,
 * which always go through the response_url; a slash command answered in its ack needs none.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { RESPONSE_URL_RETRY } from "../../../src/adapters/slack/retry.js";
import { blockActionsPayload, interactionBody, postSigned } from "../../fakes/slack/requests.js";
import { type FakeSlack, startFakeSlack } from "../../fakes/slack/server.js";
import { shippedCore } from "../../helpers/corpus.js";
import { type EventsServer, serveSlackEvents } from "./events-server.js";
import {
  blockTexts,
  buttons,
  defined,
  type MemoryLogger,
  memoryLogger,
  sendSlash,
} from "./helpers.js";

const SECRET = "faults-signing-secret";
const BOT_TOKEN = "xoxb-faults";
let fake: FakeSlack;
let served: EventsServer;
let log: MemoryLogger;

beforeAll(async () => {
  fake = await startFakeSlack({ botToken: BOT_TOKEN });
  log = memoryLogger();
  served = await serveSlackEvents({
    core: shippedCore(),
    catalogue,
    logger: log.logger,
    botToken: BOT_TOKEN,
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
  });
});

afterAll(async () => {
  await served?.close();
  await fake?.close();
});

/** A "Show the sources" button, as a real /pillar answer carries it. */
async function sourcesButton(): Promise<{ actionId: string; value: string }> {
  const { messages } = await sendSlash(fake, served.url, SECRET, {
    command: "/pillar",
    text: "g7",
  });
  return defined(
    buttons(defined(messages[0], "the /pillar answer")).find((b) => b.label === "Show the sources"),
    "a Show the sources button",
  );
}

/** Clicks "Show the sources"; its answer goes to the response_url `sink`. */
async function clickSources(sink: string): Promise<void> {
  const button = await sourcesButton();
  const body = interactionBody(
    blockActionsPayload({ ...button, responseUrl: fake.responseUrl(sink) }),
  );
  expect((await postSigned(served.url, SECRET, body)).status).toBe(200);
}

const refusedAt = (sink: string) => fake.refused.filter((r) => r.sink === sink);

describe("Slack response_url faults", () => {
  it("does not need the response_url for a slash command answered in its ack", async () => {
    fake.failResponses("unused", 100, 500);
    const { ack } = await sendSlash(fake, served.url, SECRET, {
      command: "/sources",
      text: "",
      sink: "unused",
    });
    expect(ack?.blocks?.[0]?.text?.text).toBe("The reading");
    // A stray post would have been sent right after the ack; give it a full request's time to land.
    await sendSlash(fake, served.url, SECRET, { command: "/pillar", text: "g7" });
    expect(refusedAt("unused")).toEqual([]);
  });

  it("answers 500 twice: the answer is posted again with growing waits and arrives on the third attempt", async () => {
    fake.failResponses("flaky", 2, 500);
    await clickSources("flaky");
    const [answer] = await fake.waitFor(() => {
      const arrived = fake.responsesTo("flaky");
      return arrived.length > 0 ? arrived : undefined;
    });
    expect(answer?.blocks?.[0]?.text?.text).toBe("The reading");
    const refused = refusedAt("flaky");
    expect(refused.map((r) => r.status)).toEqual([500, 500]);
    // Lower bounds only: the waits are ~100 ms and ~400 ms, each with ±20 % jitter.
    const [first, second] = refused;
    const retries = log
      .lines()
      .filter((l) => l.msg === "Slack: posting to the response_url failed; retrying");
    expect(retries.map((l) => [l.attempt, l.status])).toEqual([
      [1, 500],
      [2, 500],
    ]);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(
      RESPONSE_URL_RETRY.baseDelayMs * (1 - RESPONSE_URL_RETRY.jitter) - 5,
    );
    expect(retries.map((l) => l.retryInMs as number)[1]).toBeGreaterThan(
      retries.map((l) => l.retryInMs as number)[0] ?? Number.POSITIVE_INFINITY,
    );
  });

  it("keeps answering 500: gives up after three attempts, logs the cause with a reference, and keeps serving", async () => {
    fake.failResponses("down", 100, 500);
    await clickSources("down");
    const failed = await vi.waitFor(
      () => {
        const line = log
          .lines()
          .find((l) => l.msg === "Slack: could not tell the student about a failure");
        if (!line) throw new Error("no give-up log line yet");
        return line;
      },
      { timeout: 5_000, interval: 20 },
    );
    const cause = log
      .lines()
      .find((l) => l.msg === "Slack handler failed" && l.reference === failed.reference);
    expect(cause?.reference).toMatch(/^ERR-[0-9A-F]{8}$/);
    expect(JSON.stringify(cause?.err)).toContain(
      "the response_url did not take the answer after 3 attempts (HTTP 500)",
    );
    // Three attempts with the answer, one with the error message; nothing more.
    expect(refusedAt("down")).toHaveLength(RESPONSE_URL_RETRY.attempts + 1);
    expect(fake.responsesTo("down")).toEqual([]);

    await clickSources("after-outage");
    const after = await fake.waitFor(() => fake.responsesTo("after-outage")[0]);
    expect(after.blocks?.[0]?.text?.text).toBe("The reading");
  });

  it("answers 404 (an expired response_url): not retried; the student is told with a reference", async () => {
    fake.failResponses("expired", 1, 404);
    await clickSources("expired");
    const told = await fake.waitFor(() => fake.responsesTo("expired")[0]);
    expect(refusedAt("expired").map((r) => r.status)).toEqual([404]);
    const texts = blockTexts(told).join("\n");
    const reference = /ERR-[0-9A-F]{8}/.exec(texts)?.[0];
    expect(reference).toBeDefined();
    const cause = await vi.waitFor(() => {
      const line = log.lines().find((l) => l.reference === reference);
      if (!line) throw new Error("no log line with the reference yet");
      return line;
    });
    expect(cause.msg).toBe("Slack handler failed");
    expect(JSON.stringify(cause.err)).toContain("after 1 attempt (HTTP 404)");
  });
});
