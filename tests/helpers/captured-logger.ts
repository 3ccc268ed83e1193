/**
 * The program's own logger (src/logger.ts, with its redaction) writing into memory, so tests can
 * wait for lines and check that what reached the log holds no credential.
 */
import { createLogger, type Logger } from "../../src/logger.js";

export interface CapturedLine {
  readonly level: number;
  readonly msg?: string;
  readonly [key: string]: unknown;
}

export interface CapturedLogger {
  readonly logger: Logger;
  /** Each line exactly as it would have reached standard error. */
  readonly raw: string[];
  readonly lines: CapturedLine[];
  /** Resolves with the first line (past or future) that matches. */
  waitFor(predicate: (line: CapturedLine) => boolean, timeoutMs?: number): Promise<CapturedLine>;
}

export function capturedLogger(secrets: readonly string[] = []): CapturedLogger {
  const raw: string[] = [];
  const lines: CapturedLine[] = [];
  const waiters: {
    predicate: (line: CapturedLine) => boolean;
    resolve: (l: CapturedLine) => void;
  }[] = [];
  const logger = createLogger("debug", secrets, {
    write(text: string) {
      for (const one of text.split("\n").filter(Boolean)) {
        raw.push(one);
        const line = JSON.parse(one) as CapturedLine;
        lines.push(line);
        for (const waiter of waiters.filter((w) => w.predicate(line))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    },
  });
  return {
    logger,
    raw,
    lines,
    waitFor(predicate, timeoutMs = 10_000) {
      const seen = lines.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching log line within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          predicate,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
  };
}
