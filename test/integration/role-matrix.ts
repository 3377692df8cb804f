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

  // Public call pages (calls.pages.tsx). Sample: an open call of all seven councils.
  'GET calls': everyone,
  'GET calls/:id': everyone,

  // Questions about a call (call-inquiries.pages.tsx)
  'GET calls/:id/questions': everyone,
  'POST calls/:id/questions': signedIn,
  'GET adminCalls/:id/inquiries': officials,
  'GET adminCalls/:id/inquiries/:inquiryId': officials,
  'POST adminCalls/:id/inquiries/:inquiryId': officials,

  // Call administration (calls.admin.pages.tsx). The sample call's councils include 11, the officer's.
  // The sample call is open: the matrix's empty posts answer 400 (form) or 409 (wrong phase) and change nothing.
  'GET adminCalls': officials,
  'GET adminCalls/new': officials,
  'POST adminCalls/new': officials,
  'GET adminCalls/:id': officials,
  'GET adminCalls/:id/edit': officials,
  'POST adminCalls/:id/edit': officials,
  'POST adminCalls/:id/publish': officials,
  'POST adminCalls/:id/start-review': officials,
  'POST adminCalls/:id/decided': officials,
  'GET adminCalls/:id/delete': officials,
  'POST adminCalls/:id/delete': officials,

  // Selection criteria and extra questions (call-criteria.admin.pages.tsx)
  'GET adminCalls/:id/criteria': officials,
  'GET adminCalls/:id/criteria/new': officials,
  'POST adminCalls/:id/criteria/new': officials,
  'GET adminCalls/:id/criteria/:criterionId': officials,
  'POST adminCalls/:id/criteria/:criterionId': officials,
  'POST adminCalls/:id/criteria/:criterionId/remove': officials,
  'POST adminCalls/:id/criteria/:criterionId/move': officials,
  'GET adminCalls/:id/questions': officials,
  'GET adminCalls/:id/questions/new': officials,
  'POST adminCalls/:id/questions/new': officials,
  'GET adminCalls/:id/questions/:questionId': officials,
  'POST adminCalls/:id/questions/:questionId': officials,
  'POST adminCalls/:id/questions/:questionId/remove': officials,
  'POST adminCalls/:id/questions/:questionId/move': officials,

  // Applications (applications.pages.tsx). Sample: a draft led by the applicant's and orgAdmin's organisation.
  // Anyone signed in has a (possibly empty) list and may start a draft in an organisation they belong to. The editor
  // is for those editorAccess lets in; the others signed in get 403 (officials do not edit). ':partnerId' is the
  // sample's second partner, another organisation's. The matrix's empty posts change nothing: they answer 400 (a form
  // without its version or business ID), or the page that asks to confirm a removal (200).
  'GET applications': signedIn,
  'GET applications/new': signedIn,
  'POST applications/new': signedIn,
  'GET applications/:id': { allow: ['applicant', 'orgAdmin'] },
  'GET applications/:id/general': { allow: ['applicant', 'orgAdmin'] },
  'POST applications/:id/general': { allow: ['applicant', 'orgAdmin'] },
  'GET applications/:id/partners': { allow: ['applicant', 'orgAdmin'] },
  'POST applications/:id/partners': { allow: ['applicant', 'orgAdmin'] },
  'GET applications/:id/partners/:partnerId': { allow: ['applicant', 'orgAdmin'] },
  'POST applications/:id/partners/:partnerId': { allow: ['applicant', 'orgAdmin'] },
  'GET applications/:id/partners/:partnerId/remove': { allow: ['applicant', 'orgAdmin'] },
  'POST applications/:id/partners/:partnerId/remove': { allow: ['applicant', 'orgAdmin'] },

  // Collaboration and attachments (collaboration.pages.tsx). The sample draft's lead organisation is the applicant's and
  // orgAdmin's: they edit everything; everyone else signed in is refused (403). The matrix's empty posts answer 400 and
  // change nothing; ':attachmentId' is 999999, so an editor gets through to a 404.
  'GET applications/:id/people': { allow: ['applicant', 'orgAdmin'] },
  'POST applications/:id/people': { allow: ['applicant', 'orgAdmin'] },
  'POST applications/:id/people/remove': { allow: ['applicant', 'orgAdmin'] },
  'GET applications/invitation/:token': everyone,
  'POST applications/invitation/:token': everyone,
  'GET applications/:id/attachments': { allow: ['applicant', 'orgAdmin'] },
  'POST applications/:id/attachments': { allow: ['applicant', 'orgAdmin'] },
  'GET applications/:id/attachments/:attachmentId': { allow: ['applicant', 'orgAdmin'] },
  'POST applications/:id/attachments/:attachmentId/remove': { allow: ['applicant', 'orgAdmin'] },
  'POST applications/:id/autosave/general': { allow: ['applicant', 'orgAdmin'] },
  'POST applications/:id/autosave/partners/:partnerId': { allow: ['applicant', 'orgAdmin'] },

  // Submission, receipts and officers' lists (submission.pages.tsx)
  // The applicant's side is for the lead organisation's members (the sample draft is led by the applicant's and
  // orgAdmin's organisation). The matrix's empty posts change nothing: a post without the confirmation step is
  // sent to the confirmation (303), a withdrawal without the tick of a draft is refused (409); a draft has no receipt (404).
  'GET applications/:id/submit': { allow: ['applicant', 'orgAdmin'] },
  'POST applications/:id/submit': { allow: ['applicant', 'orgAdmin'] },
  'GET applications/:id/receipt': { allow: ['applicant', 'orgAdmin'] },
  'GET applications/:id/submitted': { allow: ['applicant', 'orgAdmin'] },
  'GET applications/:id/withdraw': { allow: ['applicant', 'orgAdmin'] },
  'POST applications/:id/withdraw': { allow: ['applicant', 'orgAdmin'] },
  // Officers of the call's councils (the sample call has all seven, so Kainuu's and Pohjois-Savo's) and administrators.
  // The sample application is a draft, which officers do not see (404).
  'GET adminCalls/:id/applications': officials,
  'GET adminCalls/:id/applications/export': officials,
  'GET adminCalls/:id/applications/:applicationId': officials,
  'GET adminCalls/:id/applications/:applicationId/attachments/:attachmentId': officials,

  // Review assignments and the reviewer's disqualification declaration (assignments.pages.tsx).
  // ':assignmentId' is 999999: a reviewer gets through to a 404, and no sample is changed.
  // The sample call is open, not in review: officers see the page; their empty posts answer 400 (no form) or 404 (no
  // such assignment) and change nothing.
  'GET adminCalls/:id/review': officials,
  'POST adminCalls/:id/review/assign': officials,
  'POST adminCalls/:id/review/automatic': officials,
  'POST adminCalls/:id/review/assignments/:assignmentId/remove': officials,
  'GET reviews': { allow: ['expert'] },
  'GET reviews/:assignmentId': { allow: ['expert'] },
  'POST reviews/:assignmentId/declaration': { allow: ['expert'] },

  // Scoring: the reviewer's own scores, and the officers' view of an application's review (scoring.pages.tsx)
  // A reviewer gets through to a 404 (':assignmentId' is 999999). Officers of the sample call's councils and
  // administrators get through to a 404 too: the sample application is a draft, not a submitted one.
  'GET reviews/:assignmentId/scores': { allow: ['expert'] },
  'POST reviews/:assignmentId/scores': { allow: ['expert'] },
  'GET reviews/:assignmentId/attachments/:attachmentId': { allow: ['expert'] },
  'GET adminCalls/:id/review/applications/:applicationId': officials,
  'POST adminCalls/:id/review/applications/:applicationId/consensus': officials,
  'POST adminCalls/:id/review/applications/:applicationId/eligibility': officials,

  // Ranking, allocation and the funding proposal (funding.pages.tsx)
  // The sample call is open, not in review: posts without a form answer 400, the rest 409; nothing is changed.
  'GET adminCalls/:id/funding': officials,
  'POST adminCalls/:id/funding/fixed': officials,
  'POST adminCalls/:id/funding/fixed/clear': officials,
  'POST adminCalls/:id/funding/confirm': officials,
  'POST adminCalls/:id/funding/cancel': officials,

  // Councils' decisions and decision letters (council-decisions.pages.tsx)
  // Officers of the call's councils and administrators see the page. A council's decision is recorded by its own officers
  // (the sample officer's council is 11) and administrators; Kainuu's officer (the coordinator) is refused (403). The sample
  // call has no funding proposal: the matrix's empty post answers 400 and records nothing. The sample application is a
  // draft and has no letter (404).
  'GET adminCalls/:id/decisions': officials,
  'POST adminCalls/:id/decisions/:regionCode': { allow: ['officer', 'admin'] },
  'GET adminCalls/:id/decisions/letters/:applicationId': officials,

  // Published decisions and the applicant's decision (decisions.public.pages.tsx)
  // The sample call is open: its decisions page says none is final. The sample application is a draft: its lead
  // organisation's members get through to a 404 (no decision, no letter); everyone else signed in is refused (403).
  'GET calls/:id/decisions': everyone,
  'GET applications/:id/decision': { allow: ['applicant', 'orgAdmin'] },
  'GET applications/:id/decision/letter': { allow: ['applicant', 'orgAdmin'] },

  // The public project database and partner search (projects.pages.tsx, partner-search.pages.tsx)
  'GET projects': everyone,
  'GET projects/:id': everyone,
  'GET partnerSearch': everyone,

  // The lead partner's reports (reports.pages.tsx). The sample project is led by the applicant's and orgAdmin's
  // organisation: they get through; everyone else signed in is refused (403). ':periodId' is 999999 (404).
  'GET myProjects': signedIn,
  'GET myProjects/:id': { allow: ['applicant', 'orgAdmin'] },
  'GET myProjects/:id/reports/:periodId': { allow: ['applicant', 'orgAdmin'] },
  'POST myProjects/:id/reports/:periodId': { allow: ['applicant', 'orgAdmin'] },

  // Officers' project administration (projects.admin.pages.tsx). Officers of the councils funding the sample project
  // (11, the sample officer's) and administrators; Kainuu's officer (the coordinator) is refused (403) on a project page.
  // ':periodId' and ':indicatorId' are 999999 (404); the matrix's empty posts answer 400 and change nothing.
  'GET adminProjects': officials,
  'GET adminProjects/:id': { allow: ['officer', 'admin'] },
  'POST adminProjects/:id/periods': { allow: ['officer', 'admin'] },
  'POST adminProjects/:id/periods/:periodId/delete': { allow: ['officer', 'admin'] },
  'POST adminProjects/:id/indicators': { allow: ['officer', 'admin'] },
  'POST adminProjects/:id/indicators/:indicatorId/delete': { allow: ['officer', 'admin'] },
  'GET adminProjects/:id/reports/:periodId': { allow: ['officer', 'admin'] },
  'POST adminProjects/:id/reports/:periodId/accept': { allow: ['officer', 'admin'] },
  'POST adminProjects/:id/reports/:periodId/return': { allow: ['officer', 'admin'] },

  // The indicator catalogue (indicators.admin.pages.tsx): officers and administrators. ':id' is 999999 (404).
  'GET adminIndicators': officials,
  'POST adminIndicators': officials,
  'GET adminIndicators/:id': officials,
  'POST adminIndicators/:id': officials,
  'POST adminIndicators/:id/targets': officials,

  // Monitoring dashboard (monitoring.pages.tsx) and open data (open-data.pages.tsx): public.
  'GET monitoring': everyone,
  'GET openData': everyone,

  // News (news.pages.tsx, news.admin.pages.tsx). Public list and pages; officers and administrators write them.
  // ':id@news' and ':id@adminNews' are 999999 (404, counted as let in); the matrix's empty posts answer 400.
  // NEWS-ROUTES
  'GET news': everyone,
  'GET news/:id': everyone,
  'GET /api/v1/news': everyone,
  'GET /api/v1/news/:id': everyone,
  'GET adminNews': officials,
  'GET adminNews/new': officials,
  'POST adminNews/new': officials,
  'GET adminNews/:id': officials,
  'POST adminNews/:id': officials,
  'GET adminNews/:id/delete': officials,
  'POST adminNews/:id/delete': officials,

  // Feeds, calendar and the widget (feeds.pages.tsx, calendar.pages.tsx, widget.pages.tsx): public.
  // FEED-ROUTES
  'GET feeds': everyone,
  'GET widget/:region': everyone,
  'GET widget/:region/snippet': everyone,
  'GET /feeds/:locale/:feed': everyone,
  'GET /calendar/:locale/:calendar': everyone,
  'GET /assets/widget.css': everyone,

  // E-mail subscriptions (subscriptions.pages.tsx): public; ':token' is an unknown token (a page saying so, not an error).
  // Notification preferences (account): every signed-in user.
  // SUBSCRIPTION-ROUTES
  'GET accountNotifications': signedIn,
  'POST accountNotifications': signedIn,
  'GET subscribe': everyone,
  'POST subscribe': everyone,
  'GET subscribe/lahetetty': everyone,
  'GET subscribe/vahvistettu': everyone,
  'GET subscribe/vahvista/:token': everyone,
  'POST subscribe/vahvista/:token': everyone,
  'GET subscribe/peru/:token': everyone,
  // Also the RFC 8058 one-click post of mail providers, without a CSRF token (subscriptions.test.ts).
  'POST subscribe/peru/:token': everyone,
  'GET subscribe/muuta/:token': everyone,
  'POST subscribe/muuta/:token': everyone,

  // Webhooks (webhooks.admin.pages.tsx): officers (each for their own council) and administrators. ':id@adminWebhooks'
  // and ':deliveryId' are 999999 (404).
  // WEBHOOK-ROUTES
  'GET adminWebhooks': officials,
  'POST adminWebhooks': officials,
  'GET adminWebhooks/:id': officials,
  'POST adminWebhooks/:id/rotate': officials,
  'POST adminWebhooks/:id/activate': officials,
  'POST adminWebhooks/:id/deactivate': officials,
  'POST adminWebhooks/:id/delete': officials,
  'POST adminWebhooks/:id/test': officials,
  'GET adminWebhooks/:id/:deliveryId': officials,
  'POST adminWebhooks/:id/:deliveryId/replay': officials,

  // Outside the pages
  'GET /': everyone,
  'GET /healthz': everyone,
  'GET /readyz': everyone,
  'GET /metrics': adminOnly,
  'GET /robots.txt': everyone,
  'GET /favicon.ico': everyone,
  'GET /assets/tokens.css': everyone,
  'GET /assets/application-editor.js': everyone,
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
  // Calls API (calls.api.ts)
  'GET /api/v1/calls': everyone,
  'GET /api/v1/calls/:id': everyone,
  'GET /api/v1/calls/:id/applications': everyone,
  // Decisions API (decisions.api.ts)
  'GET /api/v1/calls/:id/decisions': everyone,
  // Projects API (projects.api.ts)
  'GET /api/v1/projects': everyone,
  'GET /api/v1/projects/:id': everyone,

  // Statistics API (monitoring.api.ts)
  'GET /api/v1/statistics/funding': everyone,
  'GET /api/v1/statistics/collaboration': everyone,
  'GET /api/v1/statistics/indicators': everyone,

  // Open data files (open-data.api.ts)
  // ':file' is a dataset.format such as projects.csv (an unknown one answers 404, counted as let in).
  'GET /api/v1/open-data': everyone,
  'GET /api/v1/open-data/:file': everyone,

  // Changes through the API need an API token (tested in api-tokens.test.ts); a browser session is refused.
  'PUT /api/v1/chair/overrides/:year': { allow: [] },
  'DELETE /api/v1/chair/overrides/:year': { allow: [] },
};

export { signedIn, pendingOnly, officials, adminOnly, adminOrCoordinator };
