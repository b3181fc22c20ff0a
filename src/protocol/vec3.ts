/** A point or direction in metres, world space (y up). A leaf: every protocol file may use it. */
export interface Vec3 { x: number; y: number; z: number }
