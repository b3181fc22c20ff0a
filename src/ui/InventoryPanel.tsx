import { useStore } from 'zustand';
import type { Game } from '../app/game.ts';
import { inventoryWeight } from '../engine/inventory/inventory.ts';
import { INVENTORY_SLOTS, ITEMS, MAX_WEIGHT_KG, isItemId } from '../engine/items.ts';
import { FabricatorPanel } from './FabricatorPanel.tsx';

/** The desktop inventory (I): the 24 slots with their stacks, the weight carried against the limit, and a fabricator within reach. */
export function InventoryPanel({ game, onClose }: { game: Game; onClose: () => void }) {
  const inventory = useStore(game.net.base.store, (s) => s.inventory);
  const dropped = useStore(game.net.base.store, (s) => s.dropped);
  const weight = inventory ? inventoryWeight(inventory) : 0;
  return (
    <div className="side-panel inventory" data-testid="inventory-panel">
      <h2>Inventory <span className="dim">(I)</span></h2>
      {!inventory ? <p className="dim">The inventory belongs to a shared world: join one from the menu.</p> : (
        <>
          <div className="weight">
            <span data-testid="inventory-weight">{weight.toFixed(2)} / {MAX_WEIGHT_KG} kg</span>
            <div className="meter"><div className="fill" style={{ width: `${Math.min(100, (weight / MAX_WEIGHT_KG) * 100)}%`, background: weight > MAX_WEIGHT_KG * 0.9 ? '#e08a3a' : '#5ab4ff' }} /></div>
          </div>
          <ol className="slots">
            {Array.from({ length: INVENTORY_SLOTS }, (_, i) => {
              const slot = inventory.slots[i];
              const def = slot && isItemId(slot.item_id) ? ITEMS[slot.item_id] : null;
              return (
                <li key={i} className={slot ? 'full' : 'empty'} data-testid={slot ? `slot-${slot.item_id}` : undefined}
                  title={def ? `${def.name}: ${slot!.quantity} × ${def.weight} kg` : 'empty'}>
                  {slot && def && <><span className="name">{def.name}</span><span className="qty">{slot.quantity}</span></>}
                </li>
              );
            })}
          </ol>
          {dropped && Object.keys(dropped).length > 0 && (
            <p className="warn small">Left behind (too heavy or no room): {Object.entries(dropped).map(([k, n]) => `${n} ${k}`).join(', ')}</p>
          )}
          <FabricatorPanel game={game} />
        </>
      )}
      <button onClick={onClose}>Close (I)</button>
    </div>
  );
}
