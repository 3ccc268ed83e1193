import { describe, expect, it } from "vitest";
import { readSlashText, unescapeSlack } from "../../../src/adapters/slack/input.js";
import {
  decodeFollowUp,
  decodeModalState,
  decodeReplyRequest,
  encodeFollowUp,
  encodeModalState,
  encodeReplyRequest,
} from "../../../src/adapters/slack/state.js";

describe("readSlashText", () => {
  it.each([
    ["coalition", { args: "coalition", isPublic: false }],
    ["--public coalition", { args: "coalition", isPublic: true }],
    ["coalition --public", { args: "coalition", isPublic: true }],
    [
      "  Is the JEF   legally binding?  --PUBLIC ",
      { args: "Is the JEF legally binding?", isPublic: true },
    ],
    // Only the adapter's flag at either end; in the middle it is part of the question.
    ["why --public not", { args: "why --public not", isPublic: false }],
    ["", { args: "", isPublic: false }],
  ])("%j", (text, expected) => {
    expect(readSlashText(text)).toEqual(expected);
  });

  it("undoes Slack's escaping of & < > so the core sees what was typed", () => {
    expect(readSlashText("&lt;!channel&gt; &amp; &lt;script&gt;").args).toBe(
      "<!channel> & <script>",
    );
    expect(unescapeSlack("&amp;lt;")).toBe("&lt;");
  });
});

describe("state in buttons and modals", () => {
  it("round-trips a follow-up through a button value", () => {
    const value = encodeFollowUp(
      { label: "Next", command: "search", options: { query: "JEF", page: 2 } },
      true,
    );
    expect(value).toBeDefined();
    expect(decodeFollowUp(value)).toEqual({
      command: "search",
      options: { query: "JEF", page: 2 },
      isPublic: true,
    });
  });

  it("refuses state that is too long for a button rather than cutting it", () => {
    expect(
      encodeFollowUp(
        { label: "x", command: "search", options: { query: "y".repeat(2000) } },
        false,
      ),
    ).toBeUndefined();
  });

  it("round-trips a reply request and the modal state", () => {
    const request = {
      prompt: "Why?",
      command: "drill",
      options: { round: 1 },
      replyOption: "answer",
    };
    const reply = decodeReplyRequest(encodeReplyRequest(request, false));
    expect(reply).toEqual({
      command: "drill",
      options: { round: 1 },
      isPublic: false,
      replyOption: "answer",
      prompt: "Why?",
    });
    const modal = encodeModalState({
      ...(reply as NonNullable<typeof reply>),
      responseUrl: "https://hooks.slack.com/actions/T/1/x",
    });
    expect(decodeModalState(modal)).toMatchObject({
      command: "drill",
      replyOption: "answer",
      responseUrl: "https://hooks.slack.com/actions/T/1/x",
    });
  });

  it.each([
    undefined,
    "",
    "not json",
    "{}",
    '{"c":"search","o":{},"p":"yes"}',
    '{"c":"","o":{},"p":true}',
    '{"c":"x","o":{"a":{"nested":1}},"p":true}',
  ])("reads %j as no state", (value) => {
    expect(decodeFollowUp(value)).toBeUndefined();
  });

  it("accepts only http(s) response URLs in modal state", () => {
    expect(
      decodeModalState(
        JSON.stringify({ c: "x", o: {}, p: false, r: "a", u: "file:///etc/passwd" }),
      ),
    ).toBeUndefined();
  });
});
