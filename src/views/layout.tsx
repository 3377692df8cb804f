import type { ComponentChildren } from 'preact';
import { endonym, locales } from '../i18n/locales.js';
import { pagePath, type PageId } from '../http/page-paths.js';
import { policies } from '../policies/policies.js';
import type { PageContext } from './page-context.js';

interface LayoutProps {
  ctx: PageContext;
  /** The page's own title; the site name is added after it. */
  title: string;
  description?: string;
  /** Feeds of the page's content, for feed readers' autodiscovery (<link rel="alternate">). */
  feeds?: ReadonlyArray<{ type: string; title: string; href: string }>;
  children: ComponentChildren;
}

const navPages = ['home', 'calls', 'news', 'projects', 'monitoring', 'strategy', 'regions', 'expertGroup'] as const satisfies readonly PageId[];

export function Layout({ ctx, title, description, feeds, children }: LayoutProps) {
  const { t, locale } = ctx;
  const fullTitle = ctx.current === 'home' ? t.site.name : `${title} – ${t.site.shortName}`;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description ?? t.site.tagline} />
        <link rel="canonical" href={`${ctx.baseUrl}${ctx.alternates[locale]}`} />
        {locales.map((l) => (
          <link rel="alternate" hrefLang={l} href={`${ctx.baseUrl}${ctx.alternates[l]}`} />
        ))}
        <link rel="alternate" hrefLang="x-default" href={`${ctx.baseUrl}/`} />
        {(feeds ?? []).map((f) => (
          <link rel="alternate" type={f.type} title={f.title} href={f.href} />
        ))}
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/tokens.css" />
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.site.skipToContent}
        </a>
        <header class="site-header">
          <div class="container site-header__top">
            <a class="site-header__name" href={pagePath(locale, 'home')}>
              <span class="site-header__logo" aria-hidden="true">S3</span>
              <span>{t.site.name}</span>
            </a>
            <UserMenu ctx={ctx} />
            <nav class="language-switch" aria-label={t.site.languageSwitch}>
              <ul>
                {locales.map((l) => (
                  <li>
                    {l === locale ? (
                      <a href={ctx.alternates[l]} lang={l} hrefLang={l} aria-current="true">
                        {endonym[l]}
                      </a>
                    ) : (
                      <a href={ctx.alternates[l]} lang={l} hrefLang={l}>
                        {endonym[l]}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <nav class="main-nav" aria-label={t.site.mainNavigation}>
            <ul class="container">
              {navPages.map((page) => (
                <li>
                  <a href={pagePath(locale, page)} aria-current={navCurrent(ctx, page)}>
                    {t.nav[page]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1} class="container">
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{t.site.footerText}</p>
            <nav aria-label={t.site.footerNavigation}>
              <ul>
                <li>
                  <a href={pagePath(locale, 'accessibility')} aria-current={navCurrent(ctx, 'accessibility')}>
                    {t.nav.accessibility}
                  </a>
                </li>
                <li>
                  <a href={pagePath(locale, 'openData')} aria-current={navCurrent(ctx, 'openData')}>{t.site.openData}</a>
                </li>
                <li>
                  <a href={pagePath(locale, 'feeds')} aria-current={navCurrent(ctx, 'feeds')}>{t.site.feeds}</a>
                </li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** Sign-in link, or the signed-in user's name with links to the account, the admin area and sign-out. */
function UserMenu({ ctx }: { ctx: PageContext }) {
  const { t, locale, viewer } = ctx;
  if (!viewer) {
    return (
      <p class="user-menu">
        <a href={pagePath(locale, 'signIn')} aria-current={navCurrent(ctx, 'signIn')}>
          {t.auth.signIn}
        </a>
      </p>
    );
  }
  return (
    <nav class="user-menu" aria-label={t.auth.userMenu}>
      <span class="user-menu__name">{t.auth.signedInAs(viewer.name)}</span>
      <ul>
        <li>
          <a href={pagePath(locale, 'account')} aria-current={navCurrent(ctx, 'account')}>
            {t.auth.myAccount}
          </a>
        </li>
        <li><a href={pagePath(locale, 'applications')} aria-current={navCurrent(ctx, 'applications')}>{{ fi: 'Omat hakemukset', sv: 'Mina ansökningar', en: 'My applications' }[locale]}</a></li>
        <li><a href={pagePath(locale, 'myProjects')} aria-current={navCurrent(ctx, 'myProjects')}>{{ fi: 'Omat hankkeet', sv: 'Mina projekt', en: 'My projects' }[locale]}</a></li>
        {policies.reviewApplications(viewer.principal) ? (
          <li><a href={pagePath(locale, 'reviews')} aria-current={navCurrent(ctx, 'reviews')}>{{ fi: 'Omat arvioinnit', sv: 'Mina bedömningar', en: 'My reviews' }[locale]}</a></li>
        ) : null}
        {policies.useAdminArea(viewer.principal) ? (
          <li>
            <a href={pagePath(locale, 'admin')} aria-current={navCurrent(ctx, 'admin')}>
              {t.auth.adminArea}
            </a>
          </li>
        ) : null}
        <li>
          <form method="post" action={pagePath(locale, 'signOut')} class="user-menu__sign-out">
            <input type="hidden" name="_csrf" value={ctx.csrf()} />
            <button type="submit" class="link-button">
              {t.auth.signOut}
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}

/**
 * "page" on the link to the page being shown; "true" on the link to its section (a region page
 * within Regions, an admin sub-page within Administration), so that screen readers say the right thing.
 */
function navCurrent(ctx: PageContext, page: PageId): 'page' | 'true' | undefined {
  if (ctx.exactPage === page && (ctx.current === undefined || ctx.current === page)) return 'page';
  if (ctx.current === page || (ctx.current !== undefined && ctx.current !== page && ctx.current.startsWith(page) && page !== 'home')) return 'true';
  return undefined;
}
