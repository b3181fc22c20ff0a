/**
 * Child process of durability.test.ts: opens the relay's world engine on the given database file and
 * submits a storm of edits, printing each acknowledged edit_seq on its own line, until it is killed.
 * stdout to a pipe is synchronous on Linux, so a line the parent reads was acknowledged before it.
 * It stops itself after a while so a lost parent never leaves it running.
 */
import { openDatabase } from '../db/database.ts';
import { createWorldHub } from './world-hub.ts';
import { silentLog, surfaceEdits } from '../test/fixtures.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: durability-child.ts <database file>');
setTimeout(() => process.exit(3), 120_000).unref();

const db = openDatabase({ file });
// Keep every log entry, so the parent can check each acknowledged edit by its row; folds still run.
const hub = await createWorldHub({ db, dialect: 'sqlite', log: silentLog, foldEveryEdits: 64, retainEdits: 1e9 });
const world = await hub.defaultWorld();
const svc = (await hub.open(world.world_id))!;
process.stdout.write(`world ${world.world_id}\n`);

const edits = surfaceEdits(world.seed, 64);
for (let round = 0; round < 100_000; round++) {
  // Several edits per tick and several batches in flight: the shape of a real storm.
  const acks = Array.from({ length: 6 }, (_, i) => svc.submit(edits[(round * 6 + i) % edits.length], 'guest_storm1')
    .then((e) => { process.stdout.write(`${e.edit_seq}\n`); }));
  await acks[0];
}
