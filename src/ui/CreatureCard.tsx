/**
 * The creature under the crosshair (issue 13): its kind, level, health, whether it is wild or whose,
 * what it is doing, and what the player can do: G feeds (gives) a wild one the food it likes (enough
 * feedings tame it), C opens the command wheel for one of your own. The answer of a feeding or a
 * command shows under the card for a moment.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { creatureId, type CreatureInfo } from '../protocol/creatures.ts';
import { ITEMS, isItemId } from '../engine/items.ts';
import type { Game } from '../app/game.ts';
import { isFormTarget } from '../scene/desktop-input.ts';

const NAMES: Record<string, string> = { grazer: 'Grazer', alien_predator: 'Alien predator', skyray: 'Skyray', rockling: 'Rockling' };
const REFRESH_MS = 250;

export const creatureName = (type: string): string => NAMES[type] ?? type;
const foodName = (id: string): string => (isItemId(id) ? ITEMS[id].name : id);

export function CreatureCard({ game }: { game: Game }) {
  const aimed = useStore(game.store, (s) => s.aimedCreature);
  const [info, setInfo] = useState<CreatureInfo | null>(null);
  const [note, setNote] = useState<{ text: string; ok: boolean } | null>(null);
  const me = game.net.store.getState().me?.user_id ?? game.player.playerId;

  useEffect(() => {
    if (aimed === null) return setInfo(null);
    const read = () => {
      const r = game.creatures.info(creatureId(aimed));
      setInfo(r.ok ? r.value : null);
    };
    read();
    const timer = setInterval(read, REFRESH_MS);
    return () => clearInterval(timer);
  }, [game, aimed]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isFormTarget(e.target) || e.repeat) return;
      const n = game.store.getState().aimedCreature;
      if (e.code === 'KeyG' && n !== null) {
        void game.creatures.feed(creatureId(n)).then((r) => setNote(r.ok
          ? { ok: true, text: r.value.tamed ? `Tamed! It follows you now.` : `Fed ${foodName(r.value.fed)}` }
          : { ok: false, text: r.error.message }));
      }
      if (e.code === 'KeyC' && n !== null) game.store.getState().togglePanel('commands');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [game]);

  useEffect(() => {
    if (!note) return;
    const t = setTimeout(() => setNote(null), 3000);
    return () => clearTimeout(t);
  }, [note]);

  if (!info) return note ? <div className={`creature-note ${note.ok ? 'ok' : 'bad'}`} data-testid="creature-note">{note.text}</div> : null;
  const mine = info.owner === me;
  const health = Math.max(0, Math.min(1, info.health / info.max_health));
  return (
    <div className="creature-card" data-testid="creature-card" data-creature-id={info.creature_id}>
      <div className="title"><b>{creatureName(info.creature_type)}</b> <span className="dim">Lv {info.level}</span></div>
      <div className="bar"><span style={{ width: `${Math.round(health * 100)}%` }} /></div>
      <div className="small">
        {info.tamed ? (mine ? 'Yours' : `Tamed by ${info.owner}`) : 'Wild'} · {info.state}
      </div>
      {!info.tamed && info.taming && (
        <div className="small" data-testid="creature-taming">G: feed {foodName(info.taming.food)} ({info.taming.fed}/{info.taming.needed} to tame)</div>
      )}
      {mine && <div className="small">C: commands</div>}
      {note && <div className={`creature-note-inline ${note.ok ? 'ok' : 'bad'}`} data-testid="creature-note">{note.text}</div>}
    </div>
  );
}
