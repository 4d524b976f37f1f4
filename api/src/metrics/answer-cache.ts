/**
 * Answers of the rollup reads, kept per process and keyed by the question AND the scope's
 * `refreshed_at`: a refresh (in this process or a worker) moves that stamp, so a stale answer is
 * never served. Under 20 concurrent dashboards the time went to turning rows into objects, not to
 * PostgreSQL; the stamp check is one primary-key read. Bounded, least recently used out first.
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity: number) {}

  async getOrCompute(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-insert so the Map's order is least recently used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const answer = await compute();
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
