/**
 * `npm run ingest -- <file> --id <slug> [--out <corpus dir>] [--force]`: turns a page (plain
 * text, saved HTML, Markdown or PDF) into a reading folder that validates, and prints a report.
 * Mistakes in the input are one line naming the file; nothing is written then.
 */
import "dotenv/config";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseConfig } from "../src/config.js";
import { IngestError } from "../src/ingest/errors.js";
import { formatReport, ingest } from "../src/ingest/ingest.js";

const USAGE =
  "usage: npm run ingest -- <file> --id <slug> [--out <corpus dir>] [--force] [--title … --author … --date YYYY-MM-DD --publisher … --url … --genre …]";

async function main(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`ingest: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0 || values.id === undefined) {
    process.stderr.write(`ingest: give one file and --id\n${USAGE}\n`);
    return 2;
  }
  const corpus = resolve(values.out ?? parseConfig(process.env).corpusDir);
  try {
    const result = await ingest({
      file,
      id: values.id,
      corpus,
      force: values.force ?? false,
      overrides: {
        ...(values.title ? { title: values.title } : {}),
        ...(values.author ? { author: values.author } : {}),
        ...(values.date ? { date: values.date } : {}),
        ...(values.publisher ? { publisher: values.publisher } : {}),
        ...(values.url ? { url: values.url } : {}),
        ...(values.genre ? { genre: values.genre } : {}),
      },
    });
    process.stdout.write(`${formatReport(file, result)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof IngestError) {
      process.stderr.write(`ingest: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`ingest: ${file}: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      id: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean" },
      title: { type: "string" },
      author: { type: "string" },
      date: { type: "string" },
      publisher: { type: "string" },
      url: { type: "string" },
      genre: { type: "string" },
    },
  });
}

process.exitCode = await main(process.argv.slice(2));
