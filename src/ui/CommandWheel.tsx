/**
 * The command wheel (C, issue 13): seed 000's five commands around the aimed creature, picked with
 * 1–5 or a click; the relay checks the creature is yours and tells its zone's simulator. Closes on
 * a pick, on C or Escape, or when the crosshair leaves the creature.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { CREATURE_COMMANDS, creatureId, type CreatureCommand } from '../protocol/creatures.ts';
import type { Game } from '../app/game.ts';

const LABEL: Record<CreatureCommand, string> = { follow: 'Follow', stay: 'Stay', aggressive: 'Aggressive', passive: 'Passive', wander: 'Wander' };
const DIGITS = ['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Digit5'];

export function CommandWheel({ game, onResult }: { game: Game; onResult(text: string, ok: boolean): void }) {
  const aimed = useStore(game.store, (s) => s.aimedCreature);
  const close = () => game.store.setState({ panel: null });
  const give = (command: CreatureCommand) => {
    const n = game.store.getState().aimedCreature;
    close();
    if (n === null) return;
    void game.creatures.command(creatureId(n), command).then((r) => onResult(r.ok ? `${LABEL[command]}` : r.error.message, r.ok));
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const i = DIGITS.indexOf(e.code);
      if (i >= 0) give(CREATURE_COMMANDS[i]);
      if (e.code === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  useEffect(() => {
    if (aimed === null) close();
  });
  return (
    <div className="command-wheel" data-testid="command-wheel">
      {CREATURE_COMMANDS.map((c, i) => (
        <button key={c} className={`slice s${i}`} data-testid={`command-${c}`} onClick={() => give(c)}>
          <b>{i + 1}</b> {LABEL[c]}
        </button>
      ))}
    </div>
  );
}
