import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { BaseState } from './base-replica.ts';
import { OxygenZones } from './oxygen-zones.ts';
import type { StructureInfo, StructureState } from '../protocol/net/base-events.ts';

const info = (id: string, type: string, x: number): StructureInfo => ({
  structure_id: id, structure_type: type, position: { x, y: 0, z: 0 }, rotation: { x: 0, y: 0, z: 0 },
  owner_id: 'p', health: 100, enabled: true, built_at: '2026-12-02T00:00:00.000Z',
});
const state = (oxygen: boolean): StructureState => ({ health: 100, enabled: true, powered: oxygen, status: 'active', output: 20, oxygen });

function base(): BaseState {
  return { inventory: null, structures: {}, states: {}, grid: {}, clock: null, dropped: null, structuresVersion: 0 };
}

describe('OxygenZones', () => {
  it('covers the range of structures the relay says give oxygen, and follows their state', () => {
    const store = createStore<BaseState>(base);
    const zones = new OxygenZones(store);
    expect(zones.covers(0, 0, 0)).toBe(false);
    store.setState({ structures: { a: info('a', 'oxygenator', 0), b: info('b', 'power_pole', 100) }, states: { a: state(true), b: state(false) } });
    expect(zones.size).toBe(1);
    expect(zones.covers(9.9, 0, 0)).toBe(true); // oxygenator range 10 m
    expect(zones.covers(10.1, 0, 0)).toBe(false);
    expect(zones.covers(100, 0, 0)).toBe(false); // the pole gives nothing while its network has no oxygen
    store.setState((s) => ({ states: { ...s.states, b: state(true) } }));
    expect(zones.covers(105, 0, 0)).toBe(true); // pole range 6 m
    expect(zones.covers(107, 0, 0)).toBe(false);
    store.setState((s) => ({ states: { ...s.states, a: state(false) } }));
    expect(zones.covers(0, 0, 0)).toBe(false);
  });
});
