/**
 * Structured logs (pino) on stderr, so the console's answers on stdout stay clean. Secret values
 * from the configuration are redacted from every line, whatever field they appear in.
 */
import { type Logger, pino } from "pino";

export type { Logger };

export function createLogger(level: string, secrets: readonly (string | undefined)[] = []): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === "string" && s.length >= 6);
  return pino(
    {
      level,
      base: null,
      redact: {
        paths: [
          "token",
          "*.token",
          "authorization",
          "*.authorization",
          "headers.authorization",
          "signingSecret",
          "*.signingSecret",
        ],
        censor: "[redacted]",
      },
      hooks: {
        streamWrite: (line) =>
          hidden.reduce((out, secret) => out.split(secret).join("[redacted]"), line),
      },
    },
    pino.destination(2),
  );
}
