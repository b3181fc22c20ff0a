/**
 * Opens the relay's storage and world hub on one SQLite file. The hub leaves the database to its
 * opener, so closing here stops the worlds first (flushing edits and folding) and then the database.
 */
import type { Logger } from './log.ts';
import { openDatabase } from './db/database.ts';
import { createWorldHub, type WorldHubOptions } from './world/world-hub.ts';
import type { HubPort } from './socket/hub-port.ts';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

/** Folding cadence and log retention; tests fold after every edit. */
export type HubTuning = Pick<WorldHubOptions, 'foldEveryEdits' | 'foldEveryMs' | 'retainEdits'>;

/** The hub, and its database for the relay's other stores (webhooks) to share: one connection, one writer. */
export async function openHub(file: string, log: Logger, tuning: HubTuning = {}): Promise<HubPort & { db: Kysely<Database> }> {
  const db = openDatabase({ file });
  try {
    const hub = await createWorldHub({ db, dialect: 'sqlite', log, ...tuning });
    // The default world exists from the first start, so GET /worlds and the menu list it before anyone joins.
    await hub.defaultWorld();
    return {
      ...hub,
      db,
      async close() {
        await hub.close();
        await db.destroy();
      },
    };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
