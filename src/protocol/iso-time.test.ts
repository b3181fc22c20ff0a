import { describe, expect, it } from 'vitest';
import { isoTimestamp } from './iso-time.ts';

describe('isoTimestamp', () => {
  it('equals Date#toISOString across seconds, with padded milliseconds', () => {
    for (const ms of [0, 5, 42, 999, 1000, 1733145000123, 1733145000007, 1733145001999, 1796000000000.7]) {
      expect(isoTimestamp(ms)).toBe(new Date(Math.floor(ms)).toISOString());
    }
  });
});
