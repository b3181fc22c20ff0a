/**
 * The game pages that serve the control API to the relay's HTTP door, by the client_id each gave
 * when it authenticated. A page's id lives in its tab (sessionStorage), so it survives the page's
 * reconnects and a tool can keep addressing it with X-Spacetime-Client. A copied tab carries the
 * same id: the newer connection takes it, the older one keeps playing but no longer serves calls.
 */
import type { RelaySocket } from './server-types.ts';

export type PagePick = { ok: true; socket: RelaySocket; clientId: string } | { ok: false; why: 'none' | 'unknown' | 'ambiguous'; ids: string[] };

export class ApiPages {
  private readonly byId = new Map<string, RelaySocket>();
  private readonly idOf = new Map<RelaySocket, string>();

  add(clientId: string, socket: RelaySocket): void {
    this.remove(socket);
    const previous = this.byId.get(clientId);
    if (previous) this.idOf.delete(previous);
    this.byId.set(clientId, socket);
    this.idOf.set(socket, clientId);
  }

  remove(socket: RelaySocket): void {
    const id = this.idOf.get(socket);
    if (id === undefined) return;
    this.idOf.delete(socket);
    if (this.byId.get(id) === socket) this.byId.delete(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** The page named by `wanted`, or with no name the only page connected. */
  pick(wanted: string | undefined): PagePick {
    if (wanted !== undefined) {
      const socket = this.byId.get(wanted);
      return socket ? { ok: true, socket, clientId: wanted } : { ok: false, why: this.byId.size ? 'unknown' : 'none', ids: this.ids() };
    }
    if (this.byId.size === 1) {
      const [[clientId, socket]] = this.byId;
      return { ok: true, socket, clientId };
    }
    return { ok: false, why: this.byId.size ? 'ambiguous' : 'none', ids: this.ids() };
  }
}
