import { describe, expect, it } from "vitest";
import { ArrivalQueue } from "../../../src/adapters/http/arrival-queue.js";

/** Resolves after the event loop has gone round once (past the poll, to the next check phase). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("ArrivalQueue", () => {
  it("starts nothing at once: a request waits for the next turn of the event loop", () => {
    const queue = new ArrivalQueue();
    const started: string[] = [];
    queue.admit(() => started.push("a"));
    expect(started).toEqual([]);
    expect(queue.length).toBe(1);
  });

  it("starts one request per turn, first come first served", async () => {
    const queue = new ArrivalQueue();
    const started: string[] = [];
    for (const name of ["a", "b", "c"]) queue.admit(() => started.push(name));
    await nextTurn();
    expect(started).toEqual(["a"]);
    await nextTurn();
    expect(started).toEqual(["a", "b"]);
    await nextTurn();
    expect(started).toEqual(["a", "b", "c"]);
    expect(queue.length).toBe(0);
  });

  it("puts requests that arrive while others wait behind them", async () => {
    const queue = new ArrivalQueue();
    const started: string[] = [];
    queue.admit(() => started.push("first"));
    queue.admit(() => started.push("second"));
    await nextTurn();
    queue.admit(() => started.push("late"));
    await Promise.all([nextTurn(), nextTurn(), nextTurn()]);
    await nextTurn();
    expect(started).toEqual(["first", "second", "late"]);
  });

  it("lets callbacks queued by one request run before the next request starts", async () => {
    const queue = new ArrivalQueue();
    const events: string[] = [];
    queue.admit(() => {
      events.push("request 1");
      // Queued for the next turn, as I/O callbacks are: a burst started in one turn would run
      // it after request 2; a queue that starts one request per turn runs it first.
      setImmediate(() => events.push("callback of request 1"));
    });
    queue.admit(() => events.push("request 2"));
    await nextTurn();
    await nextTurn();
    await nextTurn();
    expect(events).toEqual(["request 1", "callback of request 1", "request 2"]);
  });

  it("keeps serving after a request that throws, without hiding the error", async () => {
    const queue = new ArrivalQueue();
    const started: string[] = [];
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.prependListener("uncaughtException", onUncaught);
    try {
      queue.admit(() => {
        throw new Error("handler bug");
      });
      queue.admit(() => started.push("next"));
      await nextTurn();
      await nextTurn();
    } finally {
      process.off("uncaughtException", onUncaught);
    }
    expect(started).toEqual(["next"]);
    expect(uncaught).toEqual([expect.objectContaining({ message: "handler bug" })]);
  });
});
