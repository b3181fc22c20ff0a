import type { createTerrainApi } from '../engine/terrain-service.ts';

/** What a terrain worker exposes: the engine service plus a deliberate crash for tests. */
export type TerrainWorkerApi = ReturnType<typeof createTerrainApi> & { crash(): void };
