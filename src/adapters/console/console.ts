/**
 * The interactive console: the default way to run the assistant, no tokens needed. Reads lines
 * (`/pillar coalition`, `pillar coalition`, or a plain question) and prints rendered answers.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Answer, ReplyRequest } from "../../core/answer.js";
import type { Command } from "../../core/command.js";
import type { Core } from "../../core/core.js";
import { findCommand, runLine } from "../../core/dispatch.js";
import { executeCommand } from "../../core/execute.js";
import type { Logger } from "../../logger.js";
import { renderTerminal } from "./render.js";

export interface ConsoleOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly color: boolean;
  readonly width: number;
  readonly logger?: Logger;
}

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
      // A reply is awaited, but a line starting with "/" is a new command: the reply is dropped.
      if (pendingReply && !text.startsWith("/")) {
        const request = pendingReply;
        pendingReply = undefined;
        const command = findCommand(catalogue, request.command);
        result = command
          ? await executeCommand(
              core,
              command,
              { ...request.options, [request.replyOption]: text },
              hooks,
            )
          : await runLine(core, catalogue, text, hooks);
      } else {
        result = await runLine(core, catalogue, text, hooks);
      }
      pendingReply = result.replyRequest;
      write(renderTerminal(result, { color: options.color, width: options.width }));
      rl.prompt();
    });
  });
  return new Promise((resolve) => rl.on("close", () => void queue.then(() => resolve())));
}
