/**
 * Who is connected as whom: seed 003's "max connections per user" (5). A player with the game open
 * in a few tabs or devices is fine; the sixth connection authenticating as the same identity is
 * refused, so one identity cannot fill the relay. A connection counts from its authenticate until it
 * disconnects or authenticates as someone else.
 */
export class Identities {
  private readonly byUser = new Map<string, Set<object>>();
  private readonly userOf = new Map<object, string>();

  constructor(private readonly perUser: () => number) {}

  /** Counts `connection` as `userId`; false (and nothing changes) if that identity is at its limit. */
  claim(connection: object, userId: string): boolean {
    if (this.userOf.get(connection) === userId) return true;
    const set = this.byUser.get(userId);
    if (set && set.size >= this.perUser()) return false;
    this.release(connection);
    if (set) set.add(connection);
    else this.byUser.set(userId, new Set([connection]));
    this.userOf.set(connection, userId);
    return true;
  }

  release(connection: object): void {
    const userId = this.userOf.get(connection);
    if (userId === undefined) return;
    this.userOf.delete(connection);
    const set = this.byUser.get(userId)!;
    set.delete(connection);
    if (set.size === 0) this.byUser.delete(userId);
  }
}
