import type { Locale } from '../i18n/locales.js';
import type { Messages } from '../i18n/messages/index.js';
import type { PageId } from '../http/page-paths.js';
import type { Principal } from '../policies/principal.js';

/** What every page needs from the request to render the layout. */
export interface PageContext {
  locale: Locale;
  t: Messages;
  /** The section to mark as current in the navigation, if any. */
  current?: PageId;
  /** The page itself, when the address is a page's own (not one of its sub-pages). */
  exactPage?: PageId;
  /** The same page in each language, for the switch and hreflang links. */
  alternates: Record<Locale, string>;
  baseUrl: string;
  /** The signed-in user, when there is one. */
  viewer: { name: string; principal: Principal } | null;
  /** The CSRF token for a form on this page (calling it makes the page private, no-store). */
  csrf(): string;
}
