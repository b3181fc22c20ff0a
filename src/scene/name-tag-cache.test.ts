import { describe, expect, it } from 'vitest';
import { SpriteMaterial } from 'three';
import { NameTagCache, type NameTag } from './name-tag-cache.ts';

function fakeFactory() {
  const disposed: string[] = [];
  const make = (name: string): NameTag => ({ material: new SpriteMaterial(), aspect: name.length, dispose: () => void disposed.push(name) });
  return { make, disposed };
}

describe('NameTagCache', () => {
  it('draws a tag once per peer and name, not per frame', () => {
    const { make } = fakeFactory();
    const cache = new NameTagCache(make);
    const first = cache.get(4, 'Ana', 1);
    for (let f = 2; f < 100; f++) expect(cache.get(4, 'Ana', f)).toBe(first);
    expect(cache.drawn).toBe(1);
  });

  it('redraws when a peer changes name, and frees the old texture', () => {
    const { make, disposed } = fakeFactory();
    const cache = new NameTagCache(make);
    cache.get(4, 'Ana', 1);
    const renamed = cache.get(4, 'Anabel', 2);
    expect(renamed.aspect).toBe(6);
    expect(disposed).toEqual(['Ana']);
    expect(cache.size).toBe(1);
  });

  it('evicts the least recently used tag past its capacity', () => {
    const { make, disposed } = fakeFactory();
    const cache = new NameTagCache(make, 2);
    cache.get(1, 'a', 1);
    cache.get(2, 'b', 2);
    cache.get(1, 'a', 3); // a is fresher than b now
    cache.get(3, 'c', 4);
    expect(disposed).toEqual(['b']);
    expect(cache.size).toBe(2);
    cache.dispose();
    expect(disposed.sort()).toEqual(['a', 'b', 'c']);
  });
});
