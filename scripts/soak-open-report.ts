/**
 * The open-loop soak's report: a line per ten-second step as the run goes (achieved rate,
 * latency from when requests were due, errors, the server's timers, GC pauses and memory), then
 * the whole run against the targets. `--json` prints the same figures as one document instead.
 */
import type { Memory, StepServer } from "./soak-gauges.js";
import type { Settings, StepLoad } from "./soak-protocol.js";

export type OpenStep = StepLoad & { readonly server: StepServer };

export interface OpenRun {
  readonly settings: Settings;
  readonly kinds: number;
  readonly steps: readonly OpenStep[];
  readonly all: Omit<StepLoad, "step">;
  readonly generatorCpuMicros: number;
  readonly logs: { readonly warn: number; readonly error: number };
  readonly memory: {
    readonly atStart: Memory;
    readonly atEnd: Memory;
    readonly gcForced: boolean;
    readonly heapLimit: number;
  };
}

/** A step "holds" the rate when it answered at least this share of it. */
export const HELD = 0.99;

const num = (n: number, digits = 1) => (Number.isNaN(n) ? "—" : n.toFixed(digits));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const perSecond = (count: number, seconds: number) => count / seconds;

export function stepHeader(): string {
  return [
    "  step       sent/s  answered/s   delivered from due, ms: p50    p90    p99    max   errors",
    "    server: timers late p99/max ms · GC pauses: count, max ms (full) · CPU % · RSS, heap committed, heap used now / after the last full GC, MiB",
  ].join("\n");
}

export function stepLine(row: OpenStep, rate: number): string {
  const from = row.step * 10;
  const answered = perSecond(row.answered, row.seconds);
  const { delivered, server } = row;
  const held = answered >= HELD * rate ? " " : "!";
  return [
    `  ${`${from}–${from + row.seconds} s`.padEnd(10)} ${num(perSecond(row.sent, row.seconds), 0).padStart(6)} ${num(answered, 0).padStart(10)}${held}` +
      `                         ${num(delivered.p50).padStart(5)} ${num(delivered.p90).padStart(6)} ${num(delivered.p99).padStart(6)} ${num(delivered.max).padStart(6)} ${String(row.errors).padStart(8)}` +
      (row.errors ? `  (${row.errorKinds.join("; ")})` : ""),
    `    server: timers ${num(server.loopDelayMs.p99)}/${num(server.loopDelayMs.max)} · GC ${server.gc.pauses}, max ${num(server.gc.maxMs)} (${server.gc.full} full, max ${num(server.gc.fullMaxMs)}) · CPU ${num(server.cpuPercent, 0)} % · RSS ${num(server.rssMiB, 0)}, heap ${num(server.heapTotalMiB, 0)}, ${num(server.heapUsedMiB, 0)} / ${num(server.heapAfterFullGcMiB, 0)}`,
  ].join("\n");
}

export function openReport(run: OpenRun): string[] {
  const { settings, steps, all, memory } = run;
  const met = (ok: boolean) => (ok ? "met" : "MISSED");
  const answeredRates = steps.map((s) => perSecond(s.answered, s.seconds));
  const slowest = Math.min(...answeredRates);
  const held = steps.every((s) => perSecond(s.answered, s.seconds) >= HELD * settings.rate);
  const worstStepP99 = Math.max(...steps.map((s) => s.delivered.p99));
  const serverCpu = steps.reduce((sum, s) => sum + (s.server.cpuPercent / 100) * s.seconds, 0);
  const row = (label: string, m: Memory) =>
    `  ${label.padEnd(6)} RSS ${mib(m.rss).padStart(10)}   live heap ${mib(m.heapUsed).padStart(9)}, committed ${mib(m.heapTotal).padStart(9)}`;
  const rss = steps.map((s) => s.server.rssMiB);
  const committed = steps.map((s) => s.server.heapTotalMiB);
  const heap = steps.map((s) => s.server.heapAfterFullGcMiB).filter((v) => !Number.isNaN(v));
  const range = (values: readonly number[]) =>
    values.length ? `${num(Math.min(...values), 0)}–${num(Math.max(...values), 0)} MiB` : "—";
  const lastThird = (values: readonly number[]) =>
    values.slice(Math.floor((values.length * 2) / 3));
  return [
    "",
    `Arrivals    ${all.sent} requests due at ${settings.rate}/s over ${settings.durationSeconds} s (${run.kinds} kinds of request, ${settings.students ? `${settings.students} students cycled` : "each from a new student"}); answered ${num(slowest, 0)}/s in the slowest step`,
    `Latency     from when each text request was due to the first message of its answer: p50 ${num(all.delivered.p50)}, p90 ${num(all.delivered.p90)}, p99 ${num(all.delivered.p99)}, max ${num(all.delivered.max)} ms (worst step p99 ${num(worstStepP99)} ms); HTTP response p99 ${num(all.http.p99)} ms`,
    `Generator   sent p99 ${num(all.sendLag.p99)} ms and at most ${num(all.sendLag.max)} ms late; its CPU ${((run.generatorCpuMicros / 1e6 / settings.durationSeconds) * 100).toFixed(0)} % of a core, the server's ${((serverCpu / settings.durationSeconds) * 100).toFixed(0)} %`,
    `Errors      ${all.errors}${all.errors ? ` (${all.errorKinds.join("; ")})` : ""}; the app logged ${run.logs.error} error and ${run.logs.warn} warning lines`,
    `Memory${memory.gcForced ? " (after a full GC)" : " (GC could not be forced: noisier)"}; server heap limit ${mib(memory.heapLimit)}`,
    row("start", memory.atStart),
    row("end", memory.atEnd),
    `  during the run: RSS ${range(rss)} (last third ${range(lastThird(rss))}); heap committed ${range(committed)} (last third ${range(lastThird(committed))}); live heap after full GCs ${range(heap)} (last third ${range(lastThird(heap))})`,
    "Targets",
    `  every step answered ≥ ${HELD * 100} % of ${settings.rate}/s   ${met(held)} (slowest ${num(slowest, 0)}/s)`,
    `  zero errors                            ${met(all.errors === 0 && run.logs.error === 0)}`,
    `  p99 < 100 ms (the target at 600/s)    ${met(all.delivered.p99 < 100)} (${num(all.delivered.p99)} ms)`,
    `  p99 < 50 ms (the target at 400/s)     ${met(all.delivered.p99 < 50)} (${num(all.delivered.p99)} ms)`,
    "",
  ];
}
