/** An answer with its JSON text, serialised once when it was computed. */
export interface CachedAnswer<T> {
  value: T;
  json: string;
}

/**
 * Answers of the rollup reads, kept per process and keyed by the question AND the scope's
 * `refreshed_at`: a refresh (in this process or a worker) moves that stamp, so a stale answer is
 * never served. Under 20 concurrent dashboards the time went to turning rows into objects and
 * then serialising a 100 KB answer on every request, not to PostgreSQL; so the JSON text is kept
 * beside the value and sent as it is. Bounded, least recently used out first. Requests that ask
 * while an answer is being computed wait for that computation instead of starting their own:
 * after a refresh, every open dashboard asks at once.
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, CachedAnswer<T>>();
  private readonly computing = new Map<string, Promise<CachedAnswer<T>>>();

  constructor(private readonly capacity: number) {}

  getOrCompute(key: string, compute: () => Promise<T>): Promise<CachedAnswer<T>> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-insert so the Map's order is least recently used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return Promise.resolve(hit);
    }
    const pending = this.computing.get(key);
    if (pending !== undefined) return pending;
    const computation = this.compute(key, compute).finally(() => this.computing.delete(key));
    this.computing.set(key, computation);
    return computation;
  }

  private async compute(key: string, compute: () => Promise<T>): Promise<CachedAnswer<T>> {
    const value = await compute();
    const answer = { value, json: JSON.stringify(value) };
    this.entries.set(key, answer);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    return answer;
  }

  get size(): number {
    return this.entries.size;
  }
}
