import { CreatureCard } from './CreatureCard.tsx';
import { CommandWheel } from './CommandWheel.tsx';
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Game } from '../app/game.ts';
import { isPlaying } from '../state/game-store.ts';
import { ControlsPanel } from './ControlsPanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { MenuScreen } from './MenuScreen.tsx';
import { Vitals } from './Vitals.tsx';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { ChatBox } from './ChatBox.tsx';
import { Toasts } from './Toasts.tsx';
import { BuildMenu } from './BuildMenu.tsx';
import { InventoryPanel } from './InventoryPanel.tsx';
import { STRUCTURE_TYPES } from '../engine/base/structure-types.ts';
import { createOfflineNet, type NetUi } from './net-ui.ts';
import { isFormTarget } from '../scene/desktop-input.ts';
import './hud.css';

const TOOL_LABEL = { remove: 'Dig', add: 'Build', smooth: 'Smooth' } as const;
const HELP_SEEN = 'spacetime.helpSeen';

/** localStorage can be missing or refuse access (private modes, sandboxed frames): then nothing is remembered. */
function readFlag(key: string): string | null {
  try { return localStorage.getItem(key); } catch { return null; }
}
function writeFlag(key: string, value: string): void {
  try { localStorage.setItem(key, value); } catch { /* this session only */ }
}

/**
 * DOM overlay: loading, vitals, brush state, Enter VR (or why not), controls help, settings, menu,
 * and the multiplayer views (connection badge, chat, toasts). Without a relay client (`net`
 * absent) those show their offline state.
 */
export function Hud({ game, net: relay }: { game: Game; net?: NetUi }) {
  const net = useMemo(() => relay ?? createOfflineNet(), [relay]);
  const ready = useStore(game.store, (s) => s.ready);
  const loading = useStore(game.store, (s) => s.loading);
  const scene = useStore(game.store, (s) => s.scene);
  const tool = useStore(game.store, (s) => s.tool);
  const radius = useStore(game.store, (s) => s.brushRadius);
  const xr = useStore(game.store, (s) => s.xr);
  const locked = useStore(game.store, (s) => s.pointerLocked);
  const banner = useStore(game.store, (s) => s.banner);
  const panel = useStore(game.store, (s) => s.panel);
  const building = useStore(game.store, (s) => s.build.type);
  const placement = useStore(game.store, (s) => s.placement);
  // The controls table opens by itself only until the player first closes it.
  const [help, setHelp] = useState(() => readFlag(HELP_SEEN) !== '1');
  useEffect(() => {
    if (!help) writeFlag(HELP_SEEN, '1');
  }, [help]);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [xrError, setXrError] = useState<string | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isFormTarget(e.target)) return;
      if (e.code === 'KeyH') setHelp((shown) => !shown);
      if (e.code === 'KeyO') {
        setSettingsOpen((open) => !open);
        // The panel needs the mouse.
        if (document.pointerLockElement) document.exitPointerLock();
      }
      const g = game.store.getState();
      if ((e.code === 'KeyB' || e.code === 'KeyI') && !e.repeat && isPlaying(g)) {
        g.togglePanel(e.code === 'KeyB' ? 'build' : 'inventory');
        if (game.store.getState().panel && document.pointerLockElement) document.exitPointerLock();
      }
      if (e.code === 'KeyR' && !e.repeat && g.build.type) g.rotateBuild();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [game]);

  const enterVr = () => {
    setXrError(null);
    if (!game.scene) {
      setXrError('The 3D scene is still loading');
      return;
    }
    game.scene.enterVr().catch((e: Error) => setXrError(`Could not start VR: ${e.message}`));
  };
  const inWorld = useStore(game.store, isPlaying);

  return (
    <div className="hud">
      {!ready && (
        <div className="loading" data-testid="loading">
          <h1>SpaceTime XR</h1>
          <p>{scene === 'test_arena' ? 'Opening the test arena…' : 'Landing on the surface…'}</p>
          <progress max={Math.max(1, loading.wanted)} value={loading.meshed} />
          <p className="dim">terrain {loading.meshed} / {loading.wanted} chunks</p>
        </div>
      )}
      {ready && scene === 'menu' && <MenuScreen game={game} net={net} onSettings={() => setSettingsOpen(true)} />}
      {inWorld && <div className="crosshair" />}
      {inWorld && <Vitals game={game} />}
      {inWorld && banner && <div className="banner" data-testid="banner">{banner}</div>}
      {inWorld && (
        <div className="status">
          {building ? <span>Placing: {STRUCTURE_TYPES[building].name}</span> : <><span>{TOOL_LABEL[tool]}</span> · radius {radius} m</>}
          {!locked && <span className="dim"> · click to look around</span>}
        </div>
      )}
      {inWorld && building && placement && (
        <div className={`placement ${placement.ok ? 'ok' : 'bad'}`} data-testid="placement">{placement.message}</div>
      )}
      {inWorld && panel === 'build' && <BuildMenu game={game} onClose={() => game.store.setState({ panel: null })} />}
      {inWorld && panel === 'inventory' && <InventoryPanel game={game} onClose={() => game.store.setState({ panel: null })} />}
      {inWorld && <CreatureCard game={game} />}
      {inWorld && panel === 'commands' && <CommandWheel game={game} onResult={(text, ok) => { if (!ok) game.showBanner(text, 2500); }} />}
      {inWorld && <ChatBox net={net} />}
      <Toasts net={net} />
      {ready && <ConnectionBadge net={net} />}
      <div className="topbar">
        {inWorld && <button data-testid="open-menu" onClick={() => void game.scenes.load({ scene_path: 'res://scenes/menu.tscn' })}>Menu</button>}
        <button data-testid="open-settings" onClick={() => setSettingsOpen((o) => !o)}>Settings (O)</button>
      </div>
      <div className="vr">
        <button data-testid="enter-vr" disabled={!xr.supported} onClick={enterVr}
          title={xr.reason ?? 'Enter immersive VR'}>
          Enter VR
        </button>
        {(xr.reason || xrError) && <div className="reason" data-testid="vr-reason">{xrError ?? xr.reason}</div>}
      </div>
      {inWorld && help && <ControlsPanel onClose={() => setHelp(false)} />}
      {inWorld && !help && (
        <button className="help-toggle" onClick={() => setHelp(true)}>Controls (H)</button>
      )}
      {settingsOpen && <SettingsPanel settings={game.settings} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
