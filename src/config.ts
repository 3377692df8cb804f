import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];
export const environments = ['development', 'production', 'test'] as const;
export type Environment = (typeof environments)[number];
export const demoDataModes = ['auto', 'on', 'off'] as const;
export type DemoDataMode = (typeof demoDataModes)[number];

export interface Config {
  readonly env: Environment;
  readonly host: string;
  readonly port: number;
  /** The public address of the site, without a trailing slash; used in links, feeds and the API document. */
  readonly baseUrl: string;
  readonly dataDir: string;
  /** PostgreSQL connection string; when absent the embedded SQLite database in dataDir is used. */
  readonly databaseUrl: string | undefined;
  readonly logLevel: LogLevel;
  /** Seed the labelled demo dataset: auto = on an empty embedded database outside production. */
  readonly demoData: DemoDataMode;
  /** Number of reverse proxies in front of the app whose X-Forwarded-* headers are trusted. */
  readonly trustProxy: number;
  /** Key for CSRF tokens and for encrypting second-factor secrets; at least 32 characters. */
  readonly secretKey: string;
  /** smtp:// or smtps:// address of the mail server; when absent, e-mail is kept for administrators to read. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly session: { readonly idleMinutes: number; readonly maxHours: number };
  /** Single sign-on with a council's OpenID Connect provider, when configured. */
  readonly oidc:
    | { readonly issuer: string; readonly clientId: string; readonly clientSecret: string; readonly label: string }
    | undefined;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Configuration error in ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, `"${raw}" is not one of ${allowed.join(', ')}`);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `${value} is outside ${min}–${max}`);
  return value;
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/**
 * The secret key: SECRET_KEY, required in production so that every instance shares it. Outside
 * production a missing key is made once and kept in the data folder (tests use a fixed one).
 */
function secretKey(env: Env, nodeEnv: Environment, dataDir: string): string {
  const raw = env.SECRET_KEY?.trim();
  if (raw) {
    if (raw.length < 32) throw new ConfigError('SECRET_KEY', 'must be at least 32 characters long');
    return raw;
  }
  if (nodeEnv === 'production') throw new ConfigError('SECRET_KEY', 'must be set in production (at least 32 random characters)');
  if (nodeEnv === 'test') return 'test-only-secret-key-0123456789abcdef';
  const file = path.join(dataDir, 'secret-key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const made = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${made}\n`, { mode: 0o600 });
  return made;
}

function oidc(env: Env): Config['oidc'] {
  const issuer = url(env, 'OIDC_ISSUER', ['http:', 'https:']);
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer && !clientId && !clientSecret) return undefined;
  if (!issuer) throw new ConfigError('OIDC_ISSUER', 'must be set when OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is');
  if (!clientId) throw new ConfigError('OIDC_CLIENT_ID', 'must be set when OIDC_ISSUER is');
  if (!clientSecret) throw new ConfigError('OIDC_CLIENT_SECRET', 'must be set when OIDC_ISSUER is');
  return { issuer, clientId, clientSecret, label: env.OIDC_LABEL?.trim() || 'council sign-in' };
}

/** Reads the configuration from the environment once; a wrong value throws a ConfigError naming the variable. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', environments, 'development');
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || '127.0.0.1';
  const baseUrl = (url(env, 'BASE_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const config: Config = {
    env: nodeEnv,
    host,
    port,
    baseUrl,
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    databaseUrl,
    logLevel: oneOf(env, 'LOG_LEVEL', logLevels, nodeEnv === 'test' ? 'silent' : 'info'),
    demoData: oneOf(env, 'DEMO_DATA', demoDataModes, 'auto'),
    trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 10),
    secretKey: secretKey(env, nodeEnv, path.resolve(env.DATA_DIR?.trim() || './data')),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM?.trim() || `S3 East and North Finland <no-reply@${new URL(baseUrl).hostname}>`,
    session: {
      idleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 5, 480),
      maxHours: integer(env, 'SESSION_MAX_HOURS', 12, 1, 72),
    },
    oidc: oidc(env),
  };
  if (config.env === 'production' && config.demoData === 'on') {
    throw new ConfigError('DEMO_DATA', 'demo data cannot be switched on in production');
  }
  return Object.freeze(config);
}
