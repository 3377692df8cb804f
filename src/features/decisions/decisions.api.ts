import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { pagePath } from '../../http/page-paths.js';
import { AppError } from '../../http/errors.js';
import { ProblemSchema } from '../../http/schemas.js';
import { locales } from '../../i18n/locales.js';
import { cached } from '../calls/calls.api.js';
import { CallIdSchema } from '../calls/calls.schema.js';
import { findPublicDecisions, type PublicDecisions } from './decisions.public.repository.js';
import { CallDecisionsSchema, type CallDecisionsDto } from './decisions.public.schema.js';

/**
 * The public decisions of a call in the API: the same data as its decisions page, amounts in cents
 * and dates in ISO form. Cached like the rest of the calls API (a minute, revalidated by ETag).
 */

export function presentDecisions(d: PublicDecisions, baseUrl: string): CallDecisionsDto {
  const id = String(d.call.id);
  return {
    callId: d.call.id,
    reference: d.call.reference,
    title: d.call.title,
    phase: d.phase,
    councils: d.councils.map((c) => ({ regionCode: c.regionCode, budgetCents: c.budgetCents, grantedCents: c.grantedCents, decision: c.decision })),
    totalBudgetCents: d.totalBudgetCents,
    grantedCents: d.grantedCents,
    projects: d.projects.map((p) => ({
      applicationId: p.applicationId,
      title: p.title,
      summary: p.summary,
      leadOrganisation: p.leadOrganisation,
      regions: p.regionCodes,
      grants: p.grants,
      grantedCents: p.grantedCents,
      finalAt: p.finalAt,
    })),
    links: {
      self: `${baseUrl}/api/v1/calls/${id}/decisions`,
      call: `${baseUrl}/api/v1/calls/${id}`,
      page: Object.fromEntries(locales.map((l) => [l, `${baseUrl}${pagePath(l, 'calls', id, 'decisions')}`])) as CallDecisionsDto['links']['page'],
    },
  };
}

export const decisionsApi: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/calls/:id/decisions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calls'],
        summary: 'The funding decisions of a call: each council’s decision and the funded projects whose funding is final',
        description:
          'Each participating council with its budget, what it granted and its decision (number, date, maker) once made. A project is listed once its funding is final – every council it asks funding from has decided – and only if it was funded, with its title, public summary, lead partner, the partners’ regions and the grant from each council with that council’s decision. Amounts are in euro cents; decision dates are YYYY-MM-DD. Business secrets, the rest of the application and personal data are never given. Drafts are not found.',
        params: Type.Object({ id: CallIdSchema }),
        response: { 200: CallDecisionsSchema, 304: Type.Null({ description: 'Not modified' }), 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request, reply) => {
      const found = await findPublicDecisions(app.database.db, request.params.id, app.now());
      if (!found) throw new AppError('CALL_NOT_FOUND', `No published call has the identifier ${request.params.id}.`);
      return cached(request, reply, presentDecisions(found, app.config.baseUrl));
    },
  );
};
