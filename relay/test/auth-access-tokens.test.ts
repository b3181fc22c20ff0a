import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AccessTokens, type TokenSubject } from '../src/auth/access-tokens.ts';

const SECRET = new TextEncoder().encode('a test secret of at least thirty-two bytes');
const SUBJECT: TokenSubject = { sub: 'user_42', username: 'player_001', scopes: ['read', 'write'] };
const T0 = Date.UTC(2025, 11, 2, 10, 30, 0);

function withClock(start = T0) {
  const clock = { now: start };
  const tokens = new AccessTokens({ secret: SECRET, lifetimeSeconds: 15 * 60, now: () => clock.now });
  return { clock, tokens };
}

describe('access tokens (JWT, HS256)', () => {
  it("carries exactly seed 000's claims, with iat now and exp one lifetime later", async () => {
    const { tokens } = withClock();
    const { token, expiresAt } = await tokens.issue(SUBJECT);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const iat = T0 / 1000;
    expect(decodeJwt(token)).toEqual({ sub: 'user_42', username: 'player_001', iat, exp: iat + 900, scopes: ['read', 'write'] });
    expect(expiresAt.toISOString()).toBe('2025-12-02T10:45:00.000Z');
    expect(await tokens.verify(token)).toEqual({ ok: true, claims: { ...SUBJECT, iat, exp: iat + 900 } });
  });

  it('is valid until exp and TOKEN_EXPIRED from then on (the injected clock decides)', async () => {
    const { clock, tokens } = withClock();
    const { token } = await tokens.issue(SUBJECT);
    clock.now = T0 + 899_000;
    expect((await tokens.verify(token)).ok).toBe(true);
    clock.now = T0 + 900_000;
    expect(await tokens.verify(token)).toMatchObject({ ok: false, code: 'TOKEN_EXPIRED' });
  });

  it('refuses a tampered token as INVALID_TOKEN, even once it has expired', async () => {
    const { clock, tokens } = withClock();
    const { token } = await tokens.issue(SUBJECT);
    const [header, payload, signature] = token.split('.');
    const raised = Buffer.from(JSON.stringify({ ...decodeJwt(token), scopes: ['read', 'write', 'admin'] })).toString('base64url');
    expect(await tokens.verify(`${header}.${raised}.${signature}`)).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    expect(await tokens.verify(`${header}.${payload}.${flipped}`)).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    clock.now = T0 + 3_600_000;
    expect(await tokens.verify(`${header}.${raised}.${signature}`)).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    expect(await tokens.verify(token)).toMatchObject({ ok: false, code: 'TOKEN_EXPIRED' });
  });

  it('refuses garbage, another key, alg "none", and tokens whose claims are not ours', async () => {
    const { tokens } = withClock();
    for (const junk of ['', 'not-a-jwt', 'a.b.c']) expect(await tokens.verify(junk)).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    const other = new AccessTokens({ secret: new TextEncoder().encode('another secret, also thirty-two bytes long'), now: () => T0 });
    expect(await tokens.verify((await other.issue(SUBJECT)).token)).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    const claims = decodeJwt((await tokens.issue(SUBJECT)).token);
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect(await tokens.verify(unsigned)).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    const sign = (payload: Record<string, unknown>) => new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(SECRET);
    // Signed with the right key but shaped wrong: an unknown scope, an extra claim, no username.
    expect(await tokens.verify(await sign({ ...claims, scopes: ['root'] }))).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    expect(await tokens.verify(await sign({ ...claims, role: 'Admin' }))).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    expect(await tokens.verify(await sign({ sub: claims.sub, iat: claims.iat, exp: claims.exp, scopes: [] }))).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
  });

  it('refuses a short secret and a bad lifetime when built', () => {
    expect(() => new AccessTokens({ secret: new Uint8Array(16) })).toThrow(/32 bytes/);
    expect(() => new AccessTokens({ secret: SECRET, lifetimeSeconds: 0 })).toThrow(/lifetime/);
  });
});
