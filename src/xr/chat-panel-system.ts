import { CanvasTexture, Matrix4, SRGBColorSpace, type Mesh, type Object3D } from 'three';
import type { FrameContext, System } from '../app/frame-loop.ts';
import type { NetStore, NetStoreState } from '../state/net-store.ts';
import { peerCss } from '../scene/avatar-colors.ts';
import { connectionLabel, typingLine } from '../ui/net-ui.ts';
import { CHAT_PANEL_H, CHAT_PANEL_W, drawChatPanel, type ChatPanelData } from './chat-panel-draw.ts';
import type { XrFrameInput } from './xr-frame-input.ts';

/** Chat lines the panel considers (it draws as many of the newest as fit). */
const LINES = 8;
/**
 * Hinged on the wrist panel's far edge (the wrist panel's offset, then 5 cm up its plane) and
 * folded 26° toward the eyes, so a glance at the left wrist shows both without the far one seen
 * edge-on.
 */
const OFFSET = new Matrix4().makeRotationX(-0.9).setPosition(0, 0.06, 0.12)
  .multiply(new Matrix4().makeTranslation(0, 0.05, 0))
  .multiply(new Matrix4().makeRotationX(0.45))
  .multiply(new Matrix4().makeTranslation(0, 0.062, 0));
const pose = new Matrix4();

export interface ChatPanelSystem extends System {
  readonly texture: CanvasTexture;
  attach(mesh: Mesh | null): void;
  dispose(): void;
}

export interface ChatPanelDeps {
  xr: Readonly<XrFrameInput>;
  origin(): Object3D | null;
  /** The relay client's store, or null with no relay client. */
  net(): NetStore | null;
}

/** The store fields the panel shows: it redraws only when one of them is a new object. */
const KEYS = ['state', 'attempt', 'reason', 'world', 'players', 'me', 'chat', 'typing'] as const;

/**
 * A read-only VR panel above the left wrist panel: connection state, who is online and the last
 * chat lines. Its canvas texture is redrawn only when the net store's chat, presence or connection
 * changes (zustand replaces what changed, so comparing references is enough), not per frame.
 * Hidden offline with no chat: a static build would otherwise show a permanent "no relay" panel.
 */
export function createChatPanelSystem(deps: ChatPanelDeps): ChatPanelSystem {
  const canvas = document.createElement('canvas');
  canvas.width = CHAT_PANEL_W;
  canvas.height = CHAT_PANEL_H;
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  const drawn: Partial<Record<(typeof KEYS)[number], unknown>> = {};
  let mesh: Mesh | null = null;

  const changed = (s: NetStoreState) => {
    let any = false;
    for (const k of KEYS) if (drawn[k] !== s[k]) { drawn[k] = s[k]; any = true; }
    return any;
  };

  return {
    name: 'chat-panel',
    texture,
    attach: (m) => void (mesh = m),
    dispose: () => texture.dispose(),
    update(frame: FrameContext) {
      const m = mesh;
      if (!m) return;
      const store = deps.net();
      const s = store?.getState();
      const origin = deps.origin();
      m.visible = !!s && frame.presenting && deps.xr.left.present && !!origin && (s.state !== 'offline' || s.chat.length > 0);
      if (!m.visible || !s) return;
      pose.copy(deps.xr.left.ray).premultiply(origin!.matrixWorld).multiply(OFFSET);
      pose.decompose(m.position, m.quaternion, m.scale);
      if (!changed(s)) return;
      drawChatPanel(canvas.getContext('2d')!, panelData(s));
      texture.needsUpdate = true;
    },
  };
}

/** The store as the panel shows it (built only on a redraw). */
export function panelData(s: NetStoreState): ChatPanelData {
  const peers = new Map(s.players.map((p) => [p.user_id, p.peer_id]));
  if (s.me) peers.set(s.me.user_id, s.me.peer_id);
  return {
    status: connectionLabel(s),
    connected: s.state === 'connected',
    online: [...(s.me ? [`${s.me.name} (you)`] : []), ...s.players.map((p) => p.name)],
    lines: s.chat.slice(-LINES).map((c) => ({ name: c.name, text: c.text, color: peers.has(c.user_id) ? peerCss(peers.get(c.user_id)!) : '#cfd8e3' })),
    typing: typingLine(s.typing),
  };
}
