import { describe, expect, it } from 'vitest';
import { PerspectiveCamera, SpriteMaterial, type InstancedMesh, type Sprite } from 'three';
import type { FrameContext } from '../app/frame-loop.ts';
import { createRemoteAvatarSystem } from './remote-avatar-system.ts';
import { FakeRemotePlayers } from './fake-remote-players.test-util.ts';

const frameAt = (frame: number, playing = true): FrameContext =>
  ({ dt: 1 / 60, nowMs: frame * 16, frame, presenting: false, xrFrame: undefined, playing, held: false, camera: new PerspectiveCamera(), gl: null! }) as FrameContext;

describe('remote avatar system', () => {
  const makeTag = () => ({ material: new SpriteMaterial(), aspect: 3, dispose() {} });

  it('samples the view, sets instance counts and shows a tag per nearby player', () => {
    const view = new FakeRemotePlayers();
    view.add({ peerId: 1, name: 'Ana', x: 3, y: 0, z: -4 });
    view.add({ peerId: 2, name: 'Bo', x: 0, y: 20, z: -10, spacecraft: true });
    const system = createRemoteAvatarSystem({ view: () => view, makeTag });
    system.update(frameAt(1));
    expect(view.sampled).toEqual([16]);
    const byName = (n: string) => system.root.getObjectByName(n) as InstancedMesh;
    expect(byName('AvatarBodies').count).toBe(1);
    expect(byName('AvatarHelmets').count).toBe(1);
    expect(byName('AvatarShips').count).toBe(1);
    expect(byName('AvatarHands').count).toBe(0);
    const shown = system.root.children.filter((c): c is Sprite => c.type === 'Sprite' && c.visible);
    expect(shown).toHaveLength(2);
    // The same names on later frames reuse their tags.
    for (let f = 2; f < 10; f++) system.update(frameAt(f));
    expect(system.tags.drawn).toBe(2);
  });

  it('hides everything with no view, or outside a world', () => {
    const view = new FakeRemotePlayers();
    view.add({ peerId: 1, name: 'Ana', x: 3, y: 0, z: -4 });
    let current: FakeRemotePlayers | null = view;
    const system = createRemoteAvatarSystem({ view: () => current, makeTag });
    system.update(frameAt(1));
    system.update(frameAt(2, false));
    expect((system.root.getObjectByName('AvatarBodies') as InstancedMesh).count).toBe(0);
    expect(system.root.children.some((c) => c.type === 'Sprite' && c.visible)).toBe(false);
    current = null;
    system.update(frameAt(3));
    expect((system.root.getObjectByName('AvatarHelmets') as InstancedMesh).count).toBe(0);
  });
});
