import { drawBuildPage, drawInventoryPage, type WristBuild, type WristInventory } from './wrist-pages-draw.ts';
import { drawCreaturePage, type WristCreature } from './wrist-creature-page.ts';

/** What the wrist panel shows; filled by the caller from the player and the settings. */
export interface WristData {
  health: number;
  oxygen: number;
  mode: 'walking' | 'spacecraft';
  speed: number;
  altitude: number | null;
  /** The page shown: null is the status page. */
  page: 'settings' | 'inventory' | 'build' | 'creature' | null;
  /** The settings page's selected row. */
  settingsRow: number | null;
  settings: ReadonlyArray<{ label: string; value: string }>;
  inventory: WristInventory;
  build: WristBuild;
  creature: WristCreature;
}

export const PANEL_W = 512;
export const PANEL_H = 320;
const ROWS_SHOWN = 7;

function bar(ctx: CanvasRenderingContext2D, y: number, label: string, value: number, color: string): void {
  ctx.fillStyle = '#cfd8e3';
  ctx.font = '26px system-ui, sans-serif';
  ctx.fillText(label, 24, y + 24);
  ctx.fillStyle = 'rgba(255,255,255,0.15)';
  ctx.fillRect(150, y + 4, 300, 26);
  ctx.fillStyle = value < 25 ? '#ff5a4f' : color;
  ctx.fillRect(150, y + 4, 3 * Math.max(0, Math.min(100, value)), 26);
  ctx.fillStyle = '#ffffff';
  ctx.fillText(String(Math.round(value)), 460, y + 26);
}

/** The look every VR panel shares: a dark translucent card with a coloured border. */
export function drawPanelFrame(ctx: CanvasRenderingContext2D, w: number, h: number, border: string): void {
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = 'rgba(10, 16, 26, 0.85)';
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = border;
  ctx.lineWidth = 4;
  ctx.strokeRect(2, 2, w - 4, h - 4);
}

/** Draws the status page (health, oxygen, mode, flight data) or the settings page. */
export function drawWristPanel(ctx: CanvasRenderingContext2D, d: WristData): void {
  drawPanelFrame(ctx, PANEL_W, PANEL_H, '#e0813a');
  if (d.page === 'inventory') return drawInventoryPage(ctx, d.inventory);
  if (d.page === 'build') return drawBuildPage(ctx, d.build);
  if (d.page === 'creature') return drawCreaturePage(ctx, d.creature);
  if (d.page === null || d.settingsRow === null) {
    ctx.fillStyle = '#ffffff';
    ctx.font = 'bold 30px system-ui, sans-serif';
    ctx.fillText(d.mode === 'spacecraft' ? 'SPACECRAFT' : 'ON FOOT', 24, 48);
    bar(ctx, 76, 'Health', d.health, '#58d68d');
    bar(ctx, 126, 'Oxygen', d.oxygen, '#5dade2');
    ctx.font = '26px system-ui, sans-serif';
    ctx.fillStyle = '#cfd8e3';
    if (d.mode === 'spacecraft') {
      ctx.fillText(`Speed ${d.speed.toFixed(1)} m/s`, 24, 216);
      ctx.fillText(`Altitude ${d.altitude === null ? '—' : `${d.altitude.toFixed(0)} m`}`, 24, 256);
    } else {
      ctx.fillText(`Speed ${d.speed.toFixed(1)} m/s`, 24, 216);
    }
    ctx.fillStyle = '#8a96a3';
    ctx.font = '20px system-ui, sans-serif';
    ctx.fillText('Y: settings, inventory, build · A: board / leave', 24, 300);
    return;
  }
  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 28px system-ui, sans-serif';
  ctx.fillText('Settings', 24, 40);
  const first = Math.max(0, Math.min(d.settingsRow - 3, d.settings.length - ROWS_SHOWN));
  ctx.font = '22px system-ui, sans-serif';
  for (let i = 0; i < ROWS_SHOWN && first + i < d.settings.length; i++) {
    const row = d.settings[first + i];
    const y = 64 + i * 32;
    if (first + i === d.settingsRow) {
      ctx.fillStyle = 'rgba(224, 129, 58, 0.35)';
      ctx.fillRect(12, y, PANEL_W - 24, 30);
    }
    ctx.fillStyle = '#ffffff';
    ctx.fillText(row.label, 24, y + 22);
    ctx.fillText(row.value, 360, y + 22);
  }
  ctx.fillStyle = '#8a96a3';
  ctx.font = '18px system-ui, sans-serif';
  ctx.fillText('Stick ↑↓ choose · ←→ change · Y: next page', 24, PANEL_H - 14);
}
