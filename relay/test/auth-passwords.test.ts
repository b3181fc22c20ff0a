import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, OWASP_ARGON2ID, verifyPassword } from '../src/auth/passwords.ts';

const PASSWORD = 'Tr0mbone-Galaxy!';

describe('password hashing (argon2id, OWASP parameters)', () => {
  it('hashes as argon2id v19 with m=19 MiB, t=2, p=1 and a random salt', async () => {
    const [first, second] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(parseOptions(first)).toMatchObject({ memoryCost: 19 * 1024, timeCost: 2, parallelism: 1, outputLen: 32, saltLen: 16 });
    expect(first).not.toBe(second);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(stored, PASSWORD)).toBe(true);
    expect(await verifyPassword(stored, 'Tr0mbone-Galaxy?')).toBe(false);
    expect(await verifyPassword(stored, PASSWORD.toLowerCase())).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('answers false, without throwing, for a stored value that is not a hash', async () => {
    const stored = await hashPassword(PASSWORD);
    // '!' is what guest rows hold today (db/users-repo.ts).
    for (const malformed of ['!', '', 'plain-text-password', stored.slice(0, 40), '$argon2id$v=19$m=19456,t=2,p=1$$']) {
      await expect(verifyPassword(malformed, PASSWORD), malformed).resolves.toBe(false);
    }
  });

  it('asks for a rehash when a hash was made with other parameters, or is not a hash', async () => {
    const current = await hashPassword(PASSWORD);
    expect(needsRehash(current)).toBe(false);
    const weaker = await hashPassword(PASSWORD, { ...OWASP_ARGON2ID, memoryCost: 4096, timeCost: 1 });
    expect(await verifyPassword(weaker, PASSWORD)).toBe(true);
    expect(needsRehash(weaker)).toBe(true);
    expect(needsRehash(current, { ...OWASP_ARGON2ID, timeCost: 3 })).toBe(true);
    expect(needsRehash('!')).toBe(true);
  });

  it('hashes off the event loop: a timer keeps firing while hashes run', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const started = Date.now();
    await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    const elapsed = Date.now() - started;
    clearInterval(timer);
    // A synchronous hash would block every tick for the whole run; on the thread pool most get through.
    expect(ticks).toBeGreaterThan(Math.min(5, elapsed / 10));
  });
});
