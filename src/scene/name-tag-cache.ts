/**
 * Name tags cached by peer id: a tag's canvas texture is drawn once, when its name first appears
 * (or changes), never per frame. Tags of players who left are evicted, least recently used first,
 * once the cache is over its capacity, and their GPU textures disposed.
 */
import { CanvasTexture, SRGBColorSpace, SpriteMaterial } from 'three';
import { peerCss } from './avatar-colors.ts';

export interface NameTag {
  readonly material: SpriteMaterial;
  /** Width over height of the drawn label, for the sprite's scale. */
  readonly aspect: number;
  dispose(): void;
}

interface Entry { name: string; tag: NameTag; lastUsed: number }

export type NameTagFactory = (name: string, peerId: number) => NameTag;

export class NameTagCache {
  private readonly entries = new Map<number, Entry>();
  /** Tags drawn so far (a test and a debugging aid: it must not grow per frame). */
  drawn = 0;

  constructor(private readonly make: NameTagFactory = drawNameTag, readonly capacity = 128) {}

  get size(): number {
    return this.entries.size;
  }

  /** The tag for `peerId` showing `name`; `now` is any increasing stamp (the frame number). */
  get(peerId: number, name: string, now: number): NameTag {
    let e = this.entries.get(peerId);
    if (e && e.name !== name) {
      e.tag.dispose();
      this.entries.delete(peerId);
      e = undefined;
    }
    if (!e) {
      if (this.entries.size >= this.capacity) this.evictOldest();
      e = { name, tag: this.make(name, peerId), lastUsed: now };
      this.drawn++;
      this.entries.set(peerId, e);
    }
    e.lastUsed = now;
    return e.tag;
  }

  dispose(): void {
    for (const e of this.entries.values()) e.tag.dispose();
    this.entries.clear();
  }

  private evictOldest(): void {
    let oldestKey = -1, oldest = Infinity;
    for (const [key, e] of this.entries) if (e.lastUsed < oldest) { oldest = e.lastUsed; oldestKey = key; }
    const e = this.entries.get(oldestKey);
    if (!e) return;
    e.tag.dispose();
    this.entries.delete(oldestKey);
  }
}

const TAG_H = 64;
const FONT = 'bold 38px system-ui, sans-serif';

/** Draws a rounded label (the player's colour as a dot, then the name) into a canvas texture. */
export function drawNameTag(name: string, peerId: number): NameTag {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  ctx.font = FONT;
  const text = name.length > 24 ? `${name.slice(0, 23)}…` : name;
  const width = Math.ceil(Math.min(512, ctx.measureText(text).width + 72));
  canvas.width = width;
  canvas.height = TAG_H;
  ctx.fillStyle = 'rgba(10, 16, 26, 0.72)';
  ctx.beginPath();
  ctx.roundRect(0, 0, width, TAG_H, 18);
  ctx.fill();
  ctx.fillStyle = peerCss(peerId);
  ctx.beginPath();
  ctx.arc(30, TAG_H / 2, 11, 0, Math.PI * 2);
  ctx.fill();
  ctx.font = FONT; // resizing the canvas reset the context's state
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, 52, TAG_H / 2 + 2);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  // Tags hide behind terrain like anything else, but never write depth (they would clip each other).
  const material = new SpriteMaterial({ map: texture, transparent: true, depthWrite: false, toneMapped: false });
  return {
    material,
    aspect: width / TAG_H,
    dispose() {
      texture.dispose();
      material.dispose();
    },
  };
}
