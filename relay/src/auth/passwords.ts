/**
 * Password hashing: argon2id through @node-rs/argon2, at the OWASP Password Storage Cheat Sheet's
 * first recommended setting (m = 19 MiB, t = 2, p = 1). The library's async calls run on libuv's
 * thread pool, so a login storm queues hashes there and does not stall the event loop that serves
 * every other player. Hashes are PHC strings ($argon2id$v=19$m=19456,t=2,p=1$salt$hash) that carry
 * their own parameters and a random 16-byte salt.
 */
import { availableParallelism } from 'node:os';
import { hash, parseOptions, verify, type Algorithm, type Options, type Version } from '@node-rs/argon2';

/**
 * Hashes running at once: one core fewer than the machine has (at least one). libuv's pool has 4
 * threads, and 4 hashes at once on 2 cores starve the event loop of CPU (measured: event-loop p99
 * 32 ms during 50 concurrent logins); the rest wait their turn here instead.
 */
const MAX_CONCURRENT_HASHES = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

// The package declares these as `const enum`, which isolatedModules cannot read: the values are
// its documented ones (Algorithm.Argon2id = 2, Version.V0x13 = 1, i.e. argon2 version 19).
const ARGON2ID = 2 as Algorithm;
const VERSION_19 = 1 as Version;

export interface Argon2Params {
  /** Memory in KiB. */
  memoryCost: number;
  /** Passes over the memory. */
  timeCost: number;
  /** Lanes. */
  parallelism: number;
  /** Bytes of output. */
  outputLen: number;
}

/** OWASP: "m=19456 (19 MiB), t=2, p=1". A change here makes needsRehash true for older hashes. */
export const OWASP_ARGON2ID: Readonly<Argon2Params> = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

function options(params: Argon2Params): Options {
  return { ...params, algorithm: ARGON2ID, version: VERSION_19 };
}

export function hashPassword(password: string, params: Argon2Params = OWASP_ARGON2ID): Promise<string> {
  return limited(() => hash(password, options(params)));
}

/** Parameters of a stored hash, or null when it is not an argon2 PHC string at all. */
function parsed(stored: string): ReturnType<typeof parseOptions> | null {
  try {
    return parseOptions(stored);
  } catch {
    return null;
  }
}

/**
 * True when `password` matches `stored`. A stored value that is not an argon2 hash (a placeholder
 * such as the guest rows' '!', a truncated column) matches nothing and answers false rather than
 * throwing, so a login route has one path for "wrong". Any other failure is real and propagates.
 */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (parsed(stored) === null) return false;
  return limited(() => verify(stored, password));
}

/**
 * True when `stored` was not made with `params` as argon2id version 19 (or is not a hash at all), so
 * the caller should hash the password again after a successful login and store the new hash.
 */
export function needsRehash(stored: string, params: Argon2Params = OWASP_ARGON2ID): boolean {
  const p = parsed(stored);
  if (p === null) return true;
  return p.algorithm !== ARGON2ID || p.version !== VERSION_19 || p.memoryCost !== params.memoryCost
    || p.timeCost !== params.timeCost || p.parallelism !== params.parallelism || p.outputLen !== params.outputLen;
}
