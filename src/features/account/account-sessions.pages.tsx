import type { FastifyInstance } from 'fastify';
import { requestActor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { formatDateTime } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import { CsrfField } from '../../views/components/form.js';
import type { PageContext } from '../../views/page-context.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/session.service.js';
import { accountMessages, type AccountMessages } from './account.messages.js';
import { endOwnSession, endSessions, sessionReference, sessionsWithReferences } from './account.service.js';
import { AccountFrame, field } from './account.views.js';
import { describeUserAgent } from './user-agent.js';
import { ScrollTable } from '../../views/components/scroll-table.js';

interface SessionView {
  reference: string;
  started: string;
  lastSeen: string;
  method: string;
  browser: string;
  current: boolean;
}

function browserText(m: AccountMessages, userAgent: string | null): string {
  const { browser, os } = describeUserAgent(userAgent);
  if (browser && os) return m.browserOn(browser, os);
  return browser ?? os ?? m.unknownBrowser;
}

export async function accountSessionsPages(app: FastifyInstance) {
  getPage(app, 'accountSessions', '', 'signedIn', async (locale: Locale, request) => {
    const m = accountMessages[locale];
    const current = request.session!.idHash;
    const query = request.query as Record<string, unknown>;
    const sessions = await sessionsWithReferences(app.database.db, app.config, request.principal!.userId);
    const views: SessionView[] = sessions.map((s) => ({
      reference: s.reference,
      started: formatDateTime(s.created_at, locale),
      lastSeen: formatDateTime(s.last_seen_at, locale),
      method: s.method === 'oidc' ? m.methodOidc : m.methodPassword,
      browser: browserText(m, s.user_agent),
      current: s.id_hash === current,
    }));
    const others = typeof query.others === 'string' && /^\d{1,6}$/.test(query.others) ? Number(query.others) : null;
    const notice = query.ended !== undefined ? m.sessionEnded : others !== null ? m.othersEnded(others) : undefined;
    const ctx = pageContext(request, locale, { current: 'account' });
    return <SessionsPage ctx={ctx} sessions={views} notice={notice} />;
  });

  postPage(app, 'accountSessions', '/end', 'signedIn', async (locale, request, reply) => {
    const reference = field(request.body, 'session');
    if (!/^[A-Za-z0-9_-]{22}$/.test(reference)) throw new AppError('VALIDATION_FAILED', 'No sign-in was chosen');
    if (reference === sessionReference(app.config, request.session!.idHash)) {
      // This sign-in is ended with "sign out" or "sign out everywhere", whose outcome the page says.
      throw new AppError('VALIDATION_FAILED', 'Use sign out to end this sign-in');
    }
    await endOwnSession(app.database.db, requestActor(request), request.principal!.userId, reference, app.config, app.now());
    // Already ended (in another tab, or by expiry) is the outcome the user wanted, so it is no error.
    return reply.redirect(`${pagePath(locale, 'accountSessions')}?ended`, 303);
  });

  postPage(app, 'accountSessions', '/end-others', 'signedIn', async (locale, request, reply) => {
    const count = await endSessions(app.database.db, requestActor(request), request.principal!.userId, 'others', request.session!.idHash, app.now());
    return reply.redirect(`${pagePath(locale, 'accountSessions')}?others=${count}`, 303);
  });

  postPage(app, 'accountSessions', '/end-all', 'signedIn', async (locale, request, reply) => {
    await endSessions(app.database.db, requestActor(request), request.principal!.userId, 'all', request.session!.idHash, app.now());
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(app.config));
    return reply.redirect(`${pagePath(locale, 'signIn')}?signedOut`, 303);
  });
}

function SessionsPage({ ctx, sessions, notice }: { ctx: PageContext; sessions: SessionView[]; notice?: string | undefined }) {
  const { locale } = ctx;
  const m = accountMessages[locale];
  const csrf = ctx.csrf();
  return (
    <AccountFrame ctx={ctx} title={m.sessionsTitle} lead={m.sessionsLead} notice={notice} back={m.backToAccount}>
      <ScrollTable id="sessions-caption" caption={m.sessionsCaption}>
          <thead>
            <tr>
              <th scope="col">{m.browser}</th>
              <th scope="col">{m.started}</th>
              <th scope="col">{m.lastSeen}</th>
              <th scope="col">{m.method}</th>
              <th scope="col">{m.actions}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr>
                <th scope="row">
                  {s.browser}
                  {s.current ? (
                    <>
                      {' '}
                      <span class="tag tag--info">{m.thisSession}</span>
                    </>
                  ) : null}
                </th>
                <td>{s.started}</td>
                <td>{s.lastSeen}</td>
                <td>{s.method}</td>
                <td>
                  {s.current ? null : (
                    <form class="inline-form" method="post" action={pagePath(locale, 'accountSessions', 'end')}>
                      <CsrfField token={csrf} />
                      <input type="hidden" name="session" value={s.reference} />
                      <button type="submit" class="button button--secondary" aria-label={m.endSessionLabel(s.browser, s.started)}>
                        {m.endSession}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      <div class="button-group">
        {sessions.length > 1 ? (
          <form method="post" action={pagePath(locale, 'accountSessions', 'end-others')}>
            <CsrfField token={csrf} />
            <button type="submit" class="button button--secondary">
              {m.endOthers}
            </button>
          </form>
        ) : null}
        <form method="post" action={pagePath(locale, 'accountSessions', 'end-all')}>
          <CsrfField token={csrf} />
          <button type="submit" class="button button--danger" aria-describedby="end-all-hint">
            {m.endAll}
          </button>
          <p class="muted" id="end-all-hint">
            {m.endAllHint}
          </p>
        </form>
      </div>
    </AccountFrame>
  );
}
