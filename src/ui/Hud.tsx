import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Game } from '../app/game.ts';
import { ControlsPanel } from './ControlsPanel.tsx';
import './hud.css';

const TOOL_LABEL = { remove: 'Dig', add: 'Build', smooth: 'Smooth' } as const;

/** DOM overlay: crosshair, brush state, Enter VR (or why not), loading progress, controls help. */
export function Hud({ game }: { game: Game }) {
  const ready = useStore(game.store, (s) => s.ready);
  const loading = useStore(game.store, (s) => s.loading);
  const tool = useStore(game.store, (s) => s.tool);
  const radius = useStore(game.store, (s) => s.brushRadius);
  const xr = useStore(game.store, (s) => s.xr);
  const locked = useStore(game.store, (s) => s.pointerLocked);
  const [help, setHelp] = useState(true);
  const [xrError, setXrError] = useState<string | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.code === 'KeyH' && !(e.target instanceof HTMLInputElement)) setHelp((shown) => !shown);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const enterVr = () => {
    setXrError(null);
    if (!game.scene) {
      setXrError('The 3D scene is still loading');
      return;
    }
    game.scene.enterVr().catch((e: Error) => setXrError(`Could not start VR: ${e.message}`));
  };

  return (
    <div className="hud">
      {!ready && (
        <div className="loading" data-testid="loading">
          <h1>SpaceTime XR</h1>
          <p>Landing on the surface…</p>
          <progress max={Math.max(1, loading.wanted)} value={loading.meshed} />
          <p className="dim">terrain {loading.meshed} / {loading.wanted} chunks</p>
        </div>
      )}
      {ready && <div className="crosshair" />}
      <div className="status">
        <span>{TOOL_LABEL[tool]}</span> · radius {radius} m
        {!locked && ready && <span className="dim"> · click to look around</span>}
      </div>
      <div className="vr">
        <button data-testid="enter-vr" disabled={!xr.supported} onClick={enterVr}
          title={xr.reason ?? 'Enter immersive VR'}>
          Enter VR
        </button>
        {(xr.reason || xrError) && <div className="reason" data-testid="vr-reason">{xrError ?? xr.reason}</div>}
      </div>
      {ready && help && <ControlsPanel onClose={() => setHelp(false)} />}
      {ready && !help && (
        <button className="help-toggle" onClick={() => setHelp(true)}>Controls (H)</button>
      )}
    </div>
  );
}
