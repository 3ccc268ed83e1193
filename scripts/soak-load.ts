/**
 * The load generator of `npm run soak`, a process of its own (forked by scripts/soak.ts) so the
 * server under test has its process — heap, RSS and event loop — to itself, as it would with
 * Discord and Slack on other machines. It starts the sinks the adapters post to; with --rate it
 * sends on a fixed schedule (scripts/soak-open-loop.ts). Otherwise it builds and signs
 * every request before the timed phase (see scripts/soak-client.ts), then N closed-loop clients
 * on 127.0.0.1 each send one request and wait for its answer before sending the next — Discord
 * and Slack alternating, a mix of commands, a third carrying hostile text — and measure each from
 * before it is sent until its answer is delivered (the HTTP response, or the first message at a
 * sink).
 */

import { prng } from "./prng.js";
import {
  client,
  discordRequest,
  freshen,
  type Prepared,
  type Scenario,
  scenarios,
  signers,
  slackRequest,
} from "./soak-client.js";
import { Deliveries, measurer } from "./soak-measure.js";
import { openLoop } from "./soak-open-loop.js";
import { exposeGc, type FromLoad, type Sample, type ToLoad } from "./soak-protocol.js";
import { startSinks } from "./soak-sinks.js";

const post = (message: FromLoad) => process.send?.(message);
const received = <K extends ToLoad["kind"]>(kind: K): Promise<Extract<ToLoad, { kind: K }>> =>
  new Promise((resolve) => {
    const listener = (message: ToLoad) => {
      if (message.kind !== kind) return;
      process.off("message", listener);
      resolve(message as Extract<ToLoad, { kind: K }>);
    };
    process.on("message", listener);
  });

async function run(): Promise<void> {
  const { settings, discordPrivateKey, slackSigningSecret } = (await received("start")).data;
  const gc = exposeGc();
  const random = prng(settings.seed);
  const mix = scenarios(random, settings.withMap);
  const keys = signers(discordPrivateKey, slackSigningSecret);
  const deliveries = new Deliveries();
  const sinks = await startSinks();
  sinks.onArrival((key, arrival) => deliveries.arrived(key, arrival));

  const serverReady = received("server");
  post({ kind: "sinks", slackApiUrl: sinks.slackApiUrl, discordApiUrl: sinks.discordApiUrl });
  const server = await serverReady;
  if (settings.rate > 0) {
    const http = client(server.url, settings.concurrency);
    post({ kind: "ready", kinds: mix.length });
    await received("go");
    await openLoop({
      settings,
      random,
      mix,
      keys,
      server,
      responseUrl: sinks.responseUrl,
      measure: measurer(http, deliveries),
      post,
    });
    await received("stop");
    http.close();
    await sinks.close();
    process.disconnect();
    return;
  }

  // Every request, built and signed before the clock starts.
  const requests: Prepared[] = [];
  // Settling only follows a warm-up: without one there is no memory reading to recover from.
  const firstMeasured = settings.warmup + (settings.warmup > 0 ? settings.settle : 0);
  for (let index = 0; index < firstMeasured + settings.requests; index++) {
    const scenario = mix[Math.floor(random() * mix.length)] as Scenario;
    const user = Math.floor(random() * 500);
    const key = `slack-${index}`;
    requests.push(
      index % 2 === 0
        ? discordRequest(scenario, user, BigInt(index), server.discordPath, keys)
        : slackRequest(scenario, user, key, sinks.responseUrl(key), server.slackPath, keys),
    );
  }
  const http = client(server.url, settings.concurrency);

  const measure = measurer(http, deliveries);

  const deadline = Date.now() + settings.maxSeconds * 1000;
  const samples: Sample[] = [];
  let next = 0;
  let done = 0;
  let timedOut = false;
  let measuredFrom = performance.now();
  const closedLoopClient = async () => {
    for (;;) {
      if (Date.now() > deadline) {
        timedOut = true;
        return;
      }
      const index = next++;
      const request = requests[index];
      if (!request) return;
      // Requests after the warm-up wait until the server has measured its memory (full
      // collections that would otherwise stall them); the settling ones then go unmeasured.
      if (index >= settings.warmup) await measuredPhase;
      if (index === firstMeasured) startTiming();
      const result = await measure(freshen(request, keys), performance.now());
      done++;
      if (index >= firstMeasured) samples.push(result);
      if (settings.memoryEvery > 0 && done % settings.memoryEvery === 0)
        post({ kind: "checkpoint", done });
      if (done === settings.warmup) startMeasuring();
    }
  };
  let cpuFrom = process.cpuUsage();
  let startMeasuredPhase!: () => void;
  const measuredPhase = new Promise<void>((resolve) => {
    startMeasuredPhase = resolve;
  });
  const startMeasuring = () => {
    gc?.();
    const measured = received("measured");
    post({ kind: "warm" });
    void measured.then(startMeasuredPhase);
  };
  const startTiming = () => {
    measuredFrom = performance.now();
    cpuFrom = process.cpuUsage();
    post({ kind: "timing" });
  };
  post({ kind: "ready", kinds: mix.length });
  await received("go");
  measuredFrom = performance.now();
  cpuFrom = process.cpuUsage();
  if (settings.warmup === 0) startMeasuredPhase();
  await Promise.all(Array.from({ length: settings.concurrency }, closedLoopClient));
  const seconds = (performance.now() - measuredFrom) / 1000;
  const cpu = process.cpuUsage(cpuFrom);
  await new Promise((resolve) => setTimeout(resolve, 200)); // late follow-ups settle
  const sendSamples = received("send-samples");
  post({ kind: "done", sent: done, seconds, timedOut, cpuMicros: cpu.user + cpu.system });
  await sendSamples;
  post({ kind: "samples", samples });
  await received("stop");
  http.close();
  await sinks.close();
  process.disconnect();
}

run().catch((error: unknown) => {
  process.stderr.write(
    `soak load generator failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
