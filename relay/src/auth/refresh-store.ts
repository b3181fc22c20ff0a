/**
 * Where refresh tokens are kept. Only their SHA-256 hashes are stored, so a leaked store (a backup, a
 * debug dump) holds nothing anyone can sign in with. Every token belongs to a family: the chain of
 * rotations that started at one login. Revoking is per family (and per subject, for "log out
 * everywhere" or a ban), so one stolen token cannot outlive the session it came from.
 *
 * The interface is what the rotation logic needs and nothing more; memory-refresh-store.ts implements
 * it for tests, and a kysely implementation joins the database migrations.
 */

export interface RefreshFamily {
  id: string;
  /** The account the family signs in (a token subject's `sub`). */
  sub: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Set once, when the family is revoked; never cleared. */
  revokedAt: number | null;
}

export interface RefreshRecord {
  /** Hex SHA-256 of the token: the only form in which the token is stored. */
  hash: string;
  familyId: string;
  issuedAt: number;
  expiresAt: number;
  /** Set when the token was exchanged for the next one; presenting it again is reuse. */
  usedAt: number | null;
}

export interface RefreshStore {
  createFamily(family: RefreshFamily): Promise<void>;
  getFamily(id: string): Promise<RefreshFamily | null>;
  addToken(record: RefreshRecord): Promise<void>;
  findToken(hash: string): Promise<RefreshRecord | null>;
  /**
   * Marks the token used if it is not yet, in one step (compare-and-set): true for the one caller
   * that did, false for everyone else. Two concurrent refreshes with one token cannot both rotate.
   */
  markUsed(hash: string, at: number): Promise<boolean>;
  /** Revokes the family if it is not revoked already; false if there is no such family. */
  revokeFamily(id: string, at: number): Promise<boolean>;
  /** Revokes every family of `sub`; the number revoked. */
  revokeSubject(sub: string, at: number): Promise<number>;
  /** Forgets tokens expired before `now`, and families left with none; the number of tokens removed. */
  deleteExpired(now: number): Promise<number>;
}
