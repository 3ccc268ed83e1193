/**
 * Files from answers on the command line: `--out <file>` saves an answer's attachment (a map
 * picture, an export), and commands whose answer *is* a text file print it to stdout so it can
 * be piped (`npm run -s cli -- export argdown > map.argdown`).
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { extname, join, parse } from "node:path";
import type { Answer, Attachment } from "../../core/answer.js";

/** Commands whose answer is a text file: without `--out`, the CLI prints the file itself. */
const PRINTS_ITS_FILE: ReadonlySet<string> = new Set(["export"]);

export type OutOption =
  | { readonly ok: true; readonly args: string[]; readonly out: string | undefined }
  | { readonly ok: false; readonly problem: string };

/**
 * Takes `--out <file>` or `--out=<file>` out of the arguments: it is the CLI's, not the
 * command's, so the command's option parser never sees it.
 */
export function takeOutOption(argv: readonly string[]): OutOption {
  const args: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--out" || arg.startsWith("--out=")) {
      const value = arg === "--out" ? argv[++i] : arg.slice("--out=".length);
      if (!value || value.startsWith("--"))
        return { ok: false, problem: "--out needs a file name, e.g. --out map.png" };
      out = value;
    } else {
      args.push(arg);
    }
  }
  return { ok: true, args, out };
}

export type Saved =
  | { readonly ok: true; readonly message: string }
  | { readonly ok: false; readonly message: string };

/**
 * Writes the answer's first attachment to `path`; says what was saved (naming the file as the
 * user wrote it, `shown`), or why nothing was.
 */
export function saveAttachment(answer: Answer, path: string, shown = path): Saved {
  const file = answer.status === "ok" ? answer.attachments?.[0] : undefined;
  if (!file)
    return {
      ok: false,
      message: `Nothing saved to ${shown}: /${answer.command} answered without a file.`,
    };
  try {
    writeFileSync(path, file.data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Could not save ${file.filename} to ${shown}: ${reason}` };
  }
  const mismatch =
    extname(path) && extname(path).toLowerCase() !== extname(file.filename).toLowerCase()
      ? ` Note: the file is ${file.contentType}, whatever its name says${file.contentType.startsWith("image/png") ? " (add --format svg for an SVG)" : ""}.`
      : "";
  return {
    ok: true,
    message: `Saved ${file.filename} (${file.contentType}, ${size(file)}) to ${shown}.${mismatch}`,
  };
}

/** The text of an answer's text attachment, for commands in {@link PRINTS_ITS_FILE}. */
export function printableFile(answer: Answer): string | undefined {
  const file = answer.attachments?.[0];
  if (answer.status !== "ok" || !PRINTS_ITS_FILE.has(answer.command) || !file) return undefined;
  if (!/^(text\/|application\/json)/.test(file.contentType)) return undefined;
  return new TextDecoder().decode(file.data);
}

function size(file: Attachment): string {
  const bytes = file.data.byteLength;
  return bytes < 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Writes an attachment into `folder` (made if missing) under its own name, numbered rather than
 * overwriting an earlier file: says where it went, or why it did not.
 */
export function saveToFolder(file: Attachment, folder: string): Saved {
  const { name, ext } = parse(file.filename.replace(/[^\p{L}\p{N}._-]/gu, "_") || "file");
  let path = join(folder, `${name}${ext}`);
  for (let n = 2; existsSync(path); n++) path = join(folder, `${name}-${n}${ext}`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(path, file.data, { flag: "wx" });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: reason };
  }
  return { ok: true, message: path };
}
