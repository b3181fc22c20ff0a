import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkPassword, commonPasswords, isCommonPassword, MIN_COMMON_PASSWORDS, type PasswordProblemCode } from '../src/auth/password-policy.ts';

const codes = (password: string): PasswordProblemCode[] => checkPassword(password).map((p) => p.code);

describe('STANDARD password policy (seed 001)', () => {
  it('accepts a long password that breaks no rule', () => {
    for (const ok of ['Tr0mbone-Galaxy!', 'purple hippo waltz', 'k9!Vx2#mQ7@z', 'ünïcödé-päss-wörd']) {
      expect(checkPassword(ok), ok).toEqual([]);
    }
  });

  it('needs at least 12 characters, and says how many there were', () => {
    expect(checkPassword('Tr0mb!Galax')).toEqual([{ code: 'TOO_SHORT', message: 'Password must be at least 12 characters long (currently 11)' }]);
    expect(codes('Tr0mb!Galaxy')).toEqual([]);
    // Characters, not UTF-16 units: eleven emoji are 22 units but still too short.
    expect(codes('🦊🐙🌵🎺🚀🧊🍋🎲🪐🧭🦉')).toEqual(['TOO_SHORT']);
  });

  it("refuses the seed's own examples of common passwords, ignoring case", () => {
    expect(codes('password')).toContain('COMMON');
    expect(codes('PassWord')).toContain('COMMON');
    // On the list and long enough, with no run: refused for being common alone.
    expect(checkPassword('leavemealone')).toEqual([
      { code: 'COMMON', message: 'This password is too common and easily guessed. Please choose a more unique password.' },
    ]);
    expect(codes('SonyEricsson')).toEqual(['COMMON']);
  });

  it('ships a real list of at least 10,000 common passwords and refuses every one of the top 10,000', () => {
    expect(commonPasswords().size).toBeGreaterThanOrEqual(MIN_COMMON_PASSWORDS);
    const path = createRequire(import.meta.url).resolve('@zxcvbn-ts/language-common/src/passwords.json');
    const top = (JSON.parse(readFileSync(path, 'utf8')) as string[]).slice(0, 10_000);
    expect(top).toHaveLength(10_000);
    expect(top.filter((p) => !isCommonPassword(p))).toEqual([]);
    expect(isCommonPassword('Tr0mbone-Galaxy!')).toBe(false);
  });

  it('refuses three or more sequential letters or digits, rising or falling, in any case', () => {
    for (const bad of ['my-abc-tromboneX', 'tromboneX-xyz!!', 'Tr0mbone-123!', 'Tr0mbone-cba!', 'Tr0mbone-321!', 'Tr0mbone-AbC!', 'Tr0mbone-7890!']) {
      expect(codes(bad), bad).toContain('SEQUENTIAL');
    }
    // Two in a row, a turn (ab-a), a jump over the alphabet's end, and non-alphanumerics are not runs.
    for (const ok of ['Tr0mbone-ab!-12', 'Tr0mbone-aba-21', 'Tr0mbone-yza-90', 'Tr0mbone-#$%-&']) {
      expect(codes(ok), ok).not.toContain('SEQUENTIAL');
    }
  });

  it('refuses a character repeated three or more times in a row, in any case', () => {
    for (const bad of ['Tr0mbone-aaa!', 'Tr0mbone-1111', 'Tr0mbone-aAa!', 'Tr0mbone-!!!x']) {
      expect(codes(bad), bad).toContain('REPEATED');
    }
    expect(codes('Tr0mbone-aa!-11')).not.toContain('REPEATED');
  });

  it('reports every rule a password breaks at once', () => {
    expect(codes('Qv-aaa-xyz')).toEqual(['TOO_SHORT', 'SEQUENTIAL', 'REPEATED']);
    expect(codes('aaa123')).toEqual(['TOO_SHORT', 'COMMON', 'SEQUENTIAL', 'REPEATED']);
    expect(codes('123456')).toEqual(['TOO_SHORT', 'COMMON', 'SEQUENTIAL']);
    expect(codes('')).toEqual(['TOO_SHORT']);
  });

  it('never quotes the password in a message (messages may be logged)', () => {
    const secret = 'zzzq';
    for (const problem of checkPassword(`${secret}abc`)) expect(problem.message).not.toContain(secret);
  });
});
