/**
 * The interactive console: the default way to run the assistant, no tokens needed. Reads lines
 * (`/pillar coalition`, `pillar coalition`, or a plain question) and prints rendered answers.
 * The last answer's follow-ups are numbered: typing `2` runs the second, `more` or `next` the one
 * that continues it (the next page, the next objection). Files an answer carries (a map picture,
 * an export) are saved in `outDir` and their paths printed.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Answer, FollowUp, ReplyRequest } from "../../core/answer.js";
import type { Command } from "../../core/command.js";
import type { Core } from "../../core/core.js";
import { findCommand, runLine } from "../../core/dispatch.js";
import { executeCommand } from "../../core/execute.js";
import { nothingToContinueAnswer } from "../../core/words.js";
import type { Logger } from "../../logger.js";
import { saveToFolder } from "../cli/files.js";
import { renderTerminal } from "./render.js";

export interface ConsoleOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly color: boolean;
  readonly width: number;
  readonly logger?: Logger;
  /** Where files from answers are saved; without it they are described, not saved. */
  readonly outDir?: string;
}

/** Words that ask for the follow-up that continues the last answer. */
const CONTINUE = new Set(["more", "next"]);
/** Labels of the follow-ups that continue an answer ("Next results", "Next objection", "More passages"). */
const CONTINUES = /^(next|more)\b/i;

/** Runs until the input ends or the user types `exit`; resolves when closed. */
export function runConsole(
  core: Core,
  catalogue: readonly Command[],
  options: ConsoleOptions,
): Promise<void> {
  const names = catalogue.map((c) => `/${c.name}`);
  const rl = createInterface({
    input: options.input,
    output: options.output,
    terminal: options.color,
    completer: (line: string) => {
      const hits = names.filter((n) => n.startsWith(line));
      return [hits.length ? hits : names, line];
    },
  });
  const write = (text: string) => options.output.write(`${text}\n`);
  const hooks = {
    onError: (error: unknown, reference: string, command: string) =>
      options.logger?.error({ err: error, reference, command }, "command failed"),
  };
  let pendingReply: ReplyRequest | undefined;
  let followUps: readonly FollowUp[] = [];
  const run = (command: string, values: Readonly<Record<string, unknown>>, text: string) => {
    const found = findCommand(catalogue, command);
    return found
      ? executeCommand(core, found, values, hooks)
      : runLine(core, catalogue, text, hooks);
  };

  write("Debate-prep assistant — type /help for commands, a question to search, or exit to leave.");
  rl.setPrompt("debate> ");
  rl.prompt();

  // Lines are answered one at a time, in order, even when piped in faster than we answer.
  let queue = Promise.resolve();
  // Set by `exit`; lines already piped in after it are ignored. The end of input is not an
  // exit: lines read before it are still answered.
  let exited = false;
  rl.on("line", (line) => {
    queue = queue.then(async () => {
      if (exited) return;
      const text = line.trim();
      if (text === "exit" || text === "quit" || text === "/exit") {
        exited = true;
        rl.close();
        return;
      }
      if (text === "" && !pendingReply) return rl.prompt();
      let result: Answer;
      const chosen = /^\d{1,2}$/.test(text) ? followUps[Number(text) - 1] : undefined;
      // A reply is awaited, but a line starting with "/" is a new command: the reply is dropped.
      if (pendingReply && !text.startsWith("/")) {
        const request = pendingReply;
        pendingReply = undefined;
        result = await run(
          request.command,
          { ...request.options, [request.replyOption]: text },
          text,
        );
      } else if (chosen) {
        result = await run(chosen.command, chosen.options, text);
      } else if (CONTINUE.has(text.toLowerCase())) {
        const next = followUps.find((f) => CONTINUES.test(f.label));
        result = next ? await run(next.command, next.options, text) : nothingToContinueAnswer();
      } else {
        result = await runLine(core, catalogue, text, hooks);
      }
      pendingReply = result.replyRequest;
      followUps = result.followUps;
      const saved = options.outDir === undefined ? undefined : saveFiles(result, options.outDir);
      write(
        renderTerminal(result, {
          color: options.color,
          width: options.width,
          numberFollowUps: true,
          ...(saved ? { saved } : {}),
        }),
      );
      rl.prompt();
    });
  });
  return new Promise((resolve) => rl.on("close", () => void queue.then(() => resolve())));
}

/** Saves the answer's files; one line each saying where it went, or why it did not. */
function saveFiles(answer: Answer, folder: string): string[] {
  return (answer.attachments ?? []).map((file) => {
    const saved = saveToFolder(file, folder);
    return saved.ok ? `Saved to ${saved.message}` : `Not saved: ${saved.message}`;
  });
}
