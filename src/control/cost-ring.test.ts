import { describe, expect, it } from 'vitest';
import { CostRing } from './cost-ring.ts';

describe('CostRing', () => {
  it('reports nearest-rank percentiles of the last N values only', () => {
    const ring = new CostRing(4);
    expect(ring.percentile(0.95)).toBe(0);
    for (const v of [100, 1, 2, 3, 4]) ring.add(v);
    expect(ring.percentile(0.5)).toBe(2);
    expect(ring.percentile(0.95)).toBe(4);
    expect(ring.percentile(0)).toBe(1);
  });
});
