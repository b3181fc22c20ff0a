/** Builds the readable state tree (STATE_TREE's shape) on demand: /debug/evaluate, conditions, waitFor. */
import type { Game } from '../app/game.ts';
import type { GameStateView } from '../protocol/debug.ts';
import { scenePath } from '../protocol/scenes.ts';
import { settingsValues } from '../state/settings.ts';
import type { DebugSession } from './debug-session.ts';

export function buildStateView(game: Game, debug: DebugSession, fps: number): GameStateView {
  const p = game.player.snapshot();
  const { scene, ready } = game.store.getState();
  const progress = game.streamer.progress();
  const s = settingsValues(game.settings.getState());
  const head = game.frame.tracking.headset;
  const c = game.frame.counters;
  return {
    player: {
      id: p.player_id, mode: p.mode, health: p.health, oxygen: p.oxygen, position: p.position, velocity: p.velocity,
      rotation: p.rotation, grounded: p.grounded, speed: p.speed, deaths: p.deaths,
    },
    scene: { current: scene ? scenePath(scene) : null, ready, loading: game.scenes.loading },
    terrain: { seed: game.pool.world.seed, edit_count: game.pool.editLog().length, chunks_wanted: progress.wanted, chunks_meshed: progress.meshed },
    render: { fps, frame: c.frame, draw_calls: c.drawCalls, triangles: c.triangles },
    vr: { presenting: game.scene?.presenting() ?? false, headset: { position: { ...head.position }, tracking_valid: head.tracking_valid } },
    settings: {
      snapTurn: s.snapTurn, snapTurnDegrees: s.snapTurnDegrees, smoothMotion: s.smoothMotion, vignette: s.vignette, viewDistance: s.viewDistance,
      targetFrameRate: s.targetFrameRate, foveation: s.foveation, seated: s.seated, seatedHeightOffset: s.seatedHeightOffset,
    },
    debug: debug.view(),
  };
}
