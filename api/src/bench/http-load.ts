import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { percentile } from '../reliability/latency-stats';

/**
 * Concurrent HTTP clients for the API benchmarks, run in a worker thread: clients in the server's
 * own event loop would queue behind its requests (and the server behind their parsing), so the
 * latencies would measure the benchmark as much as the API.
 */

export interface LoadPlan {
  base: string;
  headers: Record<string, string>;
  /** One list of paths per client; each client sends its paths one after the other. */
  clients: string[][];
}

export interface Latencies {
  p50: number;
  p95: number;
  requests: number;
  errors: number;
}

async function runPlan(plan: LoadPlan): Promise<Latencies> {
  const times: number[] = [];
  let errors = 0;
  await Promise.all(
    plan.clients.map(async (paths) => {
      for (const path of paths) {
        const started = performance.now();
        try {
          const response = await fetch(`${plan.base}${path}`, { headers: plan.headers });
          await response.arrayBuffer();
          if (!response.ok) errors += 1;
        } catch {
          errors += 1;
        }
        times.push(performance.now() - started);
      }
    }),
  );
  const rounded = (value: number): number => Math.round(value * 10) / 10;
  return {
    p50: rounded(percentile(times, 50)),
    p95: rounded(percentile(times, 95)),
    requests: times.length,
    errors,
  };
}

/** Runs the plan's clients in a worker thread and answers their latencies (ms). */
export function loadInWorker(plan: LoadPlan): Promise<Latencies> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: plan });
    worker.once('message', (latencies: Latencies) => resolve(latencies));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with code ${code}`));
    });
  });
}

if (!isMainThread && parentPort !== null) {
  const port = parentPort;
  void runPlan(workerData as LoadPlan).then((latencies) => port.postMessage(latencies));
}
