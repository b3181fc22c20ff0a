/** Small statistics helpers and the shared figure record type. */

export interface Figure {
  value: number;
  unit: string;
  baseline?: number;
  /** Printed only (not in latest.json): the target, for context. */
  target?: string;
  /** Printed only: extra detail such as individual runs. */
  note?: string;
}

export type Figures = Record<string, Figure>;

/** Percentile by nearest rank on a sorted copy (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const median = (values: number[]): number => percentile(values, 50);

export const mean = (values: number[]): number =>
  values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;

/** Rounds to a sensible number of significant decimals for printing and JSON. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
