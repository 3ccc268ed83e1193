import { describe, expect, it } from "vitest";
import { ConfigError, modes, parseConfig } from "../src/config.js";

const SECRET = "xoxb-1234567890-very-secret-token";

describe("configuration", () => {
  it("defaults to the console on loopback when nothing is set", () => {
    const config = parseConfig({});
    expect(modes(config)).toMatchObject({ console: true, discordGateway: false, slackHttp: false });
    expect(config.http).toEqual({ port: 3000, host: "127.0.0.1" });
    expect(Object.isFrozen(config.http)).toBe(true);
  });

  it("treats empty values as unset", () => {
    expect(modes(parseConfig({ DISCORD_TOKEN: "", SLACK_BOT_TOKEN: " " })).console).toBe(true);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ DISCORD_API_URL: "not a url" }, "DISCORD_API_URL"],
    [{ DISCORD_PUBLIC_KEY: "abc", DISCORD_APPLICATION_ID: "123456789" }, "DISCORD_PUBLIC_KEY"],
    [{ SLACK_BOT_TOKEN: "xoxp-user-token", SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
  ])("names the variable that is wrong: %j", (env, variable) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(new RegExp(`${variable}: expected`));
  });

  it("never prints a secret's value in its errors", () => {
    try {
      parseConfig({ SLACK_BOT_TOKEN: SECRET.replace("xoxb", "xoxp"), SLACK_SIGNING_SECRET: "x" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain("very-secret-token");
    }
  });

  it("asks for what a half-configured platform is missing", () => {
    expect(() => parseConfig({ SLACK_BOT_TOKEN: SECRET })).toThrow(
      /SLACK_SIGNING_SECRET \(HTTP mode\) or SLACK_APP_TOKEN/,
    );
    expect(() => parseConfig({ DISCORD_PUBLIC_KEY: "a".repeat(64) })).toThrow(
      /DISCORD_APPLICATION_ID/,
    );
  });

  it("chooses Socket Mode over HTTP when an app token is set", () => {
    const config = parseConfig({
      SLACK_BOT_TOKEN: SECRET,
      SLACK_SIGNING_SECRET: "s",
      SLACK_APP_TOKEN: "xapp-1-abc",
    });
    expect(modes(config)).toMatchObject({ slackSocket: true, slackHttp: false, console: false });
  });
});

describe("logging", () => {
  it("redacts secrets from every line, whatever field they are in", async () => {
    const { createLogger } = await import("../src/logger.js");
    let written = "";
    // pino writes each line straight to its destination: no flush to wait for.
    const sink = {
      write: (line: string) => {
        written += line;
      },
    };
    const logger = createLogger("info", [SECRET], sink);
    logger.info(
      { token: SECRET, detail: `Bearer ${SECRET}`, nested: { url: `https://x/?t=${SECRET}` } },
      `saw ${SECRET}`,
    );
    expect(written).toContain("[redacted]");
    expect(written).not.toContain("very-secret-token");
  });
});
