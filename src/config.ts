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
  };
  if (config.env === 'production' && config.demoData === 'on') {
    throw new ConfigError('DEMO_DATA', 'demo data cannot be switched on in production');
  }
  return Object.freeze(config);
}
