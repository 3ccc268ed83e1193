/**
 * What the two processes of `npm run soak` share: the settings, the messages between the server
 * (scripts/soak.ts) and the load generator (scripts/soak-load.ts, a process of its own, as
 * clients would be other machines), and the samples the load generator measures.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export interface Settings {
  /**
   * Open loop: requests due on a fixed schedule, this many a second (0: closed loop, the
   * --concurrency clients each waiting for its answer before sending the next).
   */
  readonly rate: number;
  /** Open loop: seconds of measured arrivals, reported per ten-second step. */
  readonly durationSeconds: number;
  /** Open loop: seconds of arrivals at the same rate before the measured ones, not reported. */
  readonly warmupSeconds: number;
  /** Open loop: distinct students, cycled (0: every request from a new student). */
  readonly students: number;
  /** Print one JSON document on stdout instead of the text report (progress goes to stderr). */
  readonly json: boolean;
  readonly requests: number;
  readonly concurrency: number;
  /** Requests sent before the measured ones (JIT and heap sizing settle); not counted. */
  readonly warmup: number;
  /**
   * Requests sent after the memory reading that ends the warm-up, before the measured ones; not
   * counted. The reading's full collections make V8 throw away optimised code, and the first
   * requests after it would pay for compiling it again (20–28 % less throughput, in paired runs).
   */
  readonly settle: number;
  readonly withMap: boolean;
  readonly maxSeconds: number;
  /** Also measure the server's memory every this many requests (0: never); it perturbs timing. */
  readonly memoryEvery: number;
  readonly seed: number;
}

/** Reads the flags; exits with a usage message on a bad value. */
export function parseSettings(argv: readonly string[]): Settings {
  const number = (flag: string, fallback: number, min: number, max: number): number => {
    const at = argv.indexOf(flag);
    if (at === -1) return fallback;
    const value = Number(argv[at + 1]);
    if (!Number.isInteger(value) || value < min || value > max) {
      process.stderr.write(`soak: ${flag} takes a whole number from ${min} to ${max}\n`);
      process.exit(2);
    }
    return value;
  };
  const requests = number("--requests", 5000, 1, 1_000_000);
  const rate = number("--rate", 0, 0, 100_000);
  return {
    rate,
    durationSeconds: number("--duration", 60, 1, 86_400),
    warmupSeconds: number("--warmup-seconds", 10, 0, 3_600),
    students: number("--students", 0, 0, 100_000_000),
    json: argv.includes("--json"),
    requests,
    // Open loop: sockets the clients may open (Discord and Slack keep pools of connections too).
    concurrency: number("--concurrency", rate > 0 ? 256 : 50, 1, 5000),
    warmup: number("--warmup", 2000, 0, 1_000_000),
    settle: number("--settle", 1000, 0, 1_000_000),
    withMap: argv.includes("--with-map"),
    maxSeconds: number("--max-seconds", 300, 1, 86_400),
    memoryEvery: number("--memory-every", 0, 0, 1_000_000),
    seed: number("--seed", 20231206, 0, 2 ** 31),
  };
}

/** The Discord application the signed interactions are addressed to. */
export const APPLICATION_ID = "100000000000000001";

/** What the load generator is given when it starts. */
export interface LoadData {
  readonly settings: Settings;
  /** PKCS#8 PEM of the Ed25519 key the interactions are signed with. */
  readonly discordPrivateKey: string;
  readonly slackSigningSecret: string;
}

/** One request as the load generator saw it. */
export interface Sample {
  readonly platform: "discord" | "slack";
  readonly command: string;
  readonly httpMs: number;
  /** Time to the first message of the answer (the HTTP response itself, or the first post). */
  readonly deliveredMs?: number;
  readonly error?: string;
}

/** Percentiles of a list of milliseconds (NaN when it is empty). */
export interface Summary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/** One ten-second step of an open-loop run, as the load generator saw it. */
export interface StepLoad {
  readonly step: number;
  readonly seconds: number;
  /** Requests due in the step (all sent, late or not). */
  readonly sent: number;
  /** Sound answers whose first message arrived within the step (of requests due in any step). */
  readonly answered: number;
  /** Time from when each text request was due to the first message of its answer. */
  readonly delivered: Summary;
  /** Time from when each text request was due to its HTTP response. */
  readonly http: Summary;
  /** How late the generator sent each request (a busy generator shows here, not the server). */
  readonly sendLag: Summary;
  readonly errors: number;
  /** The commonest errors, "N× platform /command: what". */
  readonly errorKinds: readonly string[];
}

export type FromLoad =
  | { readonly kind: "sinks"; readonly slackApiUrl: string; readonly discordApiUrl: string }
  /** Every request is built and signed; the generator waits for "go". */
  | { readonly kind: "ready"; readonly kinds: number }
  | { readonly kind: "warm" }
  /** The first measured request is being sent: the clocks start. */
  | { readonly kind: "timing" }
  /** `done` requests have been answered (sent every --memory-every requests). */
  | { readonly kind: "checkpoint"; readonly done: number }
  | {
      readonly kind: "done";
      readonly sent: number;
      readonly seconds: number;
      readonly timedOut: boolean;
      /** The generator's CPU time (user + system) while the measured requests ran. */
      readonly cpuMicros: number;
    }
  /** Sent only when asked, after the server's memory was measured. */
  | { readonly kind: "samples"; readonly samples: readonly Sample[] }
  /** Open loop: the schedule has passed the end of step `step` (the server reads its gauges). */
  | { readonly kind: "step-end"; readonly step: number }
  /** Open loop: every request due in the step has its outcome. */
  | { readonly kind: "step"; readonly load: StepLoad }
  /** Open loop: every step is reported; the figures over the whole measured run. */
  | {
      readonly kind: "open-done";
      readonly all: Omit<StepLoad, "step">;
      /** The generator's CPU time (user + system) over the measured run. */
      readonly cpuMicros: number;
    };

export type ToLoad =
  | { readonly kind: "start"; readonly data: LoadData }
  | {
      readonly kind: "server";
      readonly url: string;
      readonly discordPath: string;
      readonly slackPath: string;
    }
  | { readonly kind: "go" }
  /** The server measured its memory after the warm-up: the measured requests may start. */
  | { readonly kind: "measured" }
  | { readonly kind: "send-samples" }
  | { readonly kind: "stop" };
/** A function that forces a full garbage collection, when the runtime allows it. */
export function exposeGc(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}
