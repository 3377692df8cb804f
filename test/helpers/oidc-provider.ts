import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenID Connect provider (npm oidc-provider) on 127.0.0.1 for single sign-on tests. Its
 * login and consent screens are replaced by a handler that signs in whoever the test says is next,
 * with the authentication methods (amr) the test gives, so a flow runs on redirects alone.
 */
export interface TestAccount {
  email: string;
  emailVerified: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  /** Who signs in at the next login screen, and how. */
  nextLogin: { accountId: string; amr?: string[] };
  close(): Promise<void>;
}

type KoaContext = { path: string; req: http.IncomingMessage; res: http.ServerResponse; status: number; redirect(url: string): void };
interface ProviderInstance {
  use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
  callback(): http.RequestListener;
  interactionDetails(req: http.IncomingMessage, res: http.ServerResponse): Promise<{
    prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
    params: Record<string, string>;
    session?: { accountId: string };
    grantId?: string;
  }>;
  interactionResult(req: http.IncomingMessage, res: http.ServerResponse, result: unknown, options: { mergeWithLastSubmission: boolean }): Promise<string>;
  Grant: new (values: { accountId: string; clientId: string }) => {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  };
}

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  // oidc-provider ships no type declarations; the part used here is typed above.
  const specifier = 'oidc-provider';
  const { default: Provider } = (await import(specifier)) as { default: new (issuer: string, config: unknown) => ProviderInstance };
  let handler: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>();
  const state: TestProvider = {
    issuer,
    clientId: 's3-enf-test',
    clientSecret: 'a-test-client-secret-that-is-long-enough-0123456789',
    accounts,
    nextLogin: { accountId: '' },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: state.clientId,
        client_secret: state.clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // amr under openid: the ID token carries the methods the login used.
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, email: account.email, email_verified: account.emailVerified }) };
    },
    cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
  });
  provider.use(async (ctx, next) => {
    if (!/^\/interaction\/[^/]+$/.test(ctx.path)) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    let returnTo: string;
    if (details.prompt.name === 'login') {
      const { accountId, amr } = state.nextLogin;
      returnTo = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId, ...(amr ? { amr } : {}) } }, { mergeWithLastSubmission: false });
    } else {
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id! });
      if (details.prompt.details.missingOIDCScope) grant.addOIDCScope(details.prompt.details.missingOIDCScope.join(' '));
      if (details.prompt.details.missingOIDCClaims) grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
      returnTo = await provider.interactionResult(ctx.req, ctx.res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    }
    ctx.status = 303;
    ctx.redirect(returnTo);
  });
  handler = provider.callback();
  return state;
}

/**
 * Follows the provider's redirects as a browser would (keeping its cookies) until it sends the
 * browser back to our callback; returns that address.
 */
export async function followToCallback(start: string, callbackPrefix: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 15; hop += 1) {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: jar.size > 0 ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {},
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    await response.arrayBuffer();
    const location = response.headers.get('location');
    if (!location) throw new Error(`The provider stopped at ${url} with status ${response.status}`);
    const next = new URL(location, url);
    if (next.href.startsWith(callbackPrefix)) return next;
    url = next.href;
  }
  throw new Error('Too many redirects at the provider');
}
