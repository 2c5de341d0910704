/**
 * Small statistics for the outside benchmark: medians and percentiles over pages, and ratios of
 * one extension's per-page figures to the floor's.
 */

/** The `q`-quantile (0..1) of `values` by linear interpolation; NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? NaN;
  const high = sorted[above] ?? NaN;
  return low + (high - low) * (position - below);
}

/** The median of `values`; NaN for no values. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The arithmetic mean of `values` (NaN ones left out); NaN for none. */
export function mean(values: readonly number[]): number {
  const kept = values.filter((value) => !Number.isNaN(value));
  return kept.length === 0 ? NaN : kept.reduce((sum, value) => sum + value, 0) / kept.length;
}

/** Median, 90th percentile and mean of a set of figures. */
export interface Spread {
  median: number;
  p90: number;
  /**
   * Mean: for sampled figures (zero when no sample landed, several ms when one landed in a long
   * gap) the mean is unbiased where the median of a small figure is not.
   */
  mean: number;
}

/** Median, p90 and mean of `values`. */
export function spread(values: readonly number[]): Spread {
  return { median: median(values), p90: quantile(values, 0.9), mean: mean(values) };
}

/** An extension's per-page figures set against the floor's on the same pages. */
export interface RatioToFloor {
  /** Median and p90 of the per-page ratio (extension ÷ floor) over the pages where both are > 0. */
  perPage: Spread;
  /** Median of the extension's figures ÷ median of the floor's (all pages). */
  ofMedians: number;
  /** p90 of the extension's figures ÷ p90 of the floor's (all pages). */
  ofP90s: number;
  /** Mean ÷ mean: total CPU over the pages ÷ the floor's total. */
  ofMeans: number;
  /** Pages left out of the per-page ratio because the floor's figure was 0 (no sample landed). */
  pagesWithoutFloor: number;
}

/** Ratios of `values` to `floor`, page by page (both arrays in the same page order). */
export function ratioToFloor(values: readonly number[], floor: readonly number[]): RatioToFloor {
  const ratios: number[] = [];
  let pagesWithoutFloor = 0;
  values.forEach((value, i) => {
    const base = floor[i] ?? NaN;
    if (base > 0 && !Number.isNaN(value)) ratios.push(value / base);
    else pagesWithoutFloor += 1;
  });
  return {
    perPage: spread(ratios),
    ofMedians: median(values) / median(floor),
    ofP90s: quantile(values, 0.9) / quantile(floor, 0.9),
    ofMeans: mean(values) / mean(floor),
    pagesWithoutFloor,
  };
}
