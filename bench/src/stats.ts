/** Median, min and max of repeated measurements: every figure in results.md is one of these. */
export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function figureOf(values: number[]): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: values.length };
}

/** Runs `measure` `runs` times in a row and summarizes the values it returns. */
export async function repeat(runs: number, measure: (run: number) => Promise<number>): Promise<Figure> {
  const values: number[] = [];
  for (let run = 0; run < runs; run++) values.push(await measure(run));
  return figureOf(values);
}

/** Operations per second of `total` operations spread over `workers` concurrent loops. */
export async function throughput(workers: number, total: number, op: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = next++; i < total; i = next++) await op(i);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

/** The value at quantile `q` (0–1) of values sorted ascending; NaN for none. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
