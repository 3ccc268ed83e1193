/** Credentials inside URLs never reach the log, whatever field or message carries them. */
import { describe, expect, it } from "vitest";
import { createLogger, redactLine } from "../src/logger.js";

describe("redactLine", () => {
  it.each([
    [
      "a webhook follow-up",
      "http://127.0.0.1:1/api/v10/webhooks/100000000000000001/aW50ZXJhY3Rpb246MTIz-_.x",
      "http://127.0.0.1:1/api/v10/webhooks/100000000000000001/[redacted]",
    ],
    [
      "a webhook edit of the original message",
      "https://discord.com/api/v10/webhooks/1234567/tok.en_1-2/messages/@original?wait=true",
      "https://discord.com/api/v10/webhooks/1234567/[redacted]/messages/@original?wait=true",
    ],
    [
      "an interaction callback",
      '"url":"https://discord.com/api/v10/interactions/987654321/secret-token/callback"',
      '"url":"https://discord.com/api/v10/interactions/987654321/[redacted]/callback"',
    ],
    [
      "a Slack response_url",
      "posting to https://hooks.slack.com/commands/T0001/123456/AbCdEf012 failed",
      "posting to https://hooks.slack.com/commands/[redacted] failed",
    ],
    [
      "a Slack incoming webhook",
      '{"u":"https://hooks.slack.com/services/T0/B0/XXXX"}',
      '{"u":"https://hooks.slack.com/services/[redacted]"}',
    ],
  ])("hides the token of %s", (_what, line, expected) => {
    expect(redactLine(line, [])).toBe(expected);
  });

  it.each([
    ["a rate-limit bucket route", '"route":"/webhooks/:id/:token"'],
    ["the command registration route", "/applications/100000000000000001/commands"],
    ["an ordinary link", "https://www.europeanleadershipnetwork.org/commentary/no-need-to-wait/"],
  ])("leaves %s alone", (_what, line) => {
    expect(redactLine(line, [])).toBe(line);
  });

  it("hides configured secrets and URL tokens in the same line", () => {
    expect(redactLine("token=abcdef123 at /interactions/1/t0k3n/callback", ["abcdef123"])).toBe(
      "token=[redacted] at /interactions/1/[redacted]/callback",
    );
  });
});

describe("createLogger", () => {
  it("redacts URL tokens in lines written by child loggers and inside serialised errors", async () => {
    let written = "";
    // pino writes each line straight to its destination: no flush to wait for.
    const sink = {
      write: (line: string) => {
        written += line;
      },
    };
    const logger = createLogger("info", [], sink).child({ adapter: "discord-http" });
    const error = Object.assign(new Error("Internal Server Error"), {
      url: "http://127.0.0.1:9/api/v10/webhooks/100000000000000001/token-the-secret-part",
    });
    logger.error({ err: error }, "responding to an interaction failed");
    expect(written).toContain("/webhooks/100000000000000001/[redacted]");
    expect(written).not.toContain("the-secret-part");
  });
});
