/**
 * Places `count` structures through the in-page door for base-bench.ts: a 2 m grid from x, z = 20
 * (32 across, as many rows as it takes), flat ground in the default world, the types taken in turn
 * from every type that fits a 2 m cell (all but the 4 m habitat), so the draw calls count one
 * instanced mesh per type. Each chunk of CHUNK places goes at once, after adding what the chunk costs
 * (a creative relay adds from nothing); what a refused place (slope, overlap: 409) did not spend is
 * removed again so the inventory stays under its weight limit. Resolves once the page's copy of the
 * base has every placed structure.
 */
import type { Page } from '@playwright/test';
import { STRUCTURE_TYPE_LIST } from '../src/engine/base/structure-types.ts';

const CHUNK = 20;
const ACROSS = 32;
const ROWS = 40;
const CELL = 2;

/** The types whose footprint fits a grid cell, with their costs (item → count). */
const TYPES = STRUCTURE_TYPE_LIST.filter((t) => t.size.x <= CELL && t.size.z <= CELL).map((t) => ({ id: t.id, cost: t.cost as Record<string, number> }));

export interface Placed { ids: string[]; refused: number; reasons: string; types: number }

export async function placeStructures(page: Page, count: number): Promise<Placed> {
  const spots: Array<{ type: number; position: { x: number; y: number; z: number } }> = [];
  for (let row = 0; row < ROWS; row++) for (let col = 0; col < ACROSS; col++) {
    spots.push({ type: (row * ACROSS + col) % TYPES.length, position: { x: 20 + col * CELL, y: 40, z: 20 + row * CELL } });
  }
  const placed = await page.evaluate(async ({ spots, types, want, chunk }) => {
    const s = window.spacetime!;
    const ids: string[] = [];
    const reasons: Record<string, number> = {};
    let refused = 0, next = 0;
    const move = async (path: string, totals: Record<string, number>) => {
      const answers = await Promise.all(Object.entries(totals).map(([item_id, quantity]) => s.request('POST', path, { item_id, quantity })));
      for (const r of answers) if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    };
    const sum = (batch: typeof spots) => {
      const totals: Record<string, number> = {};
      for (const b of batch) for (const [item, n] of Object.entries(types[b.type].cost)) totals[item] = (totals[item] ?? 0) + n;
      return totals;
    };
    while (ids.length < want && next < spots.length) {
      const batch = spots.slice(next, next + Math.min(chunk, want - ids.length));
      next += batch.length;
      await move('/inventory/add', sum(batch));
      const answers = await Promise.all(batch.map((b) => s.request('POST', '/base/place', { structure_type: types[b.type].id, position: b.position })));
      const unspent: typeof spots = [];
      answers.forEach((r, i) => {
        const body = r.body as { structure_id?: string; message?: string };
        if (r.status === 200) return void ids.push(body.structure_id!);
        if (r.status !== 409) throw new Error(`base/place: ${r.status} ${JSON.stringify(body)}`);
        refused++;
        unspent.push(batch[i]);
        const reason = String(body.message).replace(/[\d.-]+/g, '#');
        reasons[reason] = (reasons[reason] ?? 0) + 1;
      });
      if (unspent.length) await move('/inventory/remove', sum(unspent));
    }
    return { ids, refused, reasons: Object.entries(reasons).map(([m, n]) => `${n}× ${m}`).join('; ') };
  }, { spots, types: TYPES, want: count, chunk: CHUNK });
  if (placed.ids.length < count) throw new Error(`only ${placed.ids.length} of ${count} structures placed (${placed.refused} refused: ${placed.reasons})`);
  // The relay broadcasts each placement before acknowledging it; wait until the page's copy has them all.
  await page.waitForFunction(async (ids) => {
    const answers = await Promise.all(ids.map((id) => window.spacetime!.request('GET', `/base/info?structure_id=${id}`)));
    return answers.every((r) => r.status === 200);
  }, [placed.ids[0], placed.ids[placed.ids.length - 1]], { timeout: 30_000, polling: 100 });
  return { ...placed, types: TYPES.length };
}
