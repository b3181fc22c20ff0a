import { describe, expect, it } from 'vitest';
import { JobQueue } from './job-queue.ts';

describe('JobQueue', () => {
  it('hands out the lowest priority value first and keeps one job per chunk', () => {
    const q = new JobQueue();
    q.upsert(1, 0, 0, 0, 30);
    q.upsert(2, 1, 0, 0, 10);
    q.upsert(3, 2, 0, 0, 20);
    q.upsert(1, 0, 0, 0, 5); // re-ranked, not duplicated
    expect(q.size).toBe(3);
    expect([q.take()?.key, q.take()?.key, q.take()?.key]).toEqual([1, 2, 3]);
    expect(q.take()).toBeUndefined();
  });

  it('drops jobs for chunks the viewer left', () => {
    const q = new JobQueue();
    for (let i = 0; i < 5; i++) q.upsert(i, i, 0, 0, i);
    q.retain((key) => key === 3 || key === 1);
    expect(q.size).toBe(2);
    expect([q.take()?.key, q.take()?.key, q.take()]).toEqual([1, 3, undefined]);
  });

  it('re-sorts after priorities change between takes', () => {
    const q = new JobQueue();
    q.upsert(1, 0, 0, 0, 1);
    q.upsert(9, 9, 0, 0, 100);
    expect(q.take()?.key).toBe(1);
    q.upsert(2, 1, 0, 0, 50);
    q.upsert(9, 9, 0, 0, 2);
    expect(q.take()?.key).toBe(9);
    expect(q.take()?.key).toBe(2);
  });
});
