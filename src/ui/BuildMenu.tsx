import { useStore } from 'zustand';
import type { Game } from '../app/game.ts';
import { STRUCTURE_TYPE_LIST, type StructureType } from '../engine/base/structure-types.ts';
import { countItem } from '../engine/inventory/inventory.ts';
import { ITEMS, type ItemId } from '../engine/items.ts';
import type { Inventory } from '../engine/inventory/inventory-schema.ts';

/** What a structure does on the grid, in a few words. */
function powerLine(t: StructureType): string {
  switch (t.role) {
    case 'generator': return `makes up to ${t.peakW} W (${t.source === 'solar' ? 'sunlight' : 'wind'})`;
    case 'consumer': return `uses ${t.consumptionW} W${t.oxygenRange ? `, oxygen within ${t.oxygenRange} m` : ''}`;
    case 'battery': return `stores ${t.capacityWh} Wh`;
    case 'conductor': return `carries power ${t.connectionRange} m${t.oxygenRange ? `, oxygen ${t.oxygenRange} m` : ''}`;
    default: return 'holds items';
  }
}

/**
 * The desktop build menu (B): every structure type with its cost against what the player holds,
 * its size and what it does on the grid. Choosing one that can be afforded starts placing it.
 */
export function BuildMenu({ game, onClose }: { game: Game; onClose: () => void }) {
  const inventory = useStore(game.net.base.store, (s) => s.inventory);
  const choose = (t: StructureType) => {
    game.store.getState().setBuildType(t.id);
    onClose();
  };
  return (
    <div className="side-panel build-menu" data-testid="build-menu">
      <h2>Build <span className="dim">(B)</span></h2>
      {!inventory && <p className="dim">Structures belong to a shared world: join one from the menu to build.</p>}
      <ul>
        {STRUCTURE_TYPE_LIST.map((t) => {
          const lines = costLines(t, inventory);
          const affordable = !!inventory && lines.every((l) => l.have >= l.need);
          return (
            <li key={t.id} className={affordable ? '' : 'unaffordable'}>
              <button data-testid={`build-${t.id}`} disabled={!affordable} onClick={() => choose(t)}>{t.name}</button>
              <span className="cost">
                {lines.map((l) => (
                  <span key={l.item} className={l.have >= l.need ? 'have' : 'lack'}>{ITEMS[l.item].name} {l.have}/{l.need}</span>
                ))}
              </span>
              <span className="dim small">{t.size.x}×{t.size.z} m, {t.size.y} m tall · {powerLine(t)}</span>
            </li>
          );
        })}
      </ul>
      <p className="dim small">Left click places, R turns, right click stops. Digging yields soil, rock and ore; the fabricator makes parts.</p>
      <button onClick={onClose}>Close (B)</button>
    </div>
  );
}

function costLines(t: StructureType, inv: Inventory | null): Array<{ item: ItemId; need: number; have: number }> {
  return (Object.entries(t.cost) as Array<[ItemId, number]>).map(([item, need]) => ({ item, need, have: inv ? countItem(inv, item) : 0 }));
}
