/**
 * Issue 13's socket events (protocol/net/creature-events.ts): spawning, commands, feeding, zone
 * authority and the authority's positions and state reports. The work is in relay/src/creatures/;
 * here each event is bound to the world the connection is in. Everything that changes creatures runs
 * in the world's serial queue; positions (binary, volatile) do not wait for it.
 */
import { z } from 'zod';
import { CreatureCommandEventSchema, CreatureFeedSchema } from '../../../../src/protocol/creatures.ts';
import { CreatureSpawnEventSchema, CreatureStateEventSchema, RequestAuthoritySchema } from '../../../../src/protocol/net/creature-events.ts';
import type { CreatureHub } from '../../creatures/creature-hub.ts';
import type { CreatureWorld } from '../../creatures/creature-world.ts';
import { commandCreature, feedCreature, reportStates, spawnCreature } from '../../creatures/creature-actions.ts';
import { Refusal, handler, refuse, type HandlerTable } from '../event-door.ts';
import type { Session } from '../session.ts';

/** The binary records go to the world as they are; the codec's count check is in receivePositions. */
const BinarySchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'sync_creature_position takes binary records (creature-codec.ts)');

export function creatureHandlers(hub: CreatureHub): HandlerTable {
  const world = (session: Session): CreatureWorld => {
    const w = hub.get((session.room as NonNullable<Session['room']>).worldId);
    if (!w) throw refuse('SERVER_ERROR', 'this world\'s creatures are not loaded yet; try again');
    return w;
  };
  return {
    sync_creature_spawn: handler('sync_creature_spawn', {
      cls: 'other', schema: CreatureSpawnEventSchema, needs: 'world',
      run: (session, p) => { const w = world(session); return w.serial(() => spawnCreature(w, session, p)); },
    }),
    sync_creature_command: handler('sync_creature_command', {
      cls: 'other', schema: CreatureCommandEventSchema, needs: 'world',
      run: (session, p) => { const w = world(session); return w.serial(() => commandCreature(w, session, p)); },
    }),
    creature_feed: handler('creature_feed', {
      cls: 'other', schema: CreatureFeedSchema, needs: 'world',
      run: (session, p) => { const w = world(session); return w.serial(() => feedCreature(w, session, p)); },
    }),
    sync_creature_state: handler('sync_creature_state', {
      cls: 'other', schema: CreatureStateEventSchema, needs: 'world',
      run: (session, p) => { const w = world(session); return w.serial(() => reportStates(w, session, p)); },
    }),
    sync_creature_position: handler('sync_creature_position', {
      cls: 'other', schema: BinarySchema, needs: 'world',
      run(session, p) {
        const refusal = world(session).receivePositions(session, p);
        if (refusal) throw new Refusal(refusal);
      },
    }),
    request_authority: handler('request_authority', {
      cls: 'other', schema: RequestAuthoritySchema, needs: 'world',
      run(session, p) {
        const w = world(session);
        w.review();
        return { object_id: p.object_id, peer_id: w.authority.holder(p.object_id)?.peer ?? null };
      },
    }),
  };
}
