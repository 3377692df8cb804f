import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startSession } from '../../src/features/auth/session.service.js';
import { matchPageRoute, pageSegments } from '../../src/http/page-paths.js';
import { locales, type Locale } from '../../src/i18n/locales.js';
import { agentFor, buildTestApp, type TestApp } from '../helpers/app.js';
import { TestAgent } from '../helpers/agent.js';
import { buildProject } from '../helpers/project-factories.js';
import { testDialects } from '../helpers/dialects.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';
import { matrix, roles, type MatrixEntry, type Outcome, type Role } from './role-matrix.js';

/** Which page a registered route belongs to: the fi, sv and en routes of a page share one matrix row. */
function matrixKey(method: string, url: string): { key: string; locale?: Locale } {
  const page = matchPageRoute(url);
  return page ? { key: `${method} ${page.page}${page.suffix}`, locale: page.locale } : { key: `${method} ${url}` };
}

function expected(entry: MatrixEntry, role: Role): Outcome {
  const override = entry.outcome?.[role];
  if (override) return override;
  if (entry.allow === 'everyone' || entry.allow.includes(role)) return 'ok';
  return role === 'anonymous' || role === 'pending' ? 'sign-in' : 'forbidden';
}

function classify(res: LightMyRequestResponse, signInPaths: readonly string[]): Outcome | 'error' {
  if (res.statusCode >= 500) return 'error';
  if (res.statusCode === 401) return 'sign-in';
  if (res.statusCode === 303 && signInPaths.includes(String(res.headers.location).split('?')[0]!)) return 'sign-in';
  if (res.statusCode === 403) {
    const code = res.headers['content-type']?.toString().includes('json') ? res.json().code : /Lomakkeen tarkistus|could not be verified|kunde inte verifieras/.test(res.body) ? 'CSRF_FAILED' : 'FORBIDDEN';
    return code === 'CSRF_FAILED' ? 'error' : 'forbidden';
  }
  return 'ok';
}

for (const dialect of testDialects()) {
  describe(`role matrix: every route × every role [${dialect.name}]`, { skip: dialect.skip }, () => {
    let t: TestApp;
    const users = new Map<Role, number>();
    let params: Record<string, string> = {};

    before(async () => {
      t = await buildTestApp(dialect);
      const db = t.database.db;
      const ownOrganisation = await buildOrganisation(db, { region: '17' });
      const applicant = await buildUser(db, { memberOf: [{ organisation: ownOrganisation }] });
      const orgAdmin = await buildUser(db, { memberOf: [{ organisation: ownOrganisation, admin: true }] });
      // A member whom the matrix's posts may act on without taking away anyone's rights.
      const target = await buildUser(db, { memberOf: [{ organisation: ownOrganisation }] });
      users.set('applicant', applicant.id);
      users.set('orgAdmin', orgAdmin.id);
      users.set('pending', (await buildUser(db, { roles: [{ role: 'officer', region: '12' }] })).id);
      users.set('expert', (await buildUser(db, { roles: [{ role: 'expert', region: '17' }] })).id);
      users.set('officer', (await buildUser(db, { roles: [{ role: 'officer', region: '11' }] })).id);
      // The test clock stands in 2026, when Kainuu (18) chairs: its officers coordinate.
      users.set('coordinator', (await buildUser(db, { roles: [{ role: 'officer', region: '18' }] })).id);
      users.set('admin', (await buildUser(db, { roles: [{ role: 'admin' }] })).id);
      const strategy = await db.selectFrom('strategies').select(['id', 'slug']).orderBy('id').executeTakeFirstOrThrow();
      const expertRow = await db.selectFrom('expert_group_members').select('id').where('region_code', '=', '11').executeTakeFirstOrThrow();
      const sector = await db.selectFrom('growth_sectors').select('id').where('region_code', '=', '11').orderBy('id').executeTakeFirstOrThrow();
      // A call open now in which all seven councils take part, and a draft application of the applicant's organisation.
      const sampleCall = await buildCall(db);
      const sampleApplication = await buildApplication(db, { call: sampleCall, lead: { organisation: ownOrganisation }, createdBy: applicant });
      // A funded project led by the applicant's organisation, funded by councils 17, 11 (the sample officer's) and 12;
      // Kainuu's officer (the coordinator) has no part in it.
      const sampleProject = await buildProject(db, { partners: [{ region: '17', organisation: ownOrganisation }, { region: '11' }, { region: '12' }] });
      params = {
        ':id@calls': String(sampleCall.id),
        ':id@projects': String(sampleProject.id),
        ':id@myProjects': String(sampleProject.id),
        ':id@adminProjects': String(sampleProject.id),
        // Reporting periods and indicators that do not exist: the routes answer 404 (counted as let in), and no sample is changed.
        ':periodId': '999999',
        // An open-data file (open-data.api.ts).
        ':file': 'projects.csv',
        ':indicatorId': '999999',
        ':id@adminIndicators': '999999',
        // News items, webhook subscriptions and deliveries that do not exist (404, counted as let in).
        ':id@news': '999999',
        ':id@adminNews': '999999',
        ':id@adminWebhooks': '999999',
        ':deliveryId': '999999',
        // Feeds (/feeds/:locale/:feed) and the calendar (/calendar/:locale/:calendar).
        ':locale': 'fi',
        ':feed': 'all.atom',
        ':calendar': 'calls.ics',
        // Routes outside the pages (/api/v1/calls/:id) have no page id after the @.
        ':id@': String(sampleCall.id),
        ':id@adminCalls': String(sampleCall.id),
        ':id@applications': String(sampleApplication.id),
        ':callId': String(sampleCall.id),
        ':applicationId': String(sampleApplication.id),
        ':attachmentId': '999999',
        ':partnerId': String(sampleApplication.partnerIds[1]),
        // Criteria, extra questions and inquiries that do not exist: the routes answer 404 (counted as let in), and no sample is changed.
        ':criterionId': '999999',
        ':questionId': '999999',
        ':inquiryId': '999999',
        // Review assignments that do not exist (404, counted as let in); a council whose officer is the sample officer.
        ':assignmentId': '999999',
        ':regionCode': '11',
        ':slug@strategy': strategy.slug,
        ':slug@regions': 'kainuu',
        ':slug': strategy.slug,
        ':reference': 'PA-20261128-ABCDEF',
        ':code': '18',
        ':year': '2027',
        ':token': 'x'.repeat(43),
        ':id@organisations': String(ownOrganisation.id),
        ':id@adminOrganisations': String(ownOrganisation.id),
        ':id@adminUsers': String(target.id),
        ':id@adminExpertGroup': String(expertRow.id),
        ':id@adminStrategy': String(strategy.id),
        ':id@adminEmail': '999999',
        ':id@adminApiTokens': '999999',
        ':id@adminGrowthSectors': String(sector.id),
        ':region': '11',
        ':roleId': '999999',
        ':userId': String(target.id),
        ':memberId': String(target.id),
      };
    });
    after(() => t?.close());

    async function agentAs(role: Role): Promise<TestAgent> {
      if (role === 'anonymous') return agentFor(t);
      const agent = new TestAgent(t.app);
      const token = await startSession(
        t.database.db,
        { userId: users.get(role)!, method: 'password', mfaPending: role === 'pending', ip: '127.0.0.1', userAgent: 'matrix' },
        t.clock.now(),
        t.app.config,
      );
      agent.cookies.set('s3_session', token);
      return agent;
    }

    function concreteUrl(url: string, key: string): string {
      const page = key.split(' ')[1]!.split('/')[0]!;
      return url.replace(/:[A-Za-z]+/g, (name) => {
        const value = params[`${name}@${page}`] ?? params[name];
        if (value === undefined) throw new Error(`role-matrix.test.ts: no sample value for ${name} in ${key}`);
        return value;
      });
    }

    it('has a written row for every registered route, and no row for a route that does not exist', () => {
      const keys = new Set(t.app.routeTable.map((r) => matrixKey(r.method, r.url).key));
      const unlisted = [...keys].filter((k) => !(k in matrix) && !k.startsWith('GET /assets/'));
      assert.deepEqual(unlisted, [], 'routes missing from test/integration/role-matrix.ts');
      const stale = Object.keys(matrix).filter((k) => !keys.has(k));
      assert.deepEqual(stale, [], 'matrix rows without a route');
    });

    it('answers each route for each role as the matrix says, in every language', async () => {
      const signInPaths = locales.map((l) => `/${l}/${pageSegments.signIn[l]}`);
      const failures: string[] = [];
      let cells = 0;
      for (const route of t.app.routeTable) {
        const { key } = matrixKey(route.method, route.url);
        const entry = matrix[key];
        if (!entry || route.url.includes('*')) continue;
        const url = concreteUrl(route.url, key);
        for (const role of roles) {
          const agent = await agentAs(role);
          const res =
            route.method === 'GET'
              ? await agent.get(url)
              : route.method === 'POST'
                ? await agent.post(url, {})
                : await t.app.inject({
                    method: route.method as 'PUT' | 'DELETE',
                    url,
                    headers: { cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/json' },
                    payload: '{}',
                  });
          const got = classify(res, signInPaths);
          const want = expected(entry, role);
          cells += 1;
          if (got !== want) failures.push(`${route.method} ${url} as ${role}: expected ${want}, got ${got} (${res.statusCode})`);
        }
      }
      assert.deepEqual(failures, []);
      assert.ok(cells > 100, `only ${cells} cells checked`);
      console.log(`role matrix [${dialect.name}]: ${t.app.routeTable.length} routes × ${roles.length} roles = ${cells} answers checked`);
    });
  });
}
