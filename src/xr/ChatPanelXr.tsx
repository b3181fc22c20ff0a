import { useEffect } from 'react';
import type { ChatPanelSystem } from './chat-panel-system.ts';
import { CHAT_PANEL_H, CHAT_PANEL_W } from './chat-panel-draw.ts';

const WIDTH_M = 0.16;

/** The VR chat panel's mesh (same width as the wrist panel); the chat-panel system poses it and draws its texture. */
export function ChatPanelXr({ system }: { system: ChatPanelSystem }) {
  useEffect(() => () => system.dispose(), [system]);
  return (
    <mesh ref={system.attach} visible={false} name="ChatPanel" renderOrder={10}>
      <planeGeometry args={[WIDTH_M, (WIDTH_M * CHAT_PANEL_H) / CHAT_PANEL_W]} />
      <meshBasicMaterial map={system.texture} transparent depthTest={false} toneMapped={false} />
    </mesh>
  );
}
