import { drawPanelFrame } from './wrist-panel-draw.ts';

/** What the VR chat panel shows; filled from the net store by the chat-panel system. */
export interface ChatPanelData {
  /** The connection badge's words ("Connected — Mars (3 players)", "Offline — …"). */
  status: string;
  connected: boolean;
  /** Names of the players in the world, me first. */
  online: readonly string[];
  /** The most recent chat lines, oldest first. */
  lines: ReadonlyArray<{ name: string; color: string; text: string }>;
  /** "Ana is typing…" or null. */
  typing: string | null;
}

export const CHAT_PANEL_W = 512;
export const CHAT_PANEL_H = 384;
const PAD = 20;
const LINE_H = 34;
const FONT = '27px system-ui, sans-serif';

/** Splits `text` into lines no wider than `width` at word boundaries (long words are cut). */
export function wrapText(measure: (s: string) => number, text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next) <= width) { line = next; continue; }
    if (line) out.push(line);
    let w = word;
    while (measure(w) > width && w.length > 1) {
      let cut = w.length - 1;
      while (cut > 1 && measure(w.slice(0, cut)) > width) cut--;
      out.push(w.slice(0, cut));
      w = w.slice(cut);
    }
    line = w;
  }
  if (line) out.push(line);
  return out;
}

/** Draws the panel: status, who is online, then as many of the latest chat lines as fit (newest at the bottom). */
export function drawChatPanel(ctx: CanvasRenderingContext2D, d: ChatPanelData): void {
  drawPanelFrame(ctx, CHAT_PANEL_W, CHAT_PANEL_H, '#5dade2');
  ctx.textBaseline = 'alphabetic';
  ctx.font = 'bold 26px system-ui, sans-serif';
  ctx.fillStyle = d.connected ? '#58d68d' : '#ff7a6b';
  ctx.fillText('●', PAD, 40);
  ctx.fillStyle = '#ffffff';
  ctx.fillText(fit(ctx, d.status, CHAT_PANEL_W - PAD * 2 - 30), PAD + 30, 40);
  ctx.font = '22px system-ui, sans-serif';
  ctx.fillStyle = '#8a96a3';
  ctx.fillText(fit(ctx, d.online.length ? `Online: ${d.online.join(', ')}` : 'Nobody else here', CHAT_PANEL_W - PAD * 2), PAD, 72);

  ctx.font = FONT;
  const top = 96, bottom = CHAT_PANEL_H - (d.typing ? 44 : 16);
  const width = CHAT_PANEL_W - PAD * 2;
  // Lay out from the newest line upward until the panel is full.
  let y = bottom;
  for (let i = d.lines.length - 1; i >= 0 && y - LINE_H >= top; i--) {
    const m = d.lines[i];
    const prefix = `${m.name}: `;
    const wrapped = wrapText((s) => ctx.measureText(s).width, prefix + m.text, width);
    for (let k = wrapped.length - 1; k >= 0 && y - LINE_H >= top; k--) {
      const line = wrapped[k];
      // The first line starts with the sender's name, drawn in their colour.
      const name = k === 0 && line.startsWith(prefix) ? prefix : '';
      if (name) {
        ctx.fillStyle = m.color;
        ctx.fillText(name, PAD, y);
      }
      ctx.fillStyle = '#eef2f7';
      ctx.fillText(line.slice(name.length), PAD + (name ? ctx.measureText(name).width : 0), y);
      y -= LINE_H;
    }
  }
  if (d.lines.length === 0) {
    ctx.fillStyle = '#8a96a3';
    ctx.fillText(d.connected ? 'No messages yet' : 'Chat needs the relay', PAD, top + LINE_H);
  }
  if (d.typing) {
    ctx.font = 'italic 22px system-ui, sans-serif';
    ctx.fillStyle = '#f5c26b';
    ctx.fillText(fit(ctx, d.typing, width), PAD, CHAT_PANEL_H - 16);
  }
}

function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > width) s = s.slice(0, -1);
  return `${s}…`;
}
