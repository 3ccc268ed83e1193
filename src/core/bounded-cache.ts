/**
 * A memo for pure functions of text that keeps at most `limit` entries and starts over when full:
 * repeated inputs (the same quote checked again, the same word folded again) cost a lookup, and
 * a stream of new ones cannot grow memory. Starting over is cheaper than tracking recency, and
 * the working set refills within a few calls.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly limit: number) {}

  get(key: K): V | undefined {
    return this.#entries.get(key);
  }

  set(key: K, value: V): void {
    if (this.#entries.size >= this.limit) this.#entries.clear();
    this.#entries.set(key, value);
  }

  /** The cached value for `key`, computed (and kept) when it is not there yet. */
  remember(key: K, compute: (key: K) => V): V {
    const known = this.#entries.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    this.set(key, value);
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}
