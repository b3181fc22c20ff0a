/**
 * The game pages that serve the control API to the relay's HTTP door, by the client_id each gave
 * when it authenticated, with who it plays as (its owner). A page's id lives in its tab
 * (sessionStorage), so it survives the page's reconnects and a tool can keep addressing it with
 * X-Spacetime-Client. A copied tab carries the same id: the owner's newer connection takes it; a
 * connection playing as someone else cannot.
 *
 * Who may drive a page: its owner's tokens (a signed-in player scripting their own game), and
 * admin-scope tokens (the operator's printed token). Nobody else sees that it exists.
 */
import type { RelaySocket } from './server-types.ts';

export type PagePick = { ok: true; socket: RelaySocket; clientId: string } | { ok: false; why: 'none' | 'unknown' | 'ambiguous'; ids: string[] };

/** Who is asking: a token's subject, and whether it has the admin scope (which reaches every page). */
export interface PageCaller { sub: string; admin: boolean }

interface Entry { socket: RelaySocket; owner: string }

export class ApiPages {
  private readonly byId = new Map<string, Entry>();
  private readonly idOf = new Map<RelaySocket, string>();

  /** False (nothing changes) when another owner's page holds the id. */
  add(clientId: string, socket: RelaySocket, owner: string): boolean {
    const previous = this.byId.get(clientId);
    if (previous && previous.socket !== socket && previous.owner !== owner) return false;
    this.remove(socket);
    if (previous) this.idOf.delete(previous.socket);
    this.byId.set(clientId, { socket, owner });
    this.idOf.set(socket, clientId);
    return true;
  }

  remove(socket: RelaySocket): void {
    const id = this.idOf.get(socket);
    if (id === undefined) return;
    this.idOf.delete(socket);
    if (this.byId.get(id)?.socket === socket) this.byId.delete(id);
  }

  /** The page named by `wanted`, or with no name the only page `caller` may drive. */
  pick(wanted: string | undefined, caller: PageCaller): PagePick {
    const mine = [...this.byId].filter(([, e]) => caller.admin || e.owner === caller.sub);
    const ids = mine.map(([id]) => id);
    if (wanted !== undefined) {
      const hit = mine.find(([id]) => id === wanted);
      return hit ? { ok: true, socket: hit[1].socket, clientId: wanted } : { ok: false, why: mine.length ? 'unknown' : 'none', ids };
    }
    if (mine.length === 1) return { ok: true, socket: mine[0][1].socket, clientId: mine[0][0] };
    return { ok: false, why: mine.length ? 'ambiguous' : 'none', ids };
  }
}

/** Why no page was picked, in seed 000's terms: the same words from the HTTP door and /telemetry. */
export function pickRefusal(pick: Extract<PagePick, { ok: false }>, wanted: string | undefined): { code: 'SERVICE_UNAVAILABLE' | 'RESOURCE_NOT_FOUND' | 'CONFLICT'; message: string } {
  if (pick.why === 'none') return { code: 'SERVICE_UNAVAILABLE', message: 'no game page this token may drive is connected (your own signed-in game, or any with an admin token): open the game, then try again' };
  if (pick.why === 'unknown') return { code: 'RESOURCE_NOT_FOUND', message: `no connected page is ${wanted}; connected: ${pick.ids.join(', ')}` };
  return { code: 'CONFLICT', message: `${pick.ids.length} game pages are connected: name one with X-Spacetime-Client (or ?client= on /telemetry): ${pick.ids.join(', ')}` };
}
