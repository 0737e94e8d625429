/** Nearest-rank percentile (`fraction` 0.95 for p95); the input need not be sorted. */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)
  return sorted[Math.max(0, index)]
}

export const median = (values: readonly number[]): number => percentile(values, 0.5)

/** Milliseconds since `start` (from process.hrtime.bigint()). */
export const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6
