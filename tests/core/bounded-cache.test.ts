import { describe, expect, it } from "vitest";
import { BoundedCache } from "../../src/core/bounded-cache.js";

describe("BoundedCache", () => {
  it("computes a value once and then remembers it", () => {
    const cache = new BoundedCache<string, number>(10);
    let calls = 0;
    const length = (text: string) => {
      calls++;
      return text.length;
    };
    expect(cache.remember("abc", length)).toBe(3);
    expect(cache.remember("abc", length)).toBe(3);
    expect(calls).toBe(1);
  });

  it("never holds more than its limit: it starts over when full", () => {
    const cache = new BoundedCache<number, number>(3);
    for (let i = 0; i < 10; i++) {
      cache.set(i, i * i);
      expect(cache.size).toBeLessThanOrEqual(3);
    }
    expect(cache.get(9)).toBe(81);
    expect(cache.get(0)).toBeUndefined();
  });
});
