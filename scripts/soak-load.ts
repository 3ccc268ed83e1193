/**
 * The load generator of `npm run soak`, a process of its own (forked by scripts/soak.ts) so the
 * server under test has its process — heap, RSS and event loop — to itself, as it would with
 * Discord and Slack on other machines. It starts the sinks the adapters post to, builds and signs
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
  type Reply,
  type Scenario,
  scenarios,
  signers,
  slackRequest,
} from "./soak-client.js";
import { exposeGc, type FromLoad, type Sample, type ToLoad } from "./soak-protocol.js";
import { type Arrival, startSinks } from "./soak-sinks.js";

/**
 * The first message delivered for each expected key. Anything else that reaches the sinks (the
 * later pages of an answer, or an answer that came in the HTTP response) is dropped, so the
 * generator's own bookkeeping does not grow with the run.
 */
class Deliveries {
  readonly #expected = new Set<string>();
  readonly #waiting = new Map<string, (arrival: Arrival) => void>();
  readonly #early = new Map<string, Arrival>();

  expect(key: string): void {
    this.#expected.add(key);
  }

  arrived(key: string, arrival: Arrival): void {
    if (!this.#expected.has(key)) return;
    const waiter = this.#waiting.get(key);
    if (waiter) {
      this.cancel(key);
      waiter(arrival);
    } else if (!this.#early.has(key)) this.#early.set(key, arrival);
  }

  /** The first arrival for `key`, or undefined after `timeoutMs`. */
  wait(key: string, timeoutMs: number): Promise<Arrival | undefined> {
    const early = this.#early.get(key);
    if (early) {
      this.cancel(key);
      return Promise.resolve(early);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.cancel(key);
        resolve(undefined);
      }, timeoutMs);
      this.#waiting.set(key, (arrival) => {
        clearTimeout(timer);
        resolve(arrival);
      });
    });
  }

  cancel(key: string): void {
    this.#expected.delete(key);
    this.#waiting.delete(key);
    this.#early.delete(key);
  }
}

/** Our error answers carry a reference code; none may appear. */
const ERROR_ANSWER = /ERR-[0-9A-F]{8}/;
const DELIVERY_TIMEOUT_MS = 15_000;

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

  const sample = (
    request: Prepared,
    httpMs: number,
    outcome: { deliveredMs: number } | { error: string },
  ): Sample => ({ platform: request.platform, command: request.command, httpMs, ...outcome });

  /** The answer in the HTTP response (Discord type 4; Slack's ack body), or undefined. */
  const answerIn = (request: Prepared, reply: Reply): "answer" | "later" | string => {
    if (request.platform === "slack") return reply.body === "" ? "later" : "answer";
    const type = (JSON.parse(reply.body) as { type?: number }).type;
    return type === 4 ? "answer" : type === 5 ? "later" : `response type ${type}`;
  };

  const measure = async (request: Prepared): Promise<Sample> => {
    deliveries.expect(request.key);
    const started = performance.now();
    const reply = await http.send(request);
    const httpMs = performance.now() - started;
    if (reply.status !== 200) {
      deliveries.cancel(request.key);
      return sample(request, httpMs, { error: `HTTP ${reply.status}` });
    }
    const where = answerIn(request, reply);
    if (where !== "later") deliveries.cancel(request.key);
    if (where === "answer")
      return ERROR_ANSWER.test(reply.body)
        ? sample(request, httpMs, { error: "error answer" })
        : sample(request, httpMs, { deliveredMs: httpMs });
    if (where !== "later") return sample(request, httpMs, { error: where });
    const arrival = await deliveries.wait(request.key, DELIVERY_TIMEOUT_MS);
    if (!arrival) return sample(request, httpMs, { error: "no answer delivered" });
    return ERROR_ANSWER.test(arrival.body)
      ? sample(request, httpMs, { error: "error answer" })
      : sample(request, httpMs, { deliveredMs: arrival.at - started });
  };

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
      let result: Sample;
      try {
        result = await measure(freshen(request, keys));
      } catch (error) {
        result = sample(request, Number.NaN, {
          error: error instanceof Error ? error.message : String(error),
        });
      }
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
