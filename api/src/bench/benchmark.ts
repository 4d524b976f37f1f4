/** A benchmark prints figures, never asserts: targets are read off its table and JSON. */
export type Figures = Record<string, number | string>;

export interface Benchmark {
  /** kebab-case; also the name of its JSON file under bench-results/. */
  name: string;
  description: string;
  /** V8 heap limit for the benchmark's process, when the default (about 4 GiB) is too small. */
  heapMiB?: number;
  run(): Promise<Figures>;
}
