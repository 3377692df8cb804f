import type { AssignedRole } from '../db/schema.js';
import type { Locale } from '../i18n/locales.js';

/** API token scopes: read, or write for one named action. */
export const apiScopes = ['read', 'write:chair', 'write:expert-group', 'metrics'] as const;
export type ApiScope = (typeof apiScopes)[number];

/** Who is asking: a signed-in user, or an API token acting for the user who made it. */
export interface Principal {
  userId: number;
  name: string;
  email: string;
  locale: Locale;
  roles: ReadonlyArray<{ role: AssignedRole; regionCode: string | null }>;
  memberships: ReadonlyArray<{ organisationId: number; isAdmin: boolean }>;
  /**
   * The region whose officers coordinate the cooperation this year, when this user is one of them.
   * Derived from the chair rotation and today's date in Europe/Helsinki, never assigned.
   */
  coordinatorOf: string | null;
  via: 'session' | 'token';
  /** The token's scopes; a session may do whatever the user's roles allow. */
  scopes: readonly ApiScope[] | null;
}
