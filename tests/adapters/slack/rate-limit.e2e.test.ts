/** The shared rate limits apply to Slack: over the limit, a student gets the "slow down" answer. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import {
  blockActionsPayload,
  interactionBody,
  postSigned,
  slashCommandBody,
} from "../../fakes/slack/requests.js";
import { type FakeSlack, startFakeSlack } from "../../fakes/slack/server.js";
import { shippedCore } from "../../helpers/corpus.js";
import { type EventsServer, serveSlackEvents } from "./events-server.js";
import { ackMessage, blockTexts, buttons, defined, memoryLogger } from "./helpers.js";

const SECRET = "rate-limit-secret";
let fake: FakeSlack;
let served: EventsServer;
const log = memoryLogger();

beforeAll(async () => {
  fake = await startFakeSlack({ botToken: "xoxb-limit" });
  served = await serveSlackEvents({
    core: shippedCore(),
    catalogue,
    logger: log.logger,
    botToken: "xoxb-limit",
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
    rateLimit: { perMinute: 2, expensivePerMinute: 1 },
  });
});

afterAll(async () => {
  await served?.close();
  await fake?.close();
});

/** The first message answering `body`, and where it came: in the ack, or at the response_url `sink`. */
async function run(body: string, sink: string) {
  const reply = await postSigned(served.url, SECRET, body);
  expect(reply.status).toBe(200);
  const ack = ackMessage(reply);
  if (ack) return Object.assign(ack, { via: "ack" as const });
  const posted = await fake.waitFor(
    () => fake.responsesTo(sink)[0],
    10_000,
    `the answer at ${sink}`,
  );
  return { ...posted, via: "response_url" as const };
}

describe("Slack rate limits", () => {
  it("answers within the limit, then asks the student to slow down — for commands and buttons alike", async () => {
    const first = await run(
      slashCommandBody({ command: "/pillar", text: "g7", responseUrl: fake.responseUrl("one") }),
      "one",
    );
    expect(first.blocks?.[0]?.text?.text).toMatch(/^Pillar: /);
    await run(
      slashCommandBody({ command: "/sources", text: "", responseUrl: fake.responseUrl("two") }),
      "two",
    );
    const third = await run(
      slashCommandBody({
        command: "/why-not-jef",
        text: "",
        responseUrl: fake.responseUrl("three"),
      }),
      "three",
    );
    expect(third.blocks?.[0]?.text?.text).toBe("Slow down a little");
    expect(third.via).toBe("ack");
    expect(blockTexts(third).join("\n")).toMatch(/Please wait about \d+ seconds? and try again/);

    const button = defined(buttons(first)[0], "a follow-up button on the first answer");
    const click = await run(
      interactionBody(
        blockActionsPayload({
          actionId: button.actionId,
          value: button.value,
          responseUrl: fake.responseUrl("four"),
        }),
      ),
      "four",
    );
    expect(click.blocks?.[0]?.text?.text).toBe("Slow down a little");
    expect(click.via).toBe("response_url");
    // Logged as on Discord, once per refusal, with what was refused (the button runs a
    // follow-up command of the first answer).
    const refusals = log.lines().filter((l) => l.msg === "over the rate limit: asked to slow down");
    expect(refusals.map((l) => l.command)).toEqual(["why-not-jef", expect.any(String)]);
  });
});
