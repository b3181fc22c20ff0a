import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Game } from '../app/game.ts';
import { RECIPE_LIST, RECIPES, isRecipeId, type Recipe, type RecipeId } from '../engine/crafting/recipes.ts';
import { POWER_TICK_HZ } from '../engine/base/power-units.ts';
import { ITEMS, isItemId } from '../engine/items.ts';
import type { ItemCounts } from '../protocol/net/base-events.ts';
import { affordable, inputLines, jobRunning, nearestOwnedFabricator, powerStatus } from './fabricator-view.ts';

/** How often the panel looks for a fabricator within reach (the player moves every frame; React need not). */
const LOOK_MS = 250;

const itemName = (id: string): string => (isItemId(id) ? ITEMS[id].name : id);
const countsText = (c: ItemCounts): string => Object.entries(c).map(([id, n]) => `${n} ${itemName(id)}`).join(', ');

/** The id of the player's own fabricator within reach, looked up a few times a second. */
function useNearFabricator(game: Game): string | null {
  const [near, setNear] = useState<string | null>(null);
  useEffect(() => {
    const look = () => {
      const me = game.net.store.getState().me?.user_id ?? game.player.playerId;
      const found = nearestOwnedFabricator(Object.values(game.net.base.store.getState().structures), me, game.player.snapshot().position);
      setNear(found?.structure_id ?? null);
    };
    look();
    const timer = setInterval(look, LOOK_MS);
    return () => clearInterval(timer);
  }, [game]);
  return near;
}

/**
 * The fabricator (issue 12), inside the inventory panel while the player stands by one of their
 * own: every recipe with its inputs against what is held, a Craft button per recipe (one craft; the
 * relay decides and says why not), and the running job's progress with the fabricator's power.
 */
export function FabricatorPanel({ game }: { game: Game }) {
  const near = useNearFabricator(game);
  const inventory = useStore(game.net.base.store, (s) => s.inventory);
  const state = useStore(game.net.base.store, (s) => (near ? s.states[near] : undefined));
  const job = useStore(game.net.base.store, (s) => (near ? s.fabricators?.[near] : undefined));
  const [asking, setAsking] = useState(false);
  const [refusal, setRefusal] = useState<{ recipe: RecipeId; message: string } | null>(null);
  useEffect(() => setRefusal(null), [near]);
  if (!near || !inventory) return null;

  const running = jobRunning(job);
  const power = powerStatus(state, job);
  const craft = async (recipe: Recipe) => {
    setAsking(true);
    setRefusal(null);
    try {
      const ack = await game.net.base.request('fabricator_craft', { structure_id: near, recipe_id: recipe.id, count: 1 });
      if (!ack.ok) setRefusal({ recipe: recipe.id, message: ack.error.error });
    } finally {
      setAsking(false);
    }
  };

  return (
    <section className="fabricator" data-testid="fabricator-panel" data-structure-id={near}>
      <h3>Fabricator <span className={`power ${power.tone}`} data-testid="fabricator-power">{power.text}</span></h3>
      {job && (
        <div className="job" data-testid="fabricator-progress" data-progress={job.progress} data-done={job.done ? '1' : '0'}>
          <span>
            {isRecipeId(job.recipe_id) ? RECIPES[job.recipe_id].name : job.recipe_id} × {job.count}: {job.done ? 'done' : `${Math.round(job.progress * 100)}%`}
          </span>
          <div className="meter"><div className={`fill ${running && power.tone === 'warn' ? 'stalled' : ''}`} style={{ width: `${Math.round(job.progress * 100)}%` }} /></div>
        </div>
      )}
      <ul>
        {RECIPE_LIST.map((r) => {
          const lines = inputLines(r, inventory);
          const can = affordable(lines);
          return (
            <li key={r.id} className={can ? '' : 'unaffordable'}>
              <button data-testid={`craft-${r.id}`} disabled={!can || running || asking} onClick={() => void craft(r)}
                title={running ? 'the fabricator is busy' : can ? `make ${countsText(r.outputs)}` : 'not enough inputs'}>
                Craft
              </button>
              <span className="recipe">
                <b>{r.name}</b>
                {lines.map((l) => <span key={l.item} className={l.have >= l.need ? 'have' : 'lack'}>{itemName(l.item)} {l.have}/{l.need}</span>)}
                <span className="dim">→ {countsText(r.outputs)} · {(r.ticks / POWER_TICK_HZ).toFixed(0)} s</span>
              </span>
              {refusal?.recipe === r.id && <span className="warn small" data-testid="fabricator-refusal">{refusal.message}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
