/**
 * The server's own gauges for each ten-second step of an open-loop soak, read without forcing a
 * collection (that would stall the requests being measured): RSS, the heap as it stands and as
 * the last full collection left it (the best reading of the live heap short of forcing one),
 * how late its timers fired, its garbage collections' pauses, and its CPU.
 */
import {
  constants,
  type IntervalHistogram,
  monitorEventLoopDelay,
  PerformanceObserver,
} from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";

/** The server's memory at one moment. */
export interface Memory {
  /** The server's process (the load generator runs in another). */
  readonly rss: number;
  /** The server's live JavaScript objects (after a full GC, when one could be forced). */
  readonly heapUsed: number;
  /** What V8 keeps committed for that heap; it grows under load and shrinks when idle. */
  readonly heapTotal: number;
}

export interface StepServer {
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  /** Heap V8 keeps committed (young generation, old-generation headroom, code). */
  readonly heapTotalMiB: number;
  /** Heap in use just after the last full (mark-compact) collection so far; NaN before one. */
  readonly heapAfterFullGcMiB: number;
  /** How late a 1 ms timer fired on the server's event loop during the step. */
  readonly loopDelayMs: { readonly p50: number; readonly p99: number; readonly max: number };
  /** The step's garbage-collection pauses on the main thread. */
  readonly gc: {
    readonly pauses: number;
    readonly totalMs: number;
    readonly maxMs: number;
    /** Of which full (mark-compact) collections. */
    readonly full: number;
    readonly fullMaxMs: number;
  };
  /** Server CPU (user + system) over the step, in percent of one core. */
  readonly cpuPercent: number;
}

const MiB = 1024 * 1024;

export function startGauges(): { read(): StepServer; stop(): void } {
  let loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  let gc = { pauses: 0, totalMs: 0, maxMs: 0, full: 0, fullMaxMs: 0 };
  let heapAfterFullGc = Number.NaN;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const full =
        (entry as { detail?: { kind?: number } }).detail?.kind ===
        constants.NODE_PERFORMANCE_GC_MAJOR;
      gc.pauses++;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
      if (!full) continue;
      gc.full++;
      gc.fullMaxMs = Math.max(gc.fullMaxMs, entry.duration);
      heapAfterFullGc = getHeapStatistics().used_heap_size;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  let cpuFrom = process.cpuUsage();
  let stepFrom = performance.now();

  return {
    read() {
      const cpu = process.cpuUsage(cpuFrom);
      const now = performance.now();
      const { rss, heapUsed, heapTotal } = process.memoryUsage();
      const reading: StepServer = {
        rssMiB: rss / MiB,
        heapUsedMiB: heapUsed / MiB,
        heapTotalMiB: heapTotal / MiB,
        heapAfterFullGcMiB: heapAfterFullGc / MiB,
        loopDelayMs: {
          p50: loop.percentile(50) / 1e6,
          p99: loop.percentile(99) / 1e6,
          max: loop.max / 1e6,
        },
        gc,
        cpuPercent: ((cpu.user + cpu.system) / 1000 / (now - stepFrom)) * 100,
      };
      loop.disable();
      loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      gc = { pauses: 0, totalMs: 0, maxMs: 0, full: 0, fullMaxMs: 0 };
      cpuFrom = process.cpuUsage();
      stepFrom = now;
      return reading;
    },
    stop() {
      loop.disable();
      observer.disconnect();
    },
  };
}
