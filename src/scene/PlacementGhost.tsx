import type { PlacementSystem } from './placement-system.ts';

/** The structure being placed, as a translucent ghost; the placement system moves and colours it. */
export function PlacementGhost({ system }: { system: PlacementSystem }) {
  return <primitive object={system.ghost} />;
}
