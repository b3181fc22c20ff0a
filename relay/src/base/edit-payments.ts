/**
 * Terrain edits pay and are paid for through the inventory (issue 12): a dig ('remove') yields what
 * it removed, a build ('add') costs soil for what it added, smoothing neither yields nor costs (it
 * only moves the ground about, and what it fills in is soil: engine/brush.ts). The exact figures
 * come from the relay's replica once it has applied the edit (WorldService.onApplied), so every
 * client's copy of the world and every inventory agree. A build holds back its worst case before it
 * is sequenced (no soil, no edit) and gets the unused part back when its ledger arrives.
 *
 * The ledger and the sender's expectation can arrive in either order (the ack of a durable edit and
 * the worker's answer race), so whichever comes second settles it.
 */
import type { BrushEdit } from '../../../src/protocol/terrain.ts';
import { addItem, removeItem, countItem } from '../../../src/engine/inventory/inventory.ts';
import type { Inventory } from '../../../src/engine/inventory/inventory-schema.ts';
import { BUILD_ITEM, ITEM_IDS, ITEMS, type ItemId } from '../../../src/engine/items.ts';
import { buildReservation, mineYield, settleBuild, type ItemCounts } from '../../../src/engine/mining/yield.ts';
import type { EditLedger } from '../../../src/engine/mining/edit-ledger.ts';
import { relayError, type RelayError } from '../../../src/protocol/net/errors.ts';
import type { AppliedLedger } from '../terrain/messages.ts';
import type { InventoryService, Owner } from './inventory-service.ts';

interface Expected { owner: Owner; reserved: number }
export type Reservation = { ok: true; reserved: number } | { ok: false; error: RelayError };

/** Ledgers and expectations older than this many edits are dropped (a sender that vanished mid-edit). */
const KEEP = 4096;

export class EditPayments {
  private readonly expected = new Map<number, Expected>();
  private readonly ledgers = new Map<number, AppliedLedger>();

  constructor(private readonly worldId: number, private readonly inventories: InventoryService, private readonly onError: (err: unknown) => void) {}

  /**
   * Before a build is sequenced: holds back the soil it may need, or says why it cannot be built.
   * Returns how many items were held (0 for digs and smoothing).
   */
  async reserve(owner: Owner, edit: BrushEdit): Promise<Reservation> {
    if (edit.operation !== 'add') return { ok: true, reserved: 0 };
    return this.inventories.change<Reservation>(owner, this.worldId, (inv) => {
      const need = buildReservation(edit, inv.yield_remainder ?? {});
      if (need <= 0) return { answer: { ok: true as const, reserved: 0 } };
      const taken = removeItem(inv, BUILD_ITEM, need);
      if (!taken.ok) {
        const have = countItem(inv, BUILD_ITEM);
        return { answer: { ok: false as const, error: relayError('CONFLICT', `building this needs up to ${need} ${ITEMS[BUILD_ITEM].name.toLowerCase()}; you have ${have} (dig some up first)`, { reason: 'not_enough', item_id: BUILD_ITEM, needed: need, held: have }) } };
      }
      return { value: taken.value, answer: { ok: true as const, reserved: need }, update: { cause: 'built' } };
    });
  }

  /** A build that was held for but then refused by the relay: its soil goes back. */
  async release(owner: Owner, reserved: number): Promise<void> {
    if (reserved <= 0) return;
    await this.inventories.change(owner, this.worldId, (inv) => give(inv, { [BUILD_ITEM]: reserved }, 'refund'));
  }

  /** The sender's edit was sequenced as `seq`. */
  expect(seq: number, owner: Owner, reserved: number): void {
    const ledger = this.ledgers.get(seq);
    if (ledger) {
      this.ledgers.delete(seq);
      this.settle({ owner, reserved }, ledger);
    } else {
      this.expected.set(seq, { owner, reserved });
      trim(this.expected);
    }
  }

  /** The replica applied these edits (WorldService.onApplied). */
  applied(ledgers: AppliedLedger[]): void {
    for (const l of ledgers) {
      const e = this.expected.get(l.edit_seq);
      if (e) {
        this.expected.delete(l.edit_seq);
        this.settle(e, l);
      } else {
        this.ledgers.set(l.edit_seq, l);
        trim(this.ledgers);
      }
    }
  }

  private settle(e: Expected, l: AppliedLedger): void {
    const ledger: EditLedger = { removed: Int32Array.from(l.removed), added: Int32Array.from(l.added) };
    void this.inventories.change(e.owner, this.worldId, (inv) => {
      if (e.reserved > 0) {
        const s = settleBuild(ledger, e.reserved, inv.yield_remainder ?? {});
        const back = s.refund > 0 ? give({ ...inv, yield_remainder: s.remainder }, { [BUILD_ITEM]: s.refund }, 'built') : null;
        return back ?? { value: { ...inv, yield_remainder: s.remainder }, answer: undefined, update: { cause: 'built' } };
      }
      if (!l.removed.some((u) => u > 0) || hasAdded(l)) return { answer: undefined };
      const y = mineYield(ledger, inv.yield_remainder ?? {});
      return give({ ...inv, yield_remainder: y.remainder }, y.items, 'mined');
    }).catch(this.onError);
  }
}

/** A smoothing edit both removes and adds: it yields nothing (see the file's note). */
const hasAdded = (l: AppliedLedger) => l.added.some((u) => u > 0);

/**
 * Adds each item's count, as much of it as fits (by weight and room); what does not fit is reported
 * as dropped. Items go in catalogue order, so the same inventory always drops the same things.
 */
export function give(inv: Inventory, counts: ItemCounts, cause: 'mined' | 'built' | 'refund' | 'structure') {
  let value = inv;
  const dropped: ItemCounts = {};
  for (const id of ITEM_IDS) {
    const want = counts[id] ?? 0;
    if (want <= 0) continue;
    const fits = fitting(value, id, want);
    if (fits > 0) {
      const r = addItem(value, id, fits);
      if (r.ok) value = r.value;
    }
    if (fits < want) dropped[id] = want - fits;
  }
  const any = Object.keys(dropped).length > 0;
  return { value, answer: undefined, update: { cause, ...(any ? { dropped } : {}) } };
}

/** The most of `want` that addItem accepts (binary search: all-or-nothing adds, monotone in quantity). */
function fitting(inv: Inventory, id: ItemId, want: number): number {
  if (addItem(inv, id, want).ok) return want;
  let lo = 0, hi = want;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (addItem(inv, id, mid).ok) lo = mid; else hi = mid;
  }
  return lo;
}

function trim<K, V>(m: Map<K, V>): void {
  while (m.size > KEEP) m.delete(m.keys().next().value as K);
}
