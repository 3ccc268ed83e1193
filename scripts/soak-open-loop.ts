/**
 * The open-loop load of `npm run soak -- --rate R`: requests fall due on a fixed schedule, R a
 * second, whatever the server is doing (as students' questions do), and each is timed from when
 * it was due, so a stall shows in every request it delays rather than slowing the arrivals down.
 * Every request comes from a new student unless --students N cycles N of them. Requests are
 * built and signed about two seconds before they are due, a few at a time between sends, so a
 * long run holds neither an hour of requests in memory nor signatures near the five-minute
 * limit. Results go to the server process step by step (ten seconds of due times each), once
 * every request due in the step has its outcome.
 */
import {
  discordRequest,
  type Prepared,
  type Scenario,
  type Signers,
  slackRequest,
} from "./soak-client.js";
import type { FromLoad, Sample, Settings, StepLoad } from "./soak-protocol.js";
import { commonest, summary } from "./soak-stats.js";

export const STEP_MS = 10_000;
/** How far ahead of their due time requests are built and signed. */
const BUILD_AHEAD_MS = 2_000;
/** Requests built per turn of the scheduler at most (~60 µs each), so sends are not held up. */
const BUILD_PER_TURN = 20;

export interface OpenLoopContext {
  readonly settings: Settings;
  readonly random: () => number;
  readonly mix: readonly Scenario[];
  readonly keys: Signers;
  readonly server: { readonly discordPath: string; readonly slackPath: string };
  readonly responseUrl: (key: string) => string;
  /** Sends the request at once; the sample's times are measured from `origin`. */
  readonly measure: (request: Prepared, origin: number) => Promise<Sample>;
  readonly post: (message: FromLoad) => void;
}

/** What the generator keeps of a step until all its requests have their outcome. */
class Step {
  readonly delivered: number[] = [];
  readonly http: number[] = [];
  readonly sendLag: number[] = [];
  readonly errors: string[] = [];
  sent = 0;
  answered = 0;
  outstanding = 0;

  constructor(
    readonly index: number,
    readonly seconds: number,
  ) {}

  record(sample: Sample, lag: number): void {
    this.sendLag.push(lag);
    if (sample.error !== undefined) {
      this.errors.push(`${sample.platform} /${sample.command}: ${sample.error}`);
      return;
    }
    if (sample.command === "map") return; // a picture: not a text answer's latency
    this.http.push(sample.httpMs);
    if (sample.deliveredMs !== undefined) this.delivered.push(sample.deliveredMs);
  }

  report(): StepLoad {
    return summariseSteps([this], this.index, this.seconds);
  }
}

function summariseSteps(steps: readonly Step[], index: number, seconds: number): StepLoad {
  const all = (pick: (step: Step) => readonly number[]) => steps.flatMap(pick);
  const errors = steps.flatMap((s) => s.errors);
  return {
    step: index,
    seconds,
    sent: steps.reduce((n, s) => n + s.sent, 0),
    answered: steps.reduce((n, s) => n + s.answered, 0),
    delivered: summary(all((s) => s.delivered)),
    http: summary(all((s) => s.http)),
    sendLag: summary(all((s) => s.sendLag)),
    errors: errors.length,
    errorKinds: commonest(errors),
  };
}

/**
 * Due times of the warm-up, relative to its start: the rate climbs from a tenth of `rate` to
 * all of it, second by second, so the server's code is compiled under rising load instead of
 * meeting the full rate cold (which left a backlog of seconds that the measured steps inherited).
 */
function rampDue(rate: number, seconds: number): number[] {
  const due: number[] = [];
  for (let second = 0; second < seconds; second++) {
    const perSecond = rate * Math.max(0.1, (second + 1) / seconds);
    for (let i = 0; i < Math.round(perSecond); i++) due.push((second + i / perSecond) * 1000);
  }
  return due;
}

/** Runs the warm-up and the measured schedule; resolves when every step is reported. */
export async function openLoop(context: OpenLoopContext): Promise<void> {
  const { settings, post } = context;
  const interval = 1000 / settings.rate;
  const ramp = rampDue(settings.rate, settings.warmupSeconds);
  const warmup = ramp.length;
  const total = warmup + Math.round(settings.rate * settings.durationSeconds);
  const steps = Array.from(
    { length: Math.ceil(settings.durationSeconds / (STEP_MS / 1000)) },
    (_, index) => new Step(index, Math.min(STEP_MS / 1000, settings.durationSeconds - index * 10)),
  );
  const build = builder(context);
  const requests = new Map<number, Prepared>();
  let built = 0;
  // Times are performance.now() readings; the measured phase's origin is set once the warm-up
  // has drained, so it starts with nothing queued.
  let warmupFrom = performance.now() + 20;
  let measuredFrom = Number.POSITIVE_INFINITY;
  const dueOf = (index: number) =>
    index < warmup
      ? warmupFrom + (ramp[index] as number)
      : measuredFrom + (index - warmup) * interval;
  const buildUntil = (time: number, atMost: number) => {
    for (let n = 0; n < atMost && built < total && dueOf(built) <= time; n++)
      requests.set(built, build(built++));
  };
  buildUntil(performance.now() + BUILD_AHEAD_MS, Number.POSITIVE_INFINITY);
  warmupFrom = performance.now() + 20;

  const stepOf = (time: number) => Math.floor((time - measuredFrom) / STEP_MS);
  const endOf = (step: number) => Math.min((step + 1) * STEP_MS, settings.durationSeconds * 1000);
  let cpuFrom = process.cpuUsage();
  let warmupOutstanding = 0;
  let marked = 0; // steps whose end the schedule has passed
  let reported = 0;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const reportReady = () => {
    for (let step = steps[reported]; step && reported < marked && step.outstanding === 0; ) {
      post({ kind: "step", load: step.report() });
      step = steps[++reported];
    }
    if (reported === steps.length) {
      const cpu = process.cpuUsage(cpuFrom);
      post({
        kind: "open-done",
        all: summariseSteps(steps, -1, settings.durationSeconds),
        cpuMicros: cpu.user + cpu.system,
      });
      finish();
    }
  };

  const send = (index: number, now: number) => {
    const request = requests.get(index);
    requests.delete(index);
    if (!request) throw new Error(`request ${index} was not built in time`);
    const due = dueOf(index);
    if (index < warmup) {
      warmupOutstanding++;
      void context.measure(request, due).then(() => {
        warmupOutstanding--;
      });
      return;
    }
    const step = steps[stepOf(due)] as Step;
    step.sent++;
    step.outstanding++;
    void context.measure(request, due).then((sample) => {
      const answeredIn = steps[stepOf(performance.now())];
      if (answeredIn && sample.error === undefined) answeredIn.answered++;
      step.record(sample, now - due);
      step.outstanding--;
      reportReady();
    });
  };

  let next = 0;
  const turn = () => {
    let now = performance.now();
    if (next === warmup && measuredFrom === Number.POSITIVE_INFINITY) {
      // Warm-up sent: once it has drained, the measured schedule starts.
      if (warmupOutstanding > 0) {
        setTimeout(turn, 5);
        return;
      }
      measuredFrom = now; // for now, to build the first two seconds' requests
      buildUntil(now + BUILD_AHEAD_MS, Number.POSITIVE_INFINITY);
      now = performance.now();
      measuredFrom = now + 20;
      cpuFrom = process.cpuUsage();
      post({ kind: "timing" });
    }
    while (marked < steps.length && now >= measuredFrom + endOf(marked))
      post({ kind: "step-end", step: marked++ });
    while (next < total && dueOf(next) <= now) send(next++, now);
    buildUntil(now + BUILD_AHEAD_MS, BUILD_PER_TURN);
    reportReady();
    if (marked === steps.length) return;
    const wake = Math.min(dueOf(next), measuredFrom + endOf(marked));
    setTimeout(turn, Number.isFinite(wake) ? Math.max(0, wake - now - 1) : 5);
  };
  setTimeout(turn, Math.max(0, warmupFrom - performance.now()));
  await finished;
}

/** Request `index`: Discord and Slack alternating, a student of its own unless cycled. */
function builder(context: OpenLoopContext): (index: number) => Prepared {
  const { settings, random, mix, keys, server } = context;
  return (index) => {
    const scenario = mix[Math.floor(random() * mix.length)] as Scenario;
    const student = settings.students > 0 ? index % settings.students : index;
    const key = `slack-${index}`;
    return index % 2 === 0
      ? discordRequest(scenario, student, BigInt(index), server.discordPath, keys)
      : slackRequest(scenario, student, key, context.responseUrl(key), server.slackPath, keys);
  };
}
