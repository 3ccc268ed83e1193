/**
 * `npm run soak`: load on loopback. This process runs the server under test — the real HTTP
 * server with both the Discord interactions route and the Slack events route, the real adapters,
 * their outgoing calls pointed at local sinks — and forks the load generator
 * (scripts/soak-load.ts) as a process of its own, so the memory and CPU figures are the server's
 * alone, as they would be with Discord and Slack on other machines.
 *
 * With --rate R (open loop, scripts/soak-open-loop.ts) requests fall due R a second for
 * --duration seconds, each from a new student unless --students N, and are timed from when due;
 * the report has a line per ten-second step with the server's gauges (scripts/soak-gauges.ts),
 * and --json prints it as one document. --limiter measures the rate limiter alone
 * (scripts/soak-limiter.ts). Without --rate, the generator plays N
 * closed-loop clients on 127.0.0.1 sending correctly signed Discord interactions and Slack slash
 * commands (built and signed before the timed phase: that is the platforms' work, not ours) for
 * a fixed number of requests. Prints requests/s, the latency of the HTTP response and of the
 * delivered answer, errors, and the server's memory at the start, after warm-up and at the end.
 *
 * A benchmark, not a test: it reports figures beside the targets (5,000 requests at concurrency
 * 50, zero errors, p99 < 50 ms for text answers, memory growth < 10 % after warm-up) and stops by
 * itself (--max-seconds). The server runs with the runtime settings `npm start` uses (a fixed
 * 32 MiB young generation, see DESIGN.md); the report prints the heap limit in force. (Under
 * `node --max-old-space-size=256` V8 keeps less old space committed, so RSS levels off lower, for
 * ~15 % less throughput.)
 *
 * Flags: --requests N (5000 measured) --warmup W (2000, sent before them, not measured)
 * --settle S (1000, sent after the memory reading that ends the warm-up, not measured: that
 * reading's full collections discard optimised code, which the JIT then compiles again)
 * --concurrency C (50) --with-map (adds /map, which draws a PNG) --max-seconds S (300)
 * --seed N --memory-every N (also measure memory every N requests, for steady-state evidence; it
 * forces a full GC each time, so latencies of such a run are not the figures to quote).
 */
import { fork } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { type IntervalHistogram, monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { getHeapStatistics } from "node:v8";
import { catalogue } from "../commands/index.js";
import {
  createDiscordInteractionsEndpoint,
  DISCORD_INTERACTIONS_PATH,
} from "../src/adapters/discord/http.js";
import { startHttpServer } from "../src/adapters/http/server.js";
import { createSlackHttpAdapter } from "../src/adapters/slack/app.js";
import { createCore } from "../src/core/core.js";
import { defaultCorpusRoot } from "../src/core/paths.js";
import { createLogger } from "../src/logger.js";
import { type Memory, type StepServer, startGauges } from "./soak-gauges.js";
import { limiterSoak } from "./soak-limiter.js";
import {
  type OpenRun,
  type OpenStep,
  openReport,
  stepHeader,
  stepLine,
} from "./soak-open-report.js";
import {
  APPLICATION_ID,
  exposeGc,
  type FromLoad,
  type LoadData,
  parseSettings,
  type Sample,
  type Settings,
  type ToLoad,
} from "./soak-protocol.js";
import { commonest, percentile } from "./soak-stats.js";

/**
 * Memory after a full garbage collection (when one can be forced), so figures are stable. V8
 * hands freed pages back to the system from a background task some hundreds of milliseconds
 * after a collection: read straight after a busy spell, RSS can be ~20 MiB above where it
 * settles. So collections and readings repeat until RSS moves by less than 1 MiB (at most ~2 s).
 * Without a forced GC, one reading is all there is (noisier).
 */
async function memory(gc: (() => void) | undefined): Promise<Memory> {
  const read = async (): Promise<Memory> => {
    gc?.();
    await sleep(100);
    gc?.();
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    return { rss, heapUsed, heapTotal };
  };
  let last = await read();
  for (let attempt = 0; gc && attempt < 8; attempt++) {
    await sleep(150);
    const next = await read();
    const settled = Math.abs(next.rss - last.rss) < 1024 * 1024;
    last = next;
    if (settled) break;
  }
  return last;
}

/** Counts the app's warn and error lines; the lines themselves go nowhere during the run. */
function countingDestination(counts: { warn: number; error: number }) {
  return {
    write(line: string) {
      if (line.includes('"level":50') || line.includes('"level":60')) counts.error++;
      else if (line.includes('"level":40')) counts.warn++;
    },
  };
}

async function main(): Promise<void> {
  if (process.argv.includes("--limiter")) return limiterSoak(process.argv.slice(2));
  const settings = parseSettings(process.argv.slice(2));
  const gc = exposeGc();
  const slackSigningSecret = randomBytes(16).toString("hex");
  const botToken = `xoxb-soak-${randomBytes(8).toString("hex")}`;
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });

  const data: LoadData = {
    settings,
    discordPrivateKey: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    slackSigningSecret,
  };
  // The server's flags (e.g. --cpu-prof) are not the generator's.
  const load = fork(new URL("./soak-load.js", import.meta.url), { stdio: "inherit", execArgv: [] });
  const messages: FromLoad[] = [];
  const waiters: (() => void)[] = [];
  const checkpoints: (Memory & { readonly done: number })[] = [];
  let onStep: (message: Extract<FromLoad, { kind: "step" | "step-end" }>) => void = () => {};
  load.on("message", (message: FromLoad) => {
    if (message.kind === "step" || message.kind === "step-end") {
      onStep(message);
      return;
    }
    if (message.kind === "checkpoint") {
      void memory(gc).then((measured) => checkpoints.push({ done: message.done, ...measured }));
      return;
    }
    messages.push(message);
    for (const waiter of waiters.splice(0)) waiter();
  });
  let finished = false;
  const failed = new Promise<never>((_, reject) => {
    load.once("error", reject);
    load.once("exit", (code) => {
      if (!finished) reject(new Error(`the load generator stopped early (exit code ${code})`));
    });
  });
  failed.catch(() => undefined); // awaited through `next`
  const next = async <K extends FromLoad["kind"]>(
    kind: K,
  ): Promise<Extract<FromLoad, { kind: K }>> => {
    for (;;) {
      const found = messages.find((m) => m.kind === kind);
      if (found) return found as Extract<FromLoad, { kind: K }>;
      await Promise.race([new Promise<void>((resolve) => waiters.push(resolve)), failed]);
    }
  };
  const tell = (message: ToLoad) => load.send(message);
  tell({ kind: "start", data });

  const sinks = await next("sinks");
  const logCounts = { warn: 0, error: 0 };
  const logger = createLogger(
    "info",
    [slackSigningSecret, botToken],
    countingDestination(logCounts),
  );
  const core = createCore(defaultCorpusRoot(), { drillSecret: randomBytes(16).toString("hex") });
  // Limits far above the run's rate: the soak measures throughput, not the limiter's refusals.
  const rateLimit = { perMinute: 1_000_000, expensivePerMinute: 1_000_000 };
  const discord = createDiscordInteractionsEndpoint({
    publicKey: der.subarray(der.length - 32).toString("hex"),
    applicationId: APPLICATION_ID,
    apiUrl: sinks.discordApiUrl,
    core,
    catalogue,
    logger,
    rateLimit,
  });
  const slack = await createSlackHttpAdapter({
    core,
    catalogue,
    logger,
    botToken,
    signingSecret: slackSigningSecret,
    apiUrl: sinks.slackApiUrl,
    rateLimit,
  });
  const http = await startHttpServer({
    host: "127.0.0.1",
    port: 0,
    routes: { [DISCORD_INTERACTIONS_PATH]: discord.handle, [slack.path]: slack.route },
    logger,
  });

  const shutdown = async () => {
    await http.close(2000);
    await Promise.all([discord.stop(), slack.stop()]);
    finished = true;
    const exited = new Promise((resolve) => load.once("exit", resolve));
    tell({ kind: "stop" });
    await exited;
  };

  /** Says what the run will be, tells the generator where the server is, and starts it. */
  const start = async (out: NodeJS.WritableStream, banner: string) => {
    out.write(banner);
    tell({
      kind: "server",
      url: http.url,
      discordPath: DISCORD_INTERACTIONS_PATH,
      slackPath: slack.path,
    });
    const { kinds } = await next("ready");
    const atStart = await memory(gc);
    tell({ kind: "go" });
    return { kinds, atStart };
  };

  if (settings.rate > 0) {
    const out = settings.json ? process.stderr : process.stdout;
    const { kinds, atStart } = await start(
      out,
      `soak: open loop, ${settings.rate} requests/s due for ${settings.durationSeconds} s after ${settings.warmupSeconds} s of warm-up, ${settings.students ? `${settings.students} students cycled` : "a new student each"}, Discord and Slack alternating, on ${http.url}…\n`,
    );
    await next("timing");
    const gauges = startGauges();
    const steps = new Map<number, StepServer>();
    const rows: OpenStep[] = [];
    out.write(`${stepHeader()}\n`);
    onStep = (message) => {
      if (message.kind === "step-end") {
        steps.set(message.step, gauges.read());
        return;
      }
      const server = steps.get(message.load.step);
      if (!server) throw new Error(`step ${message.load.step} reported before its end`);
      const row = { ...message.load, server };
      rows.push(row);
      out.write(`${stepLine(row, settings.rate)}\n`);
    };
    const { all, cpuMicros } = await next("open-done");
    gauges.stop();
    const atEnd = await memory(gc);
    await shutdown();
    const run: OpenRun = {
      settings,
      kinds,
      steps: rows,
      all,
      generatorCpuMicros: cpuMicros,
      logs: logCounts,
      memory: { atStart, atEnd, gcForced: !!gc, heapLimit: getHeapStatistics().heap_size_limit },
    };
    process.stdout.write(
      settings.json ? `${JSON.stringify(run, null, 2)}\n` : `${openReport(run).join("\n")}\n`,
    );
    return;
  }

  const { kinds, atStart } = await start(
    process.stdout,
    `soak: ${settings.requests} requests at concurrency ${settings.concurrency} ` +
      `after ${settings.warmup} warm-up and ${settings.warmup > 0 ? settings.settle : 0} settling, Discord and Slack alternating, on ${http.url}…\n`,
  );
  let afterWarmup: Memory | undefined;
  if (settings.warmup > 0) {
    await next("warm");
    afterWarmup = await memory(gc);
    tell({ kind: "measured" });
  }
  await next("timing");
  // How late a timer fires on the server's event loop: what any other work there (a gateway
  // heartbeat, a retry, a health check) waits while requests are being answered.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const cpuFrom = process.cpuUsage();
  const result = await next("done");
  const cpu = process.cpuUsage(cpuFrom);
  loopDelay.disable();
  const atEnd = await memory(gc);
  tell({ kind: "send-samples" });
  const { samples } = await next("samples");

  await shutdown();

  process.stdout.write(
    `${report(settings, { ...result, kinds, samples, serverCpuMicros: cpu.user + cpu.system, serverSystemMicros: cpu.system, loopDelay }, logCounts, { atStart, afterWarmup, atEnd, checkpoints }, !!gc).join("\n")}\n`,
  );
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (n: number) => (Number.isNaN(n) ? "—" : `${n.toFixed(1)} ms`);
const growth = (from: number, to: number) => (to - from) / from;
const pct = (fraction: number) => `${(fraction * 100).toFixed(1)} %`;

function report(
  settings: Settings,
  result: Extract<FromLoad, { kind: "done" }> & {
    readonly kinds: number;
    readonly samples: readonly Sample[];
    /** The server process's CPU time (user + system) while the measured requests ran. */
    readonly serverCpuMicros: number;
    /** The part of it spent in the kernel (socket reads and writes, on loopback both ends). */
    readonly serverSystemMicros: number;
    readonly loopDelay: IntervalHistogram;
  },
  logCounts: { warn: number; error: number },
  memory: {
    atStart: Memory;
    afterWarmup: Memory | undefined;
    atEnd: Memory;
    checkpoints: readonly (Memory & { readonly done: number })[];
  },
  gcForced: boolean,
): string[] {
  const { samples } = result;
  const perRequest = (micros: number) => (micros / 1000 / samples.length).toFixed(2);
  const errors = samples.filter((s) => s.error);
  const text = samples.filter((s) => s.command !== "map");
  const of = (list: readonly Sample[], pick: (s: Sample) => number | undefined) =>
    list.map(pick).filter((v): v is number => v !== undefined && !Number.isNaN(v));
  const on = (platform: Sample["platform"]) => text.filter((s) => s.platform === platform);
  const line = (label: string, values: readonly number[]) =>
    `  ${label.padEnd(46)} p50 ${ms(percentile(values, 50)).padStart(8)}   p90 ${ms(percentile(values, 90)).padStart(8)}   p99 ${ms(percentile(values, 99)).padStart(8)}   max ${ms(values.length ? Math.max(...values) : Number.NaN).padStart(8)}`;
  const row = (label: string, m: Memory) =>
    `  ${label.padEnd(16)} RSS ${mib(m.rss).padStart(10)}   server heap: live ${mib(m.heapUsed).padStart(9)}, committed ${mib(m.heapTotal).padStart(9)}`;
  const { atStart, afterWarmup, atEnd } = memory;
  const p99 = percentile(
    of(text, (s) => s.httpMs),
    99,
  );
  const rssGrowth = afterWarmup ? growth(afterWarmup.rss, atEnd.rss) : Number.NaN;
  const heapGrowth = afterWarmup ? growth(afterWarmup.heapUsed, atEnd.heapUsed) : Number.NaN;
  const out = [
    "",
    `Requests    ${samples.length} measured after ${settings.warmup} warm-up and ${settings.warmup > 0 ? settings.settle : 0} settling (${result.sent} sent in all, ${result.kinds} kinds of request)${result.timedOut ? `; stopped at --max-seconds ${settings.maxSeconds}` : ""}`,
    `Throughput  ${(samples.length / result.seconds).toFixed(0)} requests/s over ${result.seconds.toFixed(1)} s`,
    `CPU         server ${perRequest(result.serverCpuMicros)} ms per request (${perRequest(result.serverSystemMicros)} in the kernel; ${pct(result.serverCpuMicros / 1e6 / result.seconds)} of one core); load generator ${perRequest(result.cpuMicros)} ms per request (${pct(result.cpuMicros / 1e6 / result.seconds)}), in its own process`,
    `Errors      ${errors.length}${errors.length ? ` (${summarise(errors)})` : ""}; the app logged ${logCounts.error} error and ${logCounts.warn} warning lines`,
    `Event loop  the server's timers fired late by p50 ${ms(result.loopDelay.percentile(50) / 1e6)}, p99 ${ms(result.loopDelay.percentile(99) / 1e6)}, max ${ms(result.loopDelay.max / 1e6)}`,
    "Latency, text answers",
    line(
      "HTTP response, both platforms",
      of(text, (s) => s.httpMs),
    ),
    line(
      "HTTP response, Discord (the answer)",
      of(on("discord"), (s) => s.httpMs),
    ),
    line(
      "HTTP response, Slack (the ack)",
      of(on("slack"), (s) => s.httpMs),
    ),
    line(
      "answer delivered, Discord",
      of(on("discord"), (s) => s.deliveredMs),
    ),
    line(
      "answer delivered, Slack (ack or response_url)",
      of(on("slack"), (s) => s.deliveredMs),
    ),
  ];
  const maps = samples.filter((s) => s.command === "map");
  if (maps.length)
    out.push(
      line(
        "/map answer delivered (PNG)",
        of(maps, (s) => s.deliveredMs),
      ),
    );
  out.push(
    `Memory${gcForced ? " (after a full GC)" : " (GC could not be forced: noisier)"}; server heap limit ${mib(getHeapStatistics().heap_size_limit)}`,
    row("start", atStart),
  );
  if (afterWarmup) out.push(row("after warm-up", afterWarmup));
  out.push(row("end", atEnd));
  if (memory.checkpoints.length > 0)
    out.push(
      `  RSS by requests answered (warm-up included): ${memory.checkpoints
        .map((c) => `${c.done}: ${(c.rss / 1024 / 1024).toFixed(0)}`)
        .join(", ")} MiB`,
    );
  if (afterWarmup)
    out.push(
      `  growth after warm-up: live heap ${pct(heapGrowth)} (a leak would show here), RSS ${pct(rssGrowth)}`,
    );
  const met = (ok: boolean) => (ok ? "met" : "MISSED");
  out.push(
    "Targets",
    `  5,000 requests at concurrency 50   ${settings.requests >= 5000 && settings.concurrency >= 50 && !result.timedOut ? "this run" : "not this run"}`,
    `  zero errors                        ${met(errors.length === 0)}`,
    `  p99 < 50 ms, text answers (HTTP)   ${met(p99 < 50)} (${ms(p99)})`,
    `  memory growth < 10 % after warm-up live heap ${met(heapGrowth < 0.1)} (${pct(heapGrowth)}); RSS ${met(rssGrowth < 0.1)} (${pct(rssGrowth)})`,
    "",
  );
  return out;
}

function summarise(errors: readonly Sample[]): string {
  return commonest(errors.map((e) => `${e.platform} /${e.command}: ${e.error}`)).join("; ");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
