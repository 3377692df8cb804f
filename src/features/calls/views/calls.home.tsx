import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime } from '../../../i18n/format.js';
import type { PageContext } from '../../../views/page-context.js';
import { callsMessages } from '../calls.messages.js';
import type { PublicCallSummary } from '../calls.public.repository.js';
import { LocalText } from './calls.parts.js';

/** The calls on the home page: the open ones with their deadlines, then those coming, and a link to all calls. */
export function HomeCalls({ ctx, open, coming }: { ctx: PageContext; open: readonly PublicCallSummary[]; coming: readonly PublicCallSummary[] }) {
  const { locale } = ctx;
  const m = callsMessages[locale];
  return (
    <>
      <h3 class="home-calls__heading">{m.homeOpen}</h3>
      {open.length === 0 ? (
        <p class="muted">{ctx.t.home.callsNone}</p>
      ) : (
        <ul class="home-calls">
          {open.map((call) => (
            <li>
              <a href={pagePath(locale, 'calls', String(call.id))}>
                <LocalText text={call.title} locale={locale} />
              </a>{' '}
              <span class="home-calls__when">{m.homeUntil(formatDateTime(call.closesAt, locale))}</span>
            </li>
          ))}
        </ul>
      )}
      {coming.length > 0 ? (
        <>
          <h3 class="home-calls__heading">{m.homeComing}</h3>
          <ul class="home-calls">
            {coming.map((call) => (
              <li>
                <a href={pagePath(locale, 'calls', String(call.id))}>
                  <LocalText text={call.title} locale={locale} />
                </a>{' '}
                <span class="home-calls__when">{m.homeOpensAt(formatDateTime(call.opensAt, locale))}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={pagePath(locale, 'calls')}>{m.homeAllCalls}</a>
      </p>
    </>
  );
}
