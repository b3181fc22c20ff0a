import type { Game } from '../app/game.ts';
import type { NetUi } from './net-ui.ts';
import { AccountPanel } from './AccountPanel.tsx';
import { WorldList } from './WorldList.tsx';

/** The title scene's overlay: start the planet or the test arena, open the settings, or pick a shared world. */
export function MenuScreen({ game, net, onSettings }: { game: Game; net: NetUi; onSettings(): void }) {
  const load = (scene_path: string) => void game.scenes.load({ scene_path });
  return (
    <div className="menu" data-testid="menu">
      <h1>SpaceTime XR</h1>
      <p>Walk, fly and dig on a deformable planet.</p>
      <div className="actions">
        <button data-testid="menu-play" onClick={() => load('res://scenes/vr_main.tscn')}>Land on the planet</button>
        <button data-testid="menu-arena" onClick={() => load('res://scenes/test_arena.tscn')}>Test arena</button>
        <button onClick={onSettings}>Settings</button>
      </div>
      <AccountPanel net={net} />
      <WorldList net={net} />
    </div>
  );
}
