/** Response pieces the route specs share (documentation schemas: the router validates requests only). */
import { z } from 'zod';

export const Vec3Out = z.object({ x: z.number(), y: z.number(), z: z.number() });
export const Timestamp = z.string().describe('ISO 8601 time of the answer');
export const Success = z.literal('success');
/** A body with no fields: `{}` (the seed's examples send `{}`); anything else is a typo worth a 400. */
export const EmptyBody = z.object({}).strict().optional();
