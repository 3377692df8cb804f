import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CSRF_COOKIE, CSRF_FIELD } from '../../src/http/plugins/auth.js';
import { SESSION_COOKIE } from '../../src/features/auth/session.service.js';
import { hmacBase64Url, randomToken, sha256Hex } from '../../src/security/tokens.js';

/**
 * A browser for inject(): keeps the cookies the app sets, sends them back, and puts the right CSRF
 * token into every form it posts, as a page's hidden field would.
 */
export class TestAgent {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly app: FastifyInstance,
    readonly headers: Record<string, string> = { accept: 'text/html' },
  ) {}

  private cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies) {
      const expired = c.maxAge === 0 || (c.expires !== undefined && new Date(c.expires).getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  /** The token a form on a page would carry for the current cookies. */
  csrfToken(): string {
    const secret = this.app.config.secretKey;
    const session = this.cookies.get(SESSION_COOKIE);
    if (session) return hmacBase64Url(secret, `session|${sha256Hex(session)}`);
    let anonymous = this.cookies.get(CSRF_COOKIE);
    if (!anonymous) {
      anonymous = randomToken();
      this.cookies.set(CSRF_COOKIE, anonymous);
    }
    return hmacBase64Url(secret, `anonymous|${anonymous}`);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const cookie = this.cookieHeader();
    return this.remember(
      await this.app.inject({ method: 'GET', url, headers: { ...this.headers, ...(cookie ? { cookie } : {}), ...headers } }),
    );
  }

  /** Posts a form as a browser would, with the CSRF token unless `csrf: false` or a token is given. */
  async post(
    url: string,
    fields: Record<string, string | string[]> = {},
    options: { csrf?: boolean | string; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    const token = options.csrf === false ? undefined : typeof options.csrf === 'string' ? options.csrf : this.csrfToken();
    if (token !== undefined) body.append(CSRF_FIELD, token);
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    const cookie = this.cookieHeader();
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: {
          ...this.headers,
          'content-type': 'application/x-www-form-urlencoded',
          ...(cookie ? { cookie } : {}),
          ...(options.headers ?? {}),
        },
      }),
    );
  }
}
