/** Latency sampling: p50 and p95 of repeated calls after a warm-up. */
export type Figures = { p50: number; p95: number; n: number };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function measure(call: () => Promise<unknown>, runs: number, warmup = 2): Promise<Figures> {
  for (let i = 0; i < warmup; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await call();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: runs };
}

/** Like measure, but runs `before` (untimed) ahead of every timed call: e.g. an edit, then the read after it. */
export async function measureAfter(before: (i: number) => Promise<unknown>, call: () => Promise<unknown>, runs: number): Promise<Figures> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before(i);
    const t = performance.now();
    await call();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: runs };
}
