import { describe, expect, it } from 'vitest';
import { connectionLabel, createOfflineNet, shareLink, typingLine } from './net-ui.ts';
import type { WorldSummary } from '../protocol/net/worlds.ts';

const world: WorldSummary = { world_id: 7, world_name: 'Mars', seed: 1, kind: 'planet', edit_seq: 0, players_online: 2, created_at: '', last_played: null };
const base = { state: 'offline' as const, attempt: 0, reason: null, world: null, players: [] };

describe('net UI words', () => {
  it('labels every connection state', () => {
    const peer = { user_id: 'u', name: 'Ana', peer_id: 1, mode: 'walking' as const };
    expect(connectionLabel({ ...base, state: 'connected', world, players: [peer] })).toBe('Connected — Mars (2 players)');
    expect(connectionLabel({ ...base, state: 'connected', world })).toBe('Connected — Mars (1 player)');
    expect(connectionLabel({ ...base, state: 'reconnecting', attempt: 2 })).toBe('Reconnecting (attempt 2 of 5)…');
    expect(connectionLabel({ ...base, reason: 'relay refused us' })).toBe('Offline — relay refused us');
    expect(connectionLabel(base)).toBe('Offline');
  });

  it('builds share links from the origin', () => {
    expect(shareLink('https://host:8443', 12)).toBe('https://host:8443/?world=12');
    expect(shareLink('http://localhost:5173/', 1)).toBe('http://localhost:5173/?world=1');
  });

  it('says who is typing', () => {
    expect(typingLine([])).toBeNull();
    expect(typingLine(['Ana'])).toBe('Ana is typing…');
    expect(typingLine(['Ana', 'Bo'])).toBe('Ana and Bo are typing…');
    expect(typingLine(['a', 'b', 'c'])).toBe('3 people are typing…');
  });

  it('without a relay the store is offline with a reason', () => {
    const net = createOfflineNet();
    expect(net.store.getState().state).toBe('offline');
    expect(net.store.getState().reason).toBe('no relay in this build');
  });
});
