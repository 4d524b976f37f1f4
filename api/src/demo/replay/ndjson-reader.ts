import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * One NDJSON file read line by line, in batches, with a look-ahead record: the streaming
 * generator's files are far larger than memory at scale, so nothing reads them whole.
 */
export class NdjsonReader<T> {
  private readonly lines: AsyncIterator<string>;
  private ahead: T | undefined;
  private lineNumber = 0;

  constructor(private readonly path: string) {
    this.lines = createInterface({
      input: createReadStream(path, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    })[Symbol.asyncIterator]();
  }

  /** The next record, or undefined at the end of the file. */
  async next(): Promise<T | undefined> {
    if (this.ahead !== undefined) {
      const record = this.ahead;
      this.ahead = undefined;
      return record;
    }
    for (;;) {
      const line = await this.lines.next();
      if (line.done === true) return undefined;
      this.lineNumber += 1;
      if (line.value.trim() === '') continue;
      try {
        return JSON.parse(line.value) as T;
      } catch (error) {
        throw new Error(
          `${this.path}:${this.lineNumber} is not JSON (${error instanceof Error ? error.message : String(error)})`,
          { cause: error },
        );
      }
    }
  }

  /** Up to `size` records; an empty list at the end of the file. */
  async batch(size: number): Promise<T[]> {
    const records: T[] = [];
    while (records.length < size) {
      const record = await this.next();
      if (record === undefined) break;
      records.push(record);
    }
    return records;
  }

  /** Every record from here on while `keep` holds (the first that fails stays for later). */
  async takeWhile(keep: (record: T) => boolean): Promise<T[]> {
    const records: T[] = [];
    for (;;) {
      const record = await this.next();
      if (record === undefined) return records;
      if (!keep(record)) {
        this.ahead = record;
        return records;
      }
      records.push(record);
    }
  }
}
