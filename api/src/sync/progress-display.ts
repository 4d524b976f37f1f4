import { MultiBar, Presets, type SingleBar } from 'cli-progress';

/** One step of a sync, as a person watching it cares about it. */
export interface ProgressUpdate {
  source: 'github' | 'jira';
  message: string;
  /** Units done and in all (repositories, projects, issues), when known. */
  done?: number;
  total?: number;
}

export interface ProgressDisplay {
  update(update: ProgressUpdate): void;
  stop(): void;
}

/** A bar per source in a terminal; plain timestamped lines otherwise (CI, logs, pipes). */
export function createProgressDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
  return stream.isTTY ? terminalDisplay(stream) : lineDisplay(stream);
}

function lineDisplay(stream: NodeJS.WritableStream): ProgressDisplay {
  return {
    update({ source, message, done, total }) {
      const count = done !== undefined && total !== undefined ? ` (${done}/${total})` : '';
      stream.write(`${new Date().toISOString()} ${source}: ${message}${count}\n`);
    },
    stop() {
      // Lines need no closing.
    },
  };
}

function terminalDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
  const bars = new MultiBar(
    {
      stream,
      format: '{source} [{bar}] {value}/{total} {message}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  const bySource = new Map<string, SingleBar>();
  return {
    update({ source, message, done, total }) {
      let bar = bySource.get(source);
      if (bar === undefined) {
        bar = bars.create(total ?? 1, 0, { source: source.padEnd(6), message });
        bySource.set(source, bar);
      }
      if (total !== undefined) bar.setTotal(Math.max(total, 1));
      bar.update(done ?? bar.getProgress() * bar.getTotal(), { message });
    },
    stop() {
      bars.stop();
    },
  };
}
