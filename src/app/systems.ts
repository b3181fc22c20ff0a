/**
 * The frame's systems, in the order they run: the one place that order is written. Each system is
 * a createXSystem(deps) given only what it needs; React components render what the systems move.
 * Adding a system is one file and one line here.
 *
 * Order: input → locomotion → player step → XR rig → net (our pose out) → streaming → aim and brush
 * → views (remote avatars among them) → control.
 * The XR rig follows the player step directly (it only reads the player) so that everything that
 * puts a controller in the world (aim, the wrist panel) uses this frame's origin, not the last one.
 */
import type { TerrainBatch } from '../scene/terrain-batch.ts';
import { createDesktopInputSystem } from '../scene/desktop-input-system.ts';
import { createPlayerStepSystem } from '../scene/player-step-system.ts';
import { createStreamingSystem } from '../scene/streaming-system.ts';
import { createDesktopAimSystem } from '../scene/desktop-aim-system.ts';
import { createBrushSystem } from '../scene/brush-system.ts';
import { createBrushPreviewSystem } from '../scene/brush-preview-system.ts';
import { createShipModelSystem } from '../scene/ship-model-system.ts';
import { createBackdropSystem } from '../scene/backdrop-system.ts';
import { createXrInputSystem } from '../xr/xr-input-system.ts';
import { createWristMenuSystem } from '../xr/wrist-menu-system.ts';
import { createLocomotionSystem } from '../xr/locomotion-system.ts';
import { createXrRigSystem } from '../xr/xr-rig-system.ts';
import { createXrControllersSystem } from '../xr/xr-controllers-system.ts';
import { createWristPanelSystem } from '../xr/wrist-panel-system.ts';
import { createRemoteAvatarSystem } from '../scene/remote-avatar-system.ts';
import { createControlSystem } from './control-system.ts';
import { createNetSystem } from './net-system.ts';
import { createStructuresSystem } from '../scene/structures-system.ts';
import { createPlacementSystem } from '../scene/placement-system.ts';
import { createDayNightSystem } from '../scene/day-night-system.ts';
import { createChatPanelSystem } from '../xr/chat-panel-system.ts';
import { createCreaturesSystem } from '../scene/creatures-system.ts';
import { createCreatureDemoSystem } from '../scene/creature-demo.ts';
import { createCreatureAimSystem } from '../scene/creature-aim-system.ts';
import { createCreatureActions } from './creatures/creature-actions.ts';
import type { Game } from './game.ts';
import type { System } from './frame-loop.ts';

export function createSystems(game: Game, batch: TerrainBatch) {
  const { frame, player, settings, store, recenter } = game;
  const control = () => game.control;
  const xrInput = createXrInputSystem({ tracking: frame.tracking });
  const xr = xrInput.input;
  const rig = createXrRigSystem({ player, recenter, settings });
  const origin = () => rig.origin;
  const creatureActions = createCreatureActions(game.creatures, store, () => game.net.store.getState().me?.user_id ?? player.playerId);
  const menu = createWristMenuSystem({ xr, settings, store, creatureAct: (row) => creatureActions.act(row) });
  const locomotion = createLocomotionSystem({ xr, menu, origin, batch, settings, player, recenter, input: frame.input, teleport: frame.teleport, toggleBoarding: game.toggleBoarding });
  const controllers = createXrControllersSystem({ xr, origin, batch, store, frame });
  const wristPanel = createWristPanelSystem({ xr, menu, origin, settings, readout: game.readout, base: game.net.base.store, store, creature: (row) => creatureActions.wristPage(row) });
  const brushPreview = createBrushPreviewSystem({ aim: frame.aim, store });
  const shipModel = createShipModelSystem({ player });
  const backdrop = createBackdropSystem();
  const dayNight = createDayNightSystem({ base: game.net.base });
  const chatPanel = createChatPanelSystem({ xr, origin, net: () => game.net.store });
  const structures = createStructuresSystem({ base: game.net.base.store });
  const placement = createPlacementSystem({ frame, store, base: game.net.base, field: game.collision, xr, refused: (message) => game.showBanner(message, 2500) });
  const avatars = createRemoteAvatarSystem({ view: () => (game.shared() ? game.net.remote : null) });
  const creatures = createCreaturesSystem({ creatures: game.creatureFrame });
  // ?creatureDemo=N only: fills the creature frame itself (after any other writer), for looking and benches.
  const creatureDemo = game.flags.creatureDemo > 0 ? [createCreatureDemoSystem({ creatures: game.creatureFrame, count: game.flags.creatureDemo, collision: game.collision })] : [];

  const order: System[] = [
    xrInput,
    createDesktopInputSystem({ held: frame.held, input: frame.input, toggleBoarding: game.toggleBoarding }),
    menu,
    locomotion,
    createPlayerStepSystem({ player, clock: game.clock, input: frame.input, settings, camera: frame.camera, counters: frame.counters, control }),
    rig,
    createNetSystem({ player, tracking: frame.tracking, live: () => game.shared() && game.net.inWorld(), send: (record) => game.net.sendPose(record) }),
    createStreamingSystem({ streamer: game.streamer, batch, viewer: frame.viewer, streaming: game.streaming }),
    createDesktopAimSystem({ batch, frame, store }),
    // Creatures to this frame's time (interpolated from the worker's ticks and the relay's records), then which one is aimed at.
    { name: 'creature-sample', update: (f) => game.creatureParts.sample(f.nowMs) },
    createCreatureAimSystem({ frame: game.creatureFrame, store }),
    controllers,
    createBrushSystem({ frame, store, deform: game.deform, refused: (message) => game.showBanner(message, 2500) }),
    brushPreview,
    placement,
    shipModel,
    wristPanel,
    chatPanel,
    backdrop,
    dayNight,
    avatars,
    structures,
    ...creatureDemo,
    creatures,
    createControlSystem({ counters: frame.counters, waiters: game.waiters, control }),
  ];
  /** The systems whose scene objects the 3D scene's components render. */
  const views = { locomotion, rig, controllers, wristPanel, brushPreview, shipModel, backdrop, avatars, chatPanel, structures, placement, dayNight, creatures };
  return { order, views };
}

export type SystemViews = ReturnType<typeof createSystems>['views'];
