import { percentile, type Figures } from './latency.js';

/**
 * Latency under load: `clients` callers at once, each making `perClient` calls one
 * after another, every call timed on its own. Bounded in count (clients × perClient).
 */
export async function measureConcurrent(call: () => Promise<unknown>, clients: number, perClient: number): Promise<Figures> {
  await call();
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const t = performance.now();
        await call();
        times.push(performance.now() - t);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
}
