/**
 * Places `count` power poles through the in-page door for base-bench.ts: a 2 m grid from x, z = 20
 * (32 across, as many rows as it takes), flat ground in the default world. Each chunk of CHUNK
 * places goes at once, after adding what they cost (a creative relay adds from nothing) beyond what
 * the inventory still holds from refused ones; 409 refusals (slope, overlap) are counted and
 * skipped. Resolves once the page's copy of the base has every placed structure.
 */
import type { Page } from '@playwright/test';

const CHUNK = 20;
const ACROSS = 32;
const ROWS = 40;

export interface Placed { ids: string[]; refused: number; reasons: string }

export async function placePoles(page: Page, count: number): Promise<Placed> {
  const spots: Array<{ x: number; y: number; z: number }> = [];
  for (let row = 0; row < ROWS; row++) for (let col = 0; col < ACROSS; col++) spots.push({ x: 20 + col * 2, y: 40, z: 20 + row * 2 });
  const placed = await page.evaluate(async ({ spots, want, chunk }) => {
    const s = window.spacetime!;
    const ids: string[] = [];
    const reasons: Record<string, number> = {};
    let refused = 0, held = 0, next = 0;
    while (ids.length < want && next < spots.length) {
      const batch = spots.slice(next, next + Math.min(chunk, want - ids.length));
      next += batch.length;
      const pay = batch.length - held;
      if (pay > 0) {
        const paid = await Promise.all(['iron_plate', 'copper_wire'].map((item_id) => s.request('POST', '/inventory/add', { item_id, quantity: pay })));
        for (const r of paid) if (r.status !== 200) throw new Error(`inventory/add: ${r.status} ${JSON.stringify(r.body)}`);
        held += pay;
      }
      const answers = await Promise.all(batch.map((position) => s.request('POST', '/base/place', { structure_type: 'power_pole', position })));
      for (const r of answers) {
        const body = r.body as { structure_id?: string; message?: string };
        if (r.status === 200) { ids.push(body.structure_id!); held--; continue; }
        if (r.status !== 409) throw new Error(`base/place: ${r.status} ${JSON.stringify(body)}`);
        refused++;
        const reason = String(body.message).replace(/[\d.-]+/g, '#');
        reasons[reason] = (reasons[reason] ?? 0) + 1;
      }
    }
    return { ids, refused, reasons: Object.entries(reasons).map(([m, n]) => `${n}× ${m}`).join('; ') };
  }, { spots, want: count, chunk: CHUNK });
  if (placed.ids.length < count) throw new Error(`only ${placed.ids.length} of ${count} structures placed (${placed.refused} refused: ${placed.reasons})`);
  // The relay broadcasts each placement before acknowledging it; wait until the page's copy has them all.
  await page.waitForFunction(async (ids) => {
    const answers = await Promise.all(ids.map((id) => window.spacetime!.request('GET', `/base/info?structure_id=${id}`)));
    return answers.every((r) => r.status === 200);
  }, [placed.ids[0], placed.ids[placed.ids.length - 1]], { timeout: 30_000, polling: 100 });
  return placed;
}
