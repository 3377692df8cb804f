import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPrivateFile } from '../../http/downloads.js';
import { requestActor } from '../../http/actor.js';
import { AppError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { mayDecideFor } from '../../policies/policies.js';
import { callParams, managedCall } from '../calls/call-criteria.admin.pages.js';
import type { CallDetails } from '../calls/calls.repository.js';
import { listRegions } from '../regions/regions.repository.js';
import { readDecisionForm, validateDecisionForm } from './council-decisions.form.js';
import { councilDecisionMessages } from './council-decisions.messages.js';
import { findLetterParties, listCouncilDecisions, listDecisionLetters, readDecisionLetter } from './council-decisions.repository.js';
import { councilShares, recordCouncilDecision } from './council-decisions.service.js';
import { DecisionsPage, type ApplicationView, type CouncilView, type DecisionsPageProps } from './council-decisions.views.js';
import { councilsInvolved, councilsOf, findProposal } from './funding-proposal.js';

const IdSchema = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const councilParams = { schema: { params: Type.Object({ id: IdSchema, regionCode: Type.String({ pattern: '^[0-9]{2}$' }) }) } };
const letterParams = { schema: { params: Type.Object({ id: IdSchema, applicationId: IdSchema }) } };

/** The officers' page of a call's council decisions: the proposal, each council's shares and decision, and the letters. */
export async function councilDecisionPages(app: FastifyInstance) {
  const db = () => app.database.db;

  async function pageProps(locale: Locale, request: FastifyRequest, call: CallDetails): Promise<Omit<DecisionsPageProps, 'ctx'>> {
    const [proposal, decisions, letters, regions, parties] = await Promise.all([
      findProposal(db(), call.id),
      listCouncilDecisions(db(), call.id),
      listDecisionLetters(db(), call.id),
      listRegions(db()),
      findLetterParties(db(), call.id),
    ]);
    const nameOf = new Map(regions.map((r) => [r.code, r.council.name[locale]]));
    const name = (code: string) => nameOf.get(code) ?? code;
    const order = new Map(regions.map((r, i) => [r.code, i]));
    const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
    if (!proposal) return { call, proposal, councils: [], uninvolved: [], applications: [], callDecided: false };

    const involved = councilsInvolved(proposal.proposal).sort(byOrder);
    const decisionOf = new Map(decisions.map((d) => [d.regionCode, d]));
    const councils: CouncilView[] = involved.map((regionCode) => ({
      regionCode,
      name: name(regionCode),
      shares: councilShares(proposal.proposal, regionCode),
      decision: decisionOf.get(regionCode) ?? null,
      mayDecide: mayDecideFor(request.principal, regionCode),
    }));
    const letterOf = new Map(letters.map((l) => [l.applicationId, l]));
    const outcomeOf = new Map(proposal.proposal.outcomes.map((o) => [o.applicationId, o.kind]));
    const applications: ApplicationView[] = proposal.proposal.scores.map((s) => {
      const own = councilsOf(s).sort(byOrder);
      return {
        applicationId: s.applicationId,
        party: parties.get(s.applicationId),
        outcome: outcomeOf.get(s.applicationId) ?? 'not-fundable',
        decided: own.filter((r) => decisionOf.has(r)).map(name),
        waiting: own.filter((r) => !decisionOf.has(r)).map(name),
        letter: letterOf.get(s.applicationId),
      };
    });
    return {
      call,
      proposal,
      councils,
      uninvolved: call.budgets.map((b) => b.regionCode).filter((r) => !involved.includes(r)).map(name),
      applications,
      callDecided: involved.length > 0 && involved.every((r) => decisionOf.has(r)),
    };
  }

  async function render(locale: Locale, request: FastifyRequest, reply: FastifyReply, call: CallDetails, extra: Partial<DecisionsPageProps> = {}) {
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(request, locale, { current: 'adminCalls' });
    return <DecisionsPage ctx={ctx} {...(await pageProps(locale, request, call))} {...extra} />;
  }

  getPage(app, 'adminCalls', '/:id/decisions', 'manageCalls', async (locale, request, reply) => {
    const call = await managedCall(app, request);
    const recorded = (request.query as Record<string, unknown>).recorded;
    const notice = typeof recorded === 'string' && /^\d{1,6}$/.test(recorded) ? councilDecisionMessages[locale].recorded(Number(recorded)) : undefined;
    return render(locale, request, reply, call, { notice });
  }, callParams);

  postPage(app, 'adminCalls', '/:id/decisions/:regionCode', 'manageCalls', async (locale, request, reply) => {
    const call = await managedCall(app, request);
    const { regionCode } = request.params as { regionCode: string };
    if (!call.budgets.some((b) => b.regionCode === regionCode)) throw new AppError('NOT_FOUND');
    if (!mayDecideFor(request.principal, regionCode)) throw new AppError('FORBIDDEN');
    const m = councilDecisionMessages[locale];
    const form = readDecisionForm(request.body, regionCode);
    const checked = validateDecisionForm(form, regionCode, locale, app.now());
    if (!checked.ok) {
      reply.code(400);
      return render(locale, request, reply, call, { form: { regionCode, values: form, errors: checked.errors } });
    }
    const result = await recordCouncilDecision(db(), requestActor(request), { callId: call.id, regionCode, decision: checked.value }, { deliverMail: app.mailer.delivers }, app.now());
    if (result.ok) {
      // The decision is published to the councils' channels (and letters mailed) through the outbox.
      void app.outbox.dispatch();
      return reply.redirect(`${pagePath(locale, 'adminCalls', String(call.id), 'decisions')}?recorded=${result.finalApplicationIds.length}#council-${regionCode}`, 303);
    }
    const council = (await listRegions(db())).find((r) => r.code === regionCode)?.council.name[locale] ?? regionCode;
    const refused = { 'no-proposal': m.refusedNoProposal, 'no-share': m.refusedNoShare(council), 'already-decided': m.refusedAlreadyDecided(council) }[result.reason];
    reply.code(409);
    return render(locale, request, reply, call, { refused, ...(result.reason === 'already-decided' ? {} : { form: { regionCode, values: form, errors: [] } }) });
  }, councilParams);

  getPage(app, 'adminCalls', '/:id/decisions/letters/:applicationId', 'manageCalls', async (_locale, request, reply) => {
    const call = await managedCall(app, request);
    const { applicationId } = request.params as { applicationId: number };
    const letter = await readDecisionLetter(db(), call.id, applicationId);
    if (!letter) throw new AppError('LETTER_NOT_FOUND');
    return sendPrivateFile(reply, { filename: letter.filename, contentType: 'application/pdf', content: letter.content });
  }, letterParams);
}
