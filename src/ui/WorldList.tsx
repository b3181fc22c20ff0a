import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { WORLD_KINDS, type WorldKind } from '../protocol/terrain.ts';
import type { NetUi } from './net-ui.ts';
import './net.css';

const randomSeed = () => Math.floor(Math.random() * 0xffffffff);

/**
 * The menu's "Worlds" section: the relay's worlds (name, seed, players online) with Join buttons,
 * and a small form to create one. The list is refreshed whenever the menu opens on a live link;
 * without a relay it says so instead.
 */
export function WorldList({ net }: { net: NetUi }) {
  const state = useStore(net.store, (s) => s.state);
  const reason = useStore(net.store, (s) => s.reason);
  const worlds = useStore(net.store, (s) => s.worlds);
  const current = useStore(net.store, (s) => s.world?.world_id ?? null);
  const [name, setName] = useState('');
  const [seed, setSeed] = useState(() => String(randomSeed()));
  const [kind, setKind] = useState<WorldKind>('planet');
  const connected = state === 'connected';
  useEffect(() => {
    if (connected) net.actions.listWorlds();
  }, [connected, net]);

  if (!connected) {
    return (
      <section className="worlds" data-testid="worlds">
        <h2>Worlds</h2>
        <p className="dim" data-testid="worlds-none">
          No relay{state === 'reconnecting' ? ' (reconnecting…)' : state === 'offline' && reason && !net.noRelay ? ` (${reason})` : ''}: playing alone.
        </p>
        {state === 'offline' && !net.noRelay && <button onClick={() => net.actions.retry()}>Retry</button>}
      </section>
    );
  }
  const seedValue = Number(seed);
  const valid = name.trim().length > 0 && name.trim().length <= 100 && Number.isInteger(seedValue) && seedValue >= 0 && seedValue <= 0xffffffff;
  const create = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    net.actions.createWorld(name.trim(), seedValue, kind);
    setName('');
    setSeed(String(randomSeed()));
  };
  return (
    <section className="worlds" data-testid="worlds">
      <h2>Worlds</h2>
      {worlds.length === 0 ? <p className="dim">No worlds yet.</p> : (
        <table>
          <thead><tr><th>Name</th><th>Seed</th><th>Online</th><th /></tr></thead>
          <tbody>
            {worlds.map((w) => (
              <tr key={w.world_id} data-testid="world-row">
                <td>{w.world_name}{w.kind === 'arena' && <span className="dim"> (arena)</span>}</td>
                <td className="num">{w.seed}</td>
                <td className="num">{w.players_online}</td>
                <td>
                  {w.world_id === current ? <span className="dim">here</span>
                    : <button data-testid="world-join" onClick={() => net.actions.joinWorld(w.world_id)}>Join</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="world-create" onSubmit={create}>
        <input placeholder="New world name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} aria-label="World name" />
        <input className="seed" inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value.replace(/\D/g, ''))} aria-label="Seed" />
        <select value={kind} onChange={(e) => setKind(e.target.value as WorldKind)} aria-label="Kind">
          {WORLD_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
        <button type="submit" disabled={!valid} data-testid="world-create">Create</button>
      </form>
    </section>
  );
}
