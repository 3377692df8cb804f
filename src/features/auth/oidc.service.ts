import * as client from 'openid-client';
import type { Config } from '../../config.js';
import type { Db, Executor } from '../../db/database.js';
import type { UserRow } from '../../db/schema.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { needsSecondFactor } from '../../policies/policies.js';
import { sha256Hex } from '../../security/tokens.js';
import { appendAudit, type Actor } from '../audit/audit.repository.js';
import { safeNextPath } from './auth.service.js';
import { startSession } from './session.service.js';
import { findUserByEmail, rolesOfUser, updateUser } from './users.repository.js';

/** How long a started sign-in may take at the provider before its state is worth nothing. */
export const OIDC_FLOW_MINUTES = 10;

type OidcConfig = NonNullable<Config['oidc']>;

/** What the callback needs to finish a flow, kept server-side under the state's hash. */
interface FlowData {
  nonce: string;
  verifier: string;
  locale: Locale;
  next: string;
}

export function redirectUri(config: Config): string {
  return `${config.baseUrl}/auth/oidc/callback`;
}

/**
 * The provider's metadata, fetched once per process on first use. A failed discovery is not kept,
 * so the next sign-in tries again once the provider is back.
 */
export function oidcDiscovery(config: Config, oidc: OidcConfig): () => Promise<client.Configuration> {
  let cached: Promise<client.Configuration> | null = null;
  return () => {
    cached ??= client
      .discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        undefined,
        client.ClientSecretBasic(oidc.clientSecret),
        // Plain http is only for a provider on the developer's own machine or in tests.
        oidc.issuer.startsWith('http:') && config.env !== 'production' ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        cached = null;
        throw error;
      });
    return cached;
  };
}

/** Starts a flow: remembers state, nonce and PKCE verifier for ten minutes and returns where to send the browser. */
export async function startOidcFlow(
  db: Db,
  provider: client.Configuration,
  config: Config,
  input: { locale: Locale; next: string },
  now: Date,
): Promise<{ url: URL; state: string }> {
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  const data: FlowData = { nonce, verifier, locale: input.locale, next: safeNextPath(input.next, '') };
  // Flows nobody finished are useless after their ten minutes; clear them out as new ones start.
  await db
    .deleteFrom('one_time_tokens')
    .where('purpose', '=', 'oidc')
    .where('expires_at', '<', new Date(now.getTime() - 86_400_000).toISOString())
    .execute();
  await db
    .insertInto('one_time_tokens')
    .values({
      token_hash: sha256Hex(state),
      purpose: 'oidc',
      user_id: null,
      data: JSON.stringify(data),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + OIDC_FLOW_MINUTES * 60_000).toISOString(),
      used_at: null,
    })
    .execute();
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: redirectUri(config),
    scope: 'openid email',
    response_type: 'code',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ui_locales: input.locale,
  });
  return { url, state };
}

/**
 * Takes the flow of a state out of the store: once only, and only before it expires. Spending it
 * before talking to the provider means a replayed callback finds nothing, even a moment later.
 */
async function takeFlow(db: Executor, state: string, now: Date): Promise<FlowData | null> {
  if (state.length < 20 || state.length > 200) return null;
  const tokenHash = sha256Hex(state);
  const row = await db
    .selectFrom('one_time_tokens')
    .select(['id', 'data'])
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', 'oidc')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row?.data) return null;
  const spent = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now.toISOString() })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) return null;
  try {
    const data = JSON.parse(row.data) as Partial<FlowData>;
    if (typeof data.nonce !== 'string' || typeof data.verifier !== 'string') return null;
    return {
      nonce: data.nonce,
      verifier: data.verifier,
      locale: typeof data.locale === 'string' && isLocale(data.locale) ? data.locale : 'fi',
      next: safeNextPath(data.next, ''),
    };
  } catch {
    return null;
  }
}

/** The locale a flow was started in, for answering in the right language even when it fails. */
export async function flowLocale(db: Executor, state: string): Promise<Locale | null> {
  if (state.length < 20 || state.length > 200) return null;
  const row = await db
    .selectFrom('one_time_tokens')
    .select('data')
    .where('token_hash', '=', sha256Hex(state))
    .where('purpose', '=', 'oidc')
    .executeTakeFirst();
  try {
    const locale: unknown = row?.data ? (JSON.parse(row.data) as { locale?: unknown }).locale : null;
    return typeof locale === 'string' && isLocale(locale) ? locale : null;
  } catch {
    return null;
  }
}

export type OidcResult =
  | { ok: true; token: string; user: UserRow; locale: Locale; next: string; step: 'done' | 'second-factor' | 'set-up-second-factor' }
  | { ok: false; reason: 'no-account' | 'failed'; locale: Locale | null };

interface CallbackInput {
  /** The callback address as the browser called it (our base URL, path and query). */
  callbackUrl: URL;
  state: string;
  ip: string;
  userAgent: string | null;
}

/** What the provider vouches for: from the ID token, or from userinfo when the ID token leaves the e-mail out. */
async function identityOf(
  provider: client.Configuration,
  tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>,
): Promise<{ sub: string; email: string | null; emailVerified: boolean; amr: string[] }> {
  const claims = tokens.claims();
  if (!claims) throw new Error('The provider sent no ID token');
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [];
  let source: Record<string, unknown> = claims;
  if (typeof claims.email !== 'string') source = await client.fetchUserInfo(provider, tokens.access_token, claims.sub);
  return {
    sub: claims.sub,
    email: typeof source.email === 'string' ? source.email : null,
    emailVerified: source.email_verified === true,
    amr,
  };
}

/**
 * Finishes a flow at the callback: checks state, PKCE and nonce through openid-client, then matches
 * the verified e-mail to an active account. Accounts are never made here; officials are invited.
 * A second factor the provider did not already ask for (amr "mfa" or "otp") is still asked for.
 */
export async function finishOidcFlow(
  db: Db,
  provider: client.Configuration,
  config: Config,
  input: CallbackInput,
  now: Date,
  log: (error: unknown) => void,
): Promise<OidcResult> {
  const anonymous: Actor = { userId: null, label: 'anonymous', ip: input.ip };
  const failed = async (reason: 'no-account' | 'failed', detail: string, locale: Locale | null, user?: UserRow): Promise<OidcResult> => {
    await db.transaction().execute((trx) =>
      appendAudit(
        trx,
        user ? { ...anonymous, userId: user.id } : anonymous,
        { action: 'auth.sign-in.failed', ...(user ? { entityType: 'user', entityId: user.id } : {}), after: { method: 'oidc', reason: detail } },
        now,
      ),
    );
    return { ok: false, reason, locale };
  };

  const flow = await takeFlow(db, input.state, now);
  if (!flow) return failed('failed', 'unknown-or-used-state', await flowLocale(db, input.state));

  let identity: Awaited<ReturnType<typeof identityOf>>;
  try {
    const tokens = await client.authorizationCodeGrant(provider, input.callbackUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: input.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    identity = await identityOf(provider, tokens);
  } catch (error) {
    log(error);
    return failed('failed', 'provider-response-rejected', flow.locale);
  }
  if (!identity.email || !identity.emailVerified) return failed('no-account', 'email-not-verified', flow.locale);

  const user = await findUserByEmail(db, identity.email);
  if (!user || user.status !== 'active') return failed('no-account', user ? `account-${user.status}` : 'unknown-email', flow.locale, user);

  const roles = await rolesOfUser(db, user.id);
  const providerDidSecondFactor = identity.amr.includes('mfa') || identity.amr.includes('otp');
  const step = providerDidSecondFactor
    ? 'done'
    : user.totp_enabled_at
      ? 'second-factor'
      : needsSecondFactor(roles)
        ? 'set-up-second-factor'
        : 'done';
  const token = await db.transaction().execute(async (trx) => {
    if (step === 'done') await updateUser(trx, user.id, { last_login_at: now.toISOString() });
    await appendAudit(
      trx,
      { userId: user.id, label: 'user', ip: input.ip },
      {
        action: step === 'done' ? 'auth.sign-in.succeeded' : 'auth.sign-in.oidc-accepted',
        entityType: 'user',
        entityId: user.id,
        after: { method: 'oidc', ...(providerDidSecondFactor ? { secondFactor: 'provider' } : {}) },
      },
      now,
    );
    return startSession(trx, { userId: user.id, method: 'oidc', mfaPending: step !== 'done', ip: input.ip, userAgent: input.userAgent }, now, config);
  });
  return { ok: true, token, user, locale: flow.locale, next: flow.next, step };
}
