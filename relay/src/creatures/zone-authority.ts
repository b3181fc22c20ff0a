/**
 * Who simulates which 1000 m zone of one world (seed 000's authority zones). A player is in the
 * zone of its last pose; every zone with a player in it has exactly one authority, the client whose
 * player has been in it longest (first come). A review, given where every player is now, revokes
 * each zone whose authority left the world or crossed out of it, then grants every zone that has a
 * player but no authority: revokes first, so a player crossing from A to B hands A on and takes B in
 * the same review. A player is in one zone at a time, so a client holds at most one.
 */
export interface Holder<S> { session: S; peer: number }

export interface AuthorityEvents<S> {
  grant(zone: string, holder: Holder<S>): void;
  revoke(zone: string, holder: Holder<S>): void;
}

/** Where a player is: its session, peer id and zone (null before its first pose). */
export interface Presence<S> { session: S; peer: number; zone: string | null }

export class ZoneAuthority<S> {
  private readonly holders = new Map<string, Holder<S>>();
  private readonly heldBy = new Map<S, string>();
  private readonly where = new Map<S, { zone: string; since: number; peer: number }>();
  private order = 0;

  constructor(private readonly events: AuthorityEvents<S>) {}

  holder(zone: string): Holder<S> | undefined { return this.holders.get(zone); }
  /** The zone `session` holds, if any. */
  heldZone(session: S): string | undefined { return this.heldBy.get(session); }
  /** The zone `session`'s player is in, as of the last review. */
  zoneOf(session: S): string | undefined { return this.where.get(session)?.zone; }

  /** Zone → peer id of its authority. */
  authorities(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [zone, h] of this.holders) out[zone] = h.peer;
    return out;
  }

  review(present: Iterable<Presence<S>>): void {
    const seen = new Set<S>();
    for (const p of present) {
      if (p.zone === null) continue;
      seen.add(p.session);
      const w = this.where.get(p.session);
      if (!w || w.zone !== p.zone || w.peer !== p.peer) this.where.set(p.session, { zone: p.zone, since: this.order++, peer: p.peer });
    }
    for (const s of [...this.where.keys()]) if (!seen.has(s)) this.where.delete(s);

    for (const [zone, h] of [...this.holders]) {
      const w = this.where.get(h.session);
      if (w && w.zone === zone && w.peer === h.peer) continue;
      this.holders.delete(zone);
      this.heldBy.delete(h.session);
      this.events.revoke(zone, h);
    }

    const first = new Map<string, { session: S; since: number; peer: number }>();
    for (const [session, w] of this.where) {
      if (this.holders.has(w.zone)) continue;
      const best = first.get(w.zone);
      if (!best || w.since < best.since) first.set(w.zone, { session, since: w.since, peer: w.peer });
    }
    for (const [zone, c] of first) {
      const h: Holder<S> = { session: c.session, peer: c.peer };
      this.holders.set(zone, h);
      this.heldBy.set(c.session, zone);
      this.events.grant(zone, h);
    }
  }
}
