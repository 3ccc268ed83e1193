import { describe, expect, it } from "vitest";
import { matchChrome } from "../../src/ingest/chrome.js";
import { classify } from "../../src/ingest/classify.js";
import { authorShort, publisherShort, sectionId } from "../../src/ingest/names.js";
import type { Block } from "../../src/ingest/types.js";

describe("page chrome", () => {
  it.each([
    ["Skip to content", "skip link"],
    ["Skip to main content", "skip link"],
    ["Image credit: Wikimedia Commons / U.S. Department of State", "image credit"],
    ["Photo: Reuters", "image credit"],
    ["Share", "share button"],
    ["Share on LinkedIn", "share button"],
    ["Read more", "navigation"],
    ["© 2024 Centre for Eastern Security Studies. All rights reserved.", "copyright line"],
    ["Commentary | 6 December 2023", "date line"],
    ["Published 2 May 2024", "date line"],
    ["By Tomasz Wierzbicki", "byline"],
    ["Tags: Ukraine, NATO", "tag list"],
  ])("drops %j as a %s", (line, reason) => {
    expect(matchChrome(line)?.reason).toBe(reason);
  });

  it.each([
    "Conclusions",
    "Coalition of the willing as a transition, not a substitute",
    "In December 1994 Ukraine gave up the third-largest nuclear arsenal in the world.",
    "Moreover, as the experience of Finland and Sweden demonstrates, even after giving the invitation, the NATO Allies could inhibit the final accession by delaying the ratification process in May 2022.",
  ])("keeps %j", (line) => {
    expect(matchChrome(line)).toBeUndefined();
  });

  it("reads the date and the genre from a date line", () => {
    expect(matchChrome("Commentary | 6 December 2023")).toEqual({
      reason: "date line",
      date: "2023-12-06",
      genre: "Commentary",
    });
  });
});

describe("pull quotes", () => {
  const lines = (...texts: string[]): Block[] => texts.map((text) => ({ text, hint: "line" }));
  const body =
    "Assurances without enforcement invite aggression. A guarantee is credible only when its cost is paid before the crisis.";

  it.each([
    ["repeated as is", "Assurances without enforcement invite aggression.", ""],
    [
      "followed by the author's name",
      "Assurances without enforcement invite aggression. Jane Doe",
      " Jane Doe",
    ],
    [
      "followed by a dash and the name",
      "Assurances without enforcement invite aggression. — Jane Doe",
      " — Jane Doe",
    ],
  ])("are found when %s, before or after their paragraph", (_, quote, suffix) => {
    for (const order of [
      [body, quote],
      [quote, body],
    ]) {
      const result = classify({
        format: "text",
        blocks: lines("Title of the piece", ...order),
        meta: {},
        metaSources: {},
        notes: [],
        lineForLine: true,
      });
      expect(result.sections.flatMap((s) => s.paragraphs)).toEqual([body]);
      expect(result.pullQuotes).toEqual([
        {
          paragraph: 1,
          text: "Assurances without enforcement invite aggression.",
          suffix,
          line: quote,
        },
      ]);
    }
  });

  it("a sentence that does not repeat the text stays a paragraph", () => {
    const other = "Assurances without enforcement have a long history in Europe.";
    const result = classify({
      format: "text",
      blocks: lines("Title of the piece", body, other),
      meta: {},
      metaSources: {},
      notes: [],
      lineForLine: true,
    });
    expect(result.pullQuotes).toEqual([]);
    expect(result.sections.flatMap((s) => s.paragraphs)).toEqual([body, other]);
  });
});

describe("short forms", () => {
  it.each([
    ["Kateryna Anisova", "Anisova"],
    ["Jan van der Berg", "Berg"],
    ["Ann Smith and Bo Jones", "Smith and Jones"],
    ["Ann Smith, Bo Jones and Cy Lee", "Smith et al."],
  ])("cites %j as %j", (author, short) => {
    expect(authorShort(author)).toBe(short);
  });

  it("shortens a publisher to its initials", () => {
    expect(publisherShort("European Leadership Network")).toBe("ELN");
    expect(publisherShort("Centre for Eastern Security Studies")).toBe("CESS");
    expect(publisherShort("Chatham House")).toBe("CH");
    expect(publisherShort("RUSI")).toBe("RUSI");
  });

  it("gives sections short ids that stay unique", () => {
    const taken = new Set<string>();
    const ids = ["The EU as facilitator", "The EU as a partner", "G7 framework", "Series note"].map(
      (h, i) => {
        const id = sectionId(h, taken, i === 3);
        taken.add(id);
        return id;
      },
    );
    expect(ids).toEqual(["eu", "eu-partner", "g7", "series-note"]);
  });
});
