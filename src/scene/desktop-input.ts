import type { BrushOperation } from '../protocol/terrain.ts';
import type { HeldKeys } from '../app/frame-state.ts';
import type { PlayerInput } from '../engine/player/player-state.ts';
import type { SettingsStore } from '../state/settings.ts';
import type { GameStore } from '../state/game-store.ts';

const TOOLS: Record<string, BrushOperation> = { Digit1: 'remove', Digit2: 'add', Digit3: 'smooth' };
/** Radians per pixel of mouse motion at sensitivity 1. */
const LOOK_SPEED = 0.0022;

/** Keys typed into a form control (the settings panel) are not game input. */
export const isFormTarget = (t: EventTarget | null): boolean =>
  t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;

/** Mouse motion (pointer-lock movementX/Y pixels) to look input, with the player's sensitivity and invert-Y. */
export function applyMouseLook(input: PlayerInput, settings: SettingsStore, dx: number, dy: number): void {
  // Accumulated here, consumed by the player step: mouse events can outnumber frames.
  const { mouseSensitivity, invertY } = settings.getState();
  input.lookYaw -= dx * LOOK_SPEED * mouseSensitivity;
  input.lookPitch -= dy * LOOK_SPEED * mouseSensitivity * (invertY ? -1 : 1);
}

export interface DesktopInputDeps {
  /** Written here: held keys, and mouse buttons held while the pointer is locked (0 left: tool, 2 right: build). */
  held: HeldKeys;
  input: PlayerInput;
  settings: SettingsStore;
  store: GameStore;
}

/**
 * The DOM side of desktop play: pointer-lock look, held keys and buttons, tool keys, brush size.
 * Returns the function that removes the listeners.
 */
export function listenDesktopInput(canvas: HTMLCanvasElement, deps: DesktopInputDeps): () => void {
  const { keys, buttons } = deps.held;
  const { store } = deps;
  const locked = () => document.pointerLockElement === canvas;

  const onKeyDown = (e: KeyboardEvent) => {
    if (isFormTarget(e.target)) return;
    keys.add(e.code);
    const tool = TOOLS[e.code];
    // While the creature command wheel is open, the digits pick commands (ui/CommandWheel.tsx), not tools.
    if (tool && store.getState().panel !== 'commands') store.getState().setTool(tool);
    // Acted on by the desktop input system in the next frame, in frame order.
    if (e.code === 'KeyF' && !e.repeat) deps.held.boardPressed = true;
    if (e.code === 'Space' && locked()) e.preventDefault();
  };
  const onKeyUp = (e: KeyboardEvent) => {
    keys.delete(e.code);
  };
  const onBlur = () => {
    keys.clear();
    buttons.clear();
  };
  const onMouseMove = (e: MouseEvent) => {
    if (locked()) applyMouseLook(deps.input, deps.settings, e.movementX, e.movementY);
  };
  const onMouseDown = (e: MouseEvent) => {
    if (!locked()) {
      if (e.button === 0) void canvas.requestPointerLock();
      return;
    }
    buttons.add(e.button);
    deps.held.clicked.add(e.button);
  };
  const onMouseUp = (e: MouseEvent) => {
    buttons.delete(e.button);
  };
  const onWheel = (e: WheelEvent) => {
    if (!locked()) return;
    const { brushRadius, setBrushRadius } = store.getState();
    setBrushRadius(brushRadius + (e.deltaY < 0 ? 1 : -1));
  };
  const onLockChange = () => {
    store.setState({ pointerLocked: locked() });
    if (!locked()) buttons.clear();
  };
  const onContextMenu = (e: Event) => e.preventDefault();

  const listeners: Array<[EventTarget, string, EventListener, AddEventListenerOptions?]> = [
    [window, 'keydown', onKeyDown as EventListener],
    [window, 'keyup', onKeyUp as EventListener],
    [window, 'blur', onBlur],
    [document, 'mousemove', onMouseMove as EventListener],
    [document, 'pointerlockchange', onLockChange],
    [canvas, 'mousedown', onMouseDown as EventListener],
    [window, 'mouseup', onMouseUp as EventListener],
    [canvas, 'wheel', onWheel as EventListener, { passive: true }],
    [canvas, 'contextmenu', onContextMenu],
  ];
  for (const [target, type, listener, options] of listeners) target.addEventListener(type, listener, options);

  return () => {
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
    keys.clear();
    buttons.clear();
  };
}
