import type { BrushOperation } from '../protocol/terrain.ts';
import type { Game } from '../app/game.ts';

const TOOLS: Record<string, BrushOperation> = { Digit1: 'remove', Digit2: 'add', Digit3: 'smooth' };
/** Radians per pixel of mouse motion at sensitivity 1. */
const LOOK_SPEED = 0.0022;

/** Keys typed into a form control (the settings panel) are not game input. */
export const isFormTarget = (t: EventTarget | null): boolean =>
  t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;

/** Mouse motion (pointer-lock movementX/Y pixels) to look input, with the player's sensitivity and invert-Y. */
export function applyMouseLook(game: Game, dx: number, dy: number): void {
  // Accumulated here, consumed by the player step: mouse events can outnumber frames.
  const { mouseSensitivity, invertY } = game.settings.getState();
  game.input.lookYaw -= dx * LOOK_SPEED * mouseSensitivity;
  game.input.lookPitch -= dy * LOOK_SPEED * mouseSensitivity * (invertY ? -1 : 1);
}

/** Keyboard and mouse state for desktop play: pointer-lock look, held keys, held mouse buttons. */
export interface DesktopInput {
  keys: Set<string>;
  /** Mouse buttons held while the pointer is locked: 0 left (tool), 2 right (build). */
  buttons: Set<number>;
  dispose(): void;
}

export function createDesktopInput(canvas: HTMLCanvasElement, game: Game): DesktopInput {
  const keys = new Set<string>();
  const buttons = new Set<number>();
  const locked = () => document.pointerLockElement === canvas;

  const onKeyDown = (e: KeyboardEvent) => {
    if (isFormTarget(e.target)) return;
    keys.add(e.code);
    const tool = TOOLS[e.code];
    if (tool) game.store.getState().setTool(tool);
    if (e.code === 'KeyF' && !e.repeat) game.toggleBoarding();
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
    if (locked()) applyMouseLook(game, e.movementX, e.movementY);
  };
  const onMouseDown = (e: MouseEvent) => {
    if (!locked()) {
      if (e.button === 0) void canvas.requestPointerLock();
      return;
    }
    buttons.add(e.button);
  };
  const onMouseUp = (e: MouseEvent) => {
    buttons.delete(e.button);
  };
  const onWheel = (e: WheelEvent) => {
    if (!locked()) return;
    const { brushRadius, setBrushRadius } = game.store.getState();
    setBrushRadius(brushRadius + (e.deltaY < 0 ? 1 : -1));
  };
  const onLockChange = () => {
    game.store.setState({ pointerLocked: locked() });
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

  return {
    keys,
    buttons,
    dispose() {
      for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
    },
  };
}
