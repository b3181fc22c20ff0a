/**
 * Feeding and commanding the creature the player aims at, for the VR wrist's creature page (the
 * desktop's are in ui/CreatureCard.tsx and ui/CommandWheel.tsx): the row's action, and the page's
 * contents with the last answer.
 */
import { creatureId } from '../../protocol/creatures.ts';
import { ITEMS, isItemId } from '../../engine/items.ts';
import type { GameStore } from '../../state/game-store.ts';
import { ROW_COMMANDS, type WristCreature } from '../../xr/wrist-creature-page.ts';
import type { CreatureService } from './creature-service.ts';

const NAMES: Record<string, string> = { grazer: 'Grazer', alien_predator: 'Alien predator', skyray: 'Skyray', rockling: 'Rockling' };

export function createCreatureActions(creatures: CreatureService, store: GameStore, me: () => string) {
  let note: WristCreature['note'] = null;
  const page: WristCreature = { title: null, detail: '', selected: 0, note: null };
  return {
    /** Row 0 feeds; rows 1..5 give ROW_COMMANDS[row - 1]. */
    act(row: number): void {
      const n = store.getState().aimedCreature;
      if (n === null) { note = { text: 'Look at a creature first', ok: false }; return; }
      const id = creatureId(n);
      const done = (r: { ok: true } | { ok: false; error: { message: string } }, text: string) => {
        note = r.ok ? { text, ok: true } : { text: r.error.message, ok: false };
      };
      if (row === 0) void creatures.feed(id).then((r) => done(r, r.ok && r.value.tamed ? 'Tamed! It follows you now.' : 'Fed'));
      else void creatures.command(id, ROW_COMMANDS[row - 1]).then((r) => done(r, `Command: ${ROW_COMMANDS[row - 1]}`));
    },
    wristPage(selected: number): WristCreature {
      const n = store.getState().aimedCreature;
      const info = n === null ? null : creatures.info(creatureId(n));
      page.selected = selected;
      page.note = note;
      if (!info?.ok) { page.title = null; page.detail = 'Within a few metres, in front of you'; return page; }
      const c = info.value;
      page.title = `${NAMES[c.creature_type] ?? c.creature_type} Lv ${c.level}`;
      const who = c.tamed ? (c.owner === me() ? 'yours' : `${c.owner}'s`) : 'wild';
      const food = c.taming && isItemId(c.taming.food) ? ` · feed ${ITEMS[c.taming.food].name.toLowerCase()} ${c.taming.fed}/${c.taming.needed}` : '';
      page.detail = `${who} · ${c.state} · ${Math.round(c.health)}/${Math.round(c.max_health)}${food}`;
      return page;
    },
  };
}
