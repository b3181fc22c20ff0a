/**
 * A RefreshStore in plain Maps: the unit tests' store, and a correct one for a relay that need not
 * keep sessions across restarts. Records are copied in and out so a caller cannot change stored state
 * by mutating an object it holds.
 */
import type { RefreshFamily, RefreshRecord, RefreshStore } from './refresh-store.ts';

export class MemoryRefreshStore implements RefreshStore {
  private readonly families = new Map<string, RefreshFamily>();
  private readonly tokens = new Map<string, RefreshRecord>();

  async createFamily(family: RefreshFamily): Promise<void> {
    if (this.families.has(family.id)) throw new Error(`refresh family ${family.id} exists already`);
    this.families.set(family.id, { ...family });
  }

  async getFamily(id: string): Promise<RefreshFamily | null> {
    const family = this.families.get(id);
    return family ? { ...family } : null;
  }

  async addToken(record: RefreshRecord): Promise<void> {
    if (!this.families.has(record.familyId)) throw new Error(`refresh family ${record.familyId} does not exist`);
    if (this.tokens.has(record.hash)) throw new Error('refresh token hash exists already');
    this.tokens.set(record.hash, { ...record });
  }

  async findToken(hash: string): Promise<RefreshRecord | null> {
    const record = this.tokens.get(hash);
    return record ? { ...record } : null;
  }

  async markUsed(hash: string, at: number): Promise<boolean> {
    const record = this.tokens.get(hash);
    if (!record || record.usedAt !== null) return false;
    record.usedAt = at;
    return true;
  }

  async revokeFamily(id: string, at: number): Promise<boolean> {
    const family = this.families.get(id);
    if (!family) return false;
    family.revokedAt ??= at;
    return true;
  }

  async revokeSubject(sub: string, at: number): Promise<number> {
    let revoked = 0;
    for (const family of this.families.values()) {
      if (family.sub !== sub || family.revokedAt !== null) continue;
      family.revokedAt = at;
      revoked++;
    }
    return revoked;
  }

  async deleteExpired(now: number): Promise<number> {
    let removed = 0;
    const live = new Set<string>();
    for (const [hash, record] of this.tokens) {
      if (record.expiresAt < now) {
        this.tokens.delete(hash);
        removed++;
      } else {
        live.add(record.familyId);
      }
    }
    for (const id of this.families.keys()) if (!live.has(id)) this.families.delete(id);
    return removed;
  }
}
