/**
 * The written role matrix: who may call each route. A route is named by its page id and suffix
 * (the same for fi, sv and en, which are all checked) or, outside the pages, by its method and path.
 *
 * `allow` lists the roles that get through. Everyone else is refused: those without a full session
 * (anonymous, or between password and second factor) are sent to sign in (303 to the sign-in page,
 * or 401); signed-in users get 403. `outcome` overrides single cells where a rule is finer.
 */
export const roles = ['anonymous', 'pending', 'applicant', 'orgAdmin', 'expert', 'officer', 'coordinator', 'admin'] as const;
export type Role = (typeof roles)[number];
export type Outcome = 'ok' | 'sign-in' | 'forbidden';

export interface MatrixEntry {
  allow: readonly Role[] | 'everyone';
  outcome?: Partial<Record<Role, Outcome>>;
}

const everyone = { allow: 'everyone' } as const;
const signedIn: MatrixEntry = { allow: ['applicant', 'orgAdmin', 'expert', 'officer', 'coordinator', 'admin'] };
const pendingOnly: MatrixEntry = { allow: ['pending'] };
const officials: MatrixEntry = { allow: ['officer', 'coordinator', 'admin'] };
const adminOnly: MatrixEntry = { allow: ['admin'] };
const adminOrCoordinator: MatrixEntry = { allow: ['coordinator', 'admin'] };

const signedInRoles = ['applicant', 'orgAdmin', 'expert', 'officer', 'coordinator', 'admin'] as const;
/** Routes whose success sends the user to the sign-in page (signing out). */
const endsInSignIn = (entry: MatrixEntry): MatrixEntry => ({
  ...entry,
  outcome: Object.fromEntries((entry.allow === 'everyone' ? roles : entry.allow).map((r) => [r, 'sign-in'])),
});
/** Pages between password and second factor: a full session has nothing to do there and is sent to sign in. */
const secondFactorStep: MatrixEntry = { allow: ['pending'], outcome: Object.fromEntries(signedInRoles.map((r) => [r, 'sign-in'])) };

export const matrix: Record<string, MatrixEntry> = {
  // Public pages
  'GET home': everyone,
  'GET strategy': everyone,
  'GET strategy/:slug': everyone,
  'GET regions': everyone,
  'GET regions/:slug': everyone,
  'GET expertGroup': everyone,
  'GET accessibility': everyone,
  'POST accessibility': everyone,
  'GET accessibility/feedback/:reference': everyone,

  // Signing in and out, second factor, password reset, invitations
  'GET signIn': everyone,
  'POST signIn': everyone,
  'POST signOut': endsInSignIn(everyone),
  'GET signInSecondFactor': secondFactorStep,
  'POST signInSecondFactor': secondFactorStep,
  'GET signInSetUpSecondFactor': secondFactorStep,
  'POST signInSetUpSecondFactor': secondFactorStep,
  'GET passwordReset': everyone,
  'POST passwordReset': everyone,
  'GET passwordReset/sent': everyone,
  'GET passwordReset/done': everyone,
  'GET passwordReset/:token': everyone,
  'POST passwordReset/:token': everyone,
  'GET invitation/:token': everyone,
  'POST invitation/:token': everyone,
  'GET register': everyone,
  'POST register': everyone,
  'GET register/sent': everyone,
  'GET register/welcome': signedIn,

  // The user's own account
  'GET account': signedIn,
  'POST account': signedIn,
  'GET accountPassword': signedIn,
  'POST accountPassword': signedIn,
  'GET accountSecondFactor': signedIn,
  'POST accountSecondFactor/enable': signedIn,
  'POST accountSecondFactor/recovery-codes': signedIn,
  // Officials must keep their second factor.
  'POST accountSecondFactor/disable': { allow: ['applicant', 'orgAdmin'] },
  'GET accountSessions': signedIn,
  'POST accountSessions/end': signedIn,
  'POST accountSessions/end-others': signedIn,
  'POST accountSessions/end-all': endsInSignIn(signedIn),
  'GET accountData': signedIn,
  'GET accountData/download': signedIn,
  'POST accountData/erase': signedIn,
  'GET accountData/erased': everyone,

  // Organisations (the sample is the applicant's and orgAdmin's own organisation in region 17)
  'GET organisations': signedIn,
  'GET organisations/new': signedIn,
  'POST organisations/new': signedIn,
  'GET organisations/:id': { allow: ['applicant', 'orgAdmin', 'officer', 'coordinator', 'admin'] },
  // An organisation edits itself here; officials edit organisations in the admin area.
  'GET organisations/:id/edit': { allow: ['orgAdmin', 'admin'] },
  'POST organisations/:id/edit': { allow: ['orgAdmin', 'admin'] },
  'POST organisations/:id/members': { allow: ['orgAdmin', 'admin'] },
  'POST organisations/:id/invite': { allow: ['orgAdmin', 'admin'] },

  // Administration
  'GET admin': officials,
  // Officers see and invite officials of their own region; the sample user has no role there.
  'GET adminUsers': officials,
  'GET adminUsers/invite': officials,
  'POST adminUsers/invite': officials,
  'GET adminUsers/:id': adminOnly,
  'POST adminUsers/:id/roles': adminOnly,
  'POST adminUsers/:id/roles/:roleId/revoke': officials,
  'POST adminUsers/:id/disable': adminOnly,
  'POST adminUsers/:id/enable': adminOnly,
  'POST adminUsers/:id/resend': adminOnly,
  'GET adminOrganisations': officials,
  'GET adminOrganisations/new': officials,
  'POST adminOrganisations/new': officials,
  'GET adminOrganisations/:id': officials,
  'POST adminOrganisations/:id': officials,
  // The sample member sits in region 11: its officer, the coordinator and administrators edit it.
  'GET adminExpertGroup': officials,
  'GET adminExpertGroup/new': officials,
  'POST adminExpertGroup/new': officials,
  'GET adminExpertGroup/:id': officials,
  'POST adminExpertGroup/:id': officials,
  'POST adminExpertGroup/:id/remove': officials,
  'GET adminStrategy': officials,
  'GET adminStrategy/new': officials,
  'POST adminStrategy/new': officials,
  'GET adminStrategy/:id': officials,
  'POST adminStrategy/:id': officials,
  // The sample region is 11: its officer and administrators edit its growth sectors, Kainuu's officer does not.
  'GET adminGrowthSectors': officials,
  'GET adminGrowthSectors/:region': { ...officials, outcome: { coordinator: 'forbidden' } },
  'GET adminGrowthSectors/:region/new': { ...officials, outcome: { coordinator: 'forbidden' } },
  'POST adminGrowthSectors/:region/new': { ...officials, outcome: { coordinator: 'forbidden' } },
  'GET adminGrowthSectors/:region/:id': { ...officials, outcome: { coordinator: 'forbidden' } },
  'POST adminGrowthSectors/:region/:id': { ...officials, outcome: { coordinator: 'forbidden' } },
  'POST adminGrowthSectors/:region/:id/remove': { ...officials, outcome: { coordinator: 'forbidden' } },
  'GET adminChair': adminOrCoordinator,
  'POST adminChair/rotation': adminOrCoordinator,
  'POST adminChair/overrides': adminOrCoordinator,
  'POST adminChair/overrides/:year/remove': adminOrCoordinator,
  'GET adminAudit': officials,
  'GET adminEmail': adminOnly,
  'GET adminEmail/:id': adminOnly,
  'GET adminApiTokens': adminOnly,
  'POST adminApiTokens': adminOnly,
  'POST adminApiTokens/:id/revoke': adminOnly,

  // Outside the pages
  'GET /': everyone,
  'GET /healthz': everyone,
  'GET /readyz': everyone,
  'GET /metrics': adminOnly,
  'GET /robots.txt': everyone,
  'GET /favicon.ico': everyone,
  'GET /assets/tokens.css': everyone,
  'GET /api/openapi.json': everyone,
  'GET /api/docs': everyone,
  'GET /api/v1/regions': everyone,
  'GET /api/v1/regions/:code': everyone,
  'GET /api/v1/strategies': everyone,
  'GET /api/v1/strategies/current': everyone,
  'GET /api/v1/strategies/:slug': everyone,
  'GET /api/v1/priorities': everyone,
  'GET /api/v1/chair/current': everyone,
  'GET /api/v1/chair/:year': everyone,
  'GET /api/v1/expert-group': everyone,
  'GET /api/v1/me': signedIn,
  // Changes through the API need an API token (tested in api-tokens.test.ts); a browser session is refused.
  'PUT /api/v1/chair/overrides/:year': { allow: [] },
  'DELETE /api/v1/chair/overrides/:year': { allow: [] },
};

export { signedIn, pendingOnly, officials, adminOnly, adminOrCoordinator };
