import { useEffect, useRef } from 'react';
import type { Game } from '../app/game.ts';

const REFRESH_MS = 100;

/**
 * Health, oxygen, mode, and speed and altitude in the ship. These change every frame, so they are
 * written straight into the DOM ten times a second instead of going through React state.
 */
export function Vitals({ game }: { game: Game }) {
  const root = useRef<HTMLDivElement>(null);
  const health = useRef<HTMLDivElement>(null);
  const oxygen = useRef<HTMLDivElement>(null);
  const healthText = useRef<HTMLSpanElement>(null);
  const oxygenText = useRef<HTMLSpanElement>(null);
  const mode = useRef<HTMLSpanElement>(null);
  const flight = useRef<HTMLSpanElement>(null);
  const hint = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const update = () => {
      const r = game.readout();
      if (!root.current) return;
      root.current.dataset.mode = r.mode;
      health.current!.style.width = `${r.health}%`;
      health.current!.classList.toggle('low', r.health < 25);
      oxygen.current!.style.width = `${r.oxygen}%`;
      oxygen.current!.classList.toggle('low', r.oxygen < 25);
      healthText.current!.textContent = r.health.toFixed(0);
      oxygenText.current!.textContent = r.oxygen.toFixed(0);
      mode.current!.textContent = r.mode === 'spacecraft' ? 'Spacecraft' : 'On foot';
      flight.current!.textContent = r.mode === 'spacecraft'
        ? `${r.speed.toFixed(1)} m/s · altitude ${r.altitude === null ? '—' : `${r.altitude.toFixed(0)} m`}${r.landed ? ' · landed' : ''}`
        : `${r.speed.toFixed(1)} m/s`;
      hint.current!.textContent = r.message ?? (r.mode === 'walking' && r.nearShip ? 'F: board the spacecraft' : r.mode === 'spacecraft' && r.canLeave ? 'F: leave the spacecraft' : '');
    };
    update();
    const timer = setInterval(update, REFRESH_MS);
    return () => clearInterval(timer);
  }, [game]);

  return (
    <div className="vitals" ref={root} data-testid="vitals">
      <div className="vital"><span className="label">Health</span><div className="meter"><div ref={health} className="fill health" /></div><span ref={healthText} data-testid="health" /></div>
      <div className="vital"><span className="label">Oxygen</span><div className="meter"><div ref={oxygen} className="fill oxygen" /></div><span ref={oxygenText} data-testid="oxygen" /></div>
      <div className="vital"><span ref={mode} className="mode" data-testid="mode" /> <span ref={flight} className="dim" data-testid="flight" /></div>
      <div ref={hint} className="hint" data-testid="hint" />
    </div>
  );
}
