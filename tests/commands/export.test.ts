import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS, exportMap } from "../../src/core/export/formats.js";
import { shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";

const core = shippedCore();

describe("/export", () => {
  it.each(EXPORT_FORMATS)(
    "format:%s answers with the export as a text file, described as ours",
    async (format) => {
      const answer = await run("export", { format });
      expect(answer.status).toBe("ok");
      const [file] = answer.attachments ?? [];
      const expected = exportMap(core.corpus, format);
      expect(file).toMatchObject({
        filename: expected.filename,
        contentType: expected.contentType,
      });
      // AIF stamps each node with the export time; the AIF test below compares it without stamps.
      if (format !== "aif") expect(new TextDecoder().decode(file?.data)).toBe(expected.text);
      expect(file?.description).toMatch(/^The argument map as .+: \d+ nodes and \d+ relations\.$/);
      expect(answer.notes.join(" ")).toMatch(/labels, summaries and headings are ours/);
      expect(answer.sources.map((s) => s.id)).toEqual(core.corpus.documents.map((d) => d.id));
      expect(answer.followUps.map((f) => f.options.format)).not.toContain(format);
    },
  );

  it("AIF differs only in its timestamps from one export to the next", async () => {
    const text = async () =>
      new TextDecoder().decode((await run("export", { format: "aif" })).attachments?.[0]?.data);
    const strip = (s: string) => s.replace(/"timestamp": "[^"]+"/g, '"timestamp": ""');
    expect(strip(await text())).toBe(strip(exportMap(core.corpus, "aif").text));
  });

  it.each([[{}], [{ format: "graphml" }]])(
    "rejects %j with the formats as suggestions",
    async (options) => {
      const answer = await run("export", options);
      expect(answer.status).toBe("invalid-input");
      expect((answer.notices ?? []).join(" ")).toMatch(/format/);
      expect(answer.suggestions).toContain("/export argdown");
    },
  );
});
