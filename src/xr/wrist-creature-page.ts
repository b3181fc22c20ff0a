/**
 * The wrist panel's creature page (issue 13), VR's controller menu for creatures: the creature the
 * player looks at (within reach), and six rows: feed it, or give one of seed 000's commands. The
 * left stick picks a row (up/down) and does it (right); the answer shows on the page.
 */
import { CREATURE_COMMANDS } from '../protocol/creatures.ts';

export const CREATURE_ROWS = ['Feed', 'Follow', 'Stay', 'Aggressive', 'Passive', 'Wander'] as const;
/** The command of each row after Feed (row 0). */
export const ROW_COMMANDS = CREATURE_COMMANDS;

export interface WristCreature {
  /** "Grazer Lv 3", or null when no creature is in view. */
  title: string | null;
  /** "wild · wandering · feed soil 1/3", or "yours · following". */
  detail: string;
  selected: number;
  /** The last feeding's or command's answer. */
  note: { text: string; ok: boolean } | null;
}

export function drawCreaturePage(ctx: CanvasRenderingContext2D, c: WristCreature): void {
  const w = ctx.canvas.width, h = ctx.canvas.height;
  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 28px system-ui, sans-serif';
  ctx.fillText('Creature', 24, 40);
  ctx.font = '20px system-ui, sans-serif';
  ctx.fillStyle = c.title ? '#e0a030' : '#8a96a3';
  ctx.fillText(c.title ?? 'Look at a creature', 170, 40);
  ctx.fillStyle = '#cfd8e3';
  ctx.font = '18px system-ui, sans-serif';
  ctx.fillText(c.detail, 24, 70);
  for (let i = 0; i < CREATURE_ROWS.length; i++) {
    const x = 24 + (i % 2) * 240, y = 86 + Math.floor(i / 2) * 46;
    if (i === c.selected) {
      ctx.fillStyle = 'rgba(224, 129, 58, 0.35)';
      ctx.fillRect(x - 10, y, 228, 40);
    }
    ctx.font = '22px system-ui, sans-serif';
    ctx.fillStyle = c.title ? '#ffffff' : '#8a96a3';
    ctx.fillText(CREATURE_ROWS[i], x, y + 28);
  }
  if (c.note) {
    ctx.font = '18px system-ui, sans-serif';
    ctx.fillStyle = c.note.ok ? '#8fe39a' : '#ff8a7a';
    ctx.fillText(c.note.text.slice(0, 48), 24, 244);
  }
  ctx.fillStyle = '#8a96a3';
  ctx.font = '18px system-ui, sans-serif';
  ctx.fillText('Stick ↑↓ choose · → do it · Y: next page', 24, h - 14);
  void w;
}
