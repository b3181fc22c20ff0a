/**
 * The relay's settings, from command-line flags first, then the environment, then defaults. Flags
 * win so one shell can start two relays side by side; the environment is what a service manager
 * sets. Limits default to protocol/net/limits.ts (seeds 003 and 004) and can be overridden one by
 * one, e.g. `--limit chatPerMinute=120` or SPACETIME_LIMITS="chatPerMinute=120,editsPerSecond=20".
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RELAY_LIMITS, type RelayLimits } from '../../src/protocol/net/limits.ts';
import { CALLER_LIMITS, type CallerLimits } from './http/rate-limit.ts';

export interface HttpsFiles { key: string | Buffer; cert: string | Buffer }

export interface RelayConfig {
  port: number;
  host: string | undefined;
  dataDir: string;
  https: HttpsFiles | undefined;
  limits: RelayLimits;
  /** The HTTP door's budgets (seed 000 "Rate Limiting", seed 004's sign-ins): per IP, per token subject, expensive operations. */
  httpLimits: HttpLimits;
  /** The API token signing key; undefined = a random one per start (printed tokens die with the process). */
  tokenSecret: Uint8Array | undefined;
  /** A second port for the telemetry WebSocket alone (seed 000's 8081); undefined = only /telemetry on `port`. */
  telemetryPort: number | undefined;
  /** Creative mode (issue 12): pages may add items from nothing and set the time of day (tests, building sandboxes). */
  creative: boolean;
}

export const DEFAULT_PORT = 8080;
/** Seed 000 (100 requests and 10 writes a minute per IP) and seed 004 (5 sign-ins a minute). */
export const HTTP_LIMITS = { perMinute: 100, writesPerMinute: 10, authPerMinute: 5 } as const;

/** Every HTTP budget by name, e.g. `--http-limit writesPerMinute=100` (tests and scripted tools raise them). */
export type HttpLimits = { -readonly [K in keyof typeof HTTP_LIMITS]: number } & CallerLimits;

export function parseHttpLimits(specs: readonly string[]): HttpLimits {
  const limits: HttpLimits = { ...HTTP_LIMITS, ...CALLER_LIMITS };
  for (const spec of specs.flatMap((s) => s.split(',')).filter(Boolean)) {
    const [key, raw] = spec.split('=');
    const value = Number(raw);
    if (!(key in limits)) throw new Error(`unknown HTTP limit "${key}" (known: ${Object.keys(limits).join(', ')})`);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`HTTP limit ${key} must be a positive number, got "${raw}"`);
    limits[key as keyof HttpLimits] = value;
  }
  return limits;
}

type Env = Record<string, string | undefined>;

/** `--name value` and `--name=value`; a flag given twice keeps the last (a wrapper can append). */
function readFlags(argv: readonly string[]): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return flags;
}

export function parseLimits(specs: readonly string[], base: RelayLimits = { ...RELAY_LIMITS }): RelayLimits {
  const limits = { ...base };
  for (const spec of specs.flatMap((s) => s.split(',')).filter(Boolean)) {
    const [key, raw] = spec.split('=');
    const value = Number(raw);
    if (!(key in limits)) throw new Error(`unknown limit "${key}" (known: ${Object.keys(limits).join(', ')})`);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`limit ${key} must be a positive number, got "${raw}"`);
    limits[key as keyof RelayLimits] = value;
  }
  return limits;
}

function port(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PORT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`port must be 0..65535, got "${raw}"`);
  return n;
}

function optionalPort(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : port(raw);
}

/** At least 32 bytes (HS256's key length), so a guessable short secret is refused at start. */
function tokenSecret(raw: string | undefined): Uint8Array | undefined {
  if (raw === undefined) return undefined;
  const bytes = new TextEncoder().encode(raw);
  if (bytes.length < 32) throw new Error(`the token secret must be at least 32 bytes, got ${bytes.length}`);
  return bytes;
}

export function loadConfig(argv: readonly string[] = process.argv.slice(2), env: Env = process.env): RelayConfig {
  const flags = readFlags(argv);
  const last = (name: string): string | undefined => flags.get(name)?.at(-1);
  // HTTPS_KEY/HTTPS_CERT are the names vite.config.ts reads, kept so `npm run dev` and `npm start` agree.
  const keyPath = last('https-key') ?? env.SPACETIME_HTTPS_KEY ?? env.HTTPS_KEY;
  const certPath = last('https-cert') ?? env.SPACETIME_HTTPS_CERT ?? env.HTTPS_CERT;
  if (Boolean(keyPath) !== Boolean(certPath)) throw new Error('HTTPS needs both a key and a certificate (--https-key and --https-cert)');
  return {
    port: port(last('port') ?? env.PORT),
    host: last('host') ?? env.HOST,
    dataDir: resolve(last('data') ?? env.SPACETIME_DATA ?? './data'),
    // A self-signed certificate on the LAN: a Quest only allows WebXR in a secure context.
    https: keyPath && certPath ? { key: readFileSync(keyPath), cert: readFileSync(certPath) } : undefined,
    limits: parseLimits([...(env.SPACETIME_LIMITS ? [env.SPACETIME_LIMITS] : []), ...(flags.get('limit') ?? [])]),
    httpLimits: parseHttpLimits([...(env.SPACETIME_HTTP_LIMITS ? [env.SPACETIME_HTTP_LIMITS] : []), ...(flags.get('http-limit') ?? [])]),
    tokenSecret: tokenSecret(last('token-secret') ?? env.SPACETIME_TOKEN_SECRET),
    telemetryPort: optionalPort(last('telemetry-port') ?? env.SPACETIME_TELEMETRY_PORT),
    creative: (last('creative') ?? env.SPACETIME_CREATIVE ?? 'false') !== 'false',
  };
}
