/**
 * The wrist panel's base pages (issue 12): the inventory (stacks and weight) and the build menu
 * (structures with their cost against what is held, the selected one highlighted). Drawn into the
 * same canvas as the status and settings pages (wrist-panel-draw.ts), whose size they are given.
 */

export interface WristInventory {
  /** Null outside a shared world (the relay owns the inventory). */
  slots: ReadonlyArray<{ name: string; quantity: number }> | null;
  weightKg: number;
  maxKg: number;
}

export interface WristBuild {
  rows: ReadonlyArray<{ name: string; cost: string; affordable: boolean }>;
  selected: number;
  /** The structure being placed now, if any. */
  placing: string | null;
}

const footer = (ctx: CanvasRenderingContext2D, text: string) => {
  const PANEL_H = ctx.canvas.height;
  ctx.fillStyle = '#8a96a3';
  ctx.font = '18px system-ui, sans-serif';
  ctx.fillText(text, 24, PANEL_H - 14);
};

export function drawInventoryPage(ctx: CanvasRenderingContext2D, inv: WristInventory): void {
  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 28px system-ui, sans-serif';
  ctx.fillText('Inventory', 24, 40);
  if (!inv.slots) {
    ctx.font = '22px system-ui, sans-serif';
    ctx.fillStyle = '#cfd8e3';
    ctx.fillText('Join a shared world to carry items.', 24, 90);
    return footer(ctx, 'Y: next page');
  }
  ctx.font = '22px system-ui, sans-serif';
  ctx.fillStyle = '#cfd8e3';
  ctx.fillText(`${inv.weightKg.toFixed(1)} / ${inv.maxKg} kg`, 300, 40);
  if (inv.slots.length === 0) ctx.fillText('Empty: dig to gather soil, rock and ore.', 24, 90);
  // Two columns of six: the first twelve stacks.
  for (let i = 0; i < Math.min(12, inv.slots.length); i++) {
    const s = inv.slots[i], x = 24 + (i % 2) * 244, y = 80 + Math.floor(i / 2) * 34;
    ctx.fillStyle = '#ffffff';
    ctx.fillText(s.name, x, y);
    ctx.fillStyle = '#e0a030';
    ctx.fillText(String(s.quantity), x + 170, y);
  }
  if (inv.slots.length > 12) { ctx.fillStyle = '#8a96a3'; ctx.fillText(`+${inv.slots.length - 12} more`, 24, 286); }
  footer(ctx, 'Y: next page');
}

const BUILD_ROWS_SHOWN = 6;

export function drawBuildPage(ctx: CanvasRenderingContext2D, b: WristBuild): void {
  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 28px system-ui, sans-serif';
  ctx.fillText('Build', 24, 40);
  if (b.placing) {
    ctx.font = '20px system-ui, sans-serif';
    ctx.fillStyle = '#5adc6a';
    ctx.fillText(`placing ${b.placing}`, 130, 40);
  }
  const first = Math.max(0, Math.min(b.selected - 2, b.rows.length - BUILD_ROWS_SHOWN));
  for (let i = 0; i < BUILD_ROWS_SHOWN && first + i < b.rows.length; i++) {
    const r = b.rows[first + i], y = 56 + i * 38;
    if (first + i === b.selected) {
      ctx.fillStyle = 'rgba(224, 129, 58, 0.35)';
      ctx.fillRect(12, y, ctx.canvas.width - 24, 36);
    }
    ctx.font = '22px system-ui, sans-serif';
    ctx.fillStyle = r.affordable ? '#ffffff' : '#8a96a3';
    ctx.fillText(r.name, 24, y + 25);
    ctx.font = '16px system-ui, sans-serif';
    ctx.fillStyle = r.affordable ? '#8fe39a' : '#ff8a7a';
    ctx.fillText(r.cost, 190, y + 24);
  }
  footer(ctx, 'Stick ↑↓ choose · → place · ← stop · trigger: put down');
}
