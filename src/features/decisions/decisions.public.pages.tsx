import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendPrivateFile } from '../../http/downloads.js';
import { AppError } from '../../http/errors.js';
import { alternatePaths } from '../../http/page-paths.js';
import { getPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { editorAccess, findApplication, type Application } from '../applications/applications.repository.js';
import { findCall } from '../calls/calls.repository.js';
import { CallIdSchema } from '../calls/calls.schema.js';
import { listRegions } from '../regions/regions.repository.js';
import { readDecisionLetter } from './council-decisions.repository.js';
import { findApplicantDecision } from './decisions.applicant.repository.js';
import { findPublicDecisions } from './decisions.public.repository.js';
import { ApplicantDecisionPage } from './views/decisions.applicant.js';
import { DecisionsPage } from './views/decisions.public.js';

const callParams = { schema: { params: Type.Object({ id: CallIdSchema }) } };
const applicationParams = { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }) } };

/**
 * A call's published decisions (public), and an application's decision and letter for the members
 * of its lead organisation – the same people who see its receipt.
 */
export async function decisionsPublicPages(app: FastifyInstance) {
  const db = () => app.database.db;

  getPage(app, 'calls', '/:id/decisions', 'public', async (locale, request) => {
    const { id } = request.params as { id: number };
    const decisions = await findPublicDecisions(db(), id, app.now());
    if (!decisions) throw new AppError('CALL_NOT_FOUND');
    const ctx = pageContext(request, locale, { current: 'calls', alternates: alternatePaths('calls', String(id), 'decisions') });
    return <DecisionsPage ctx={ctx} decisions={decisions} regions={await listRegions(db())} />;
  }, callParams);

  /** The application of the address, when the signed-in user is a member of its lead organisation. */
  async function ownApplication(request: FastifyRequest): Promise<Application> {
    const { id } = request.params as { id: number };
    const application = await findApplication(db(), id);
    if (!application) throw new AppError('APPLICATION_NOT_FOUND');
    const principal = request.principal;
    if (!principal || !(await editorAccess(db(), application, principal.userId)).whole) throw new AppError('FORBIDDEN');
    return application;
  }

  getPage(app, 'applications', '/:id/decision', 'applyForFunding', async (locale, request) => {
    const application = await ownApplication(request);
    const [decision, call, regions] = await Promise.all([
      findApplicantDecision(db(), application),
      findCall(db(), application.callId),
      listRegions(db()),
    ]);
    if (!call) throw new AppError('CALL_NOT_FOUND');
    // Only a submitted application is decided on; a letter, once issued, stays readable whatever happens after.
    if (application.status !== 'submitted' && !decision.letter) throw new AppError('NOT_FOUND', 'No decision is made on an application that has not been submitted');
    return (
      <ApplicantDecisionPage
        ctx={pageContext(request, locale, { current: 'applications' })}
        applicationId={application.id}
        title={application.title}
        decisionsUnderWay={call.status === 'in_review' || call.status === 'decided'}
        decision={decision}
        regions={regions}
      />
    );
  }, applicationParams);

  getPage(app, 'applications', '/:id/decision/letter', 'applyForFunding', async (_locale, request, reply) => {
    const application = await ownApplication(request);
    const letter = await readDecisionLetter(db(), application.callId, application.id);
    if (!letter) throw new AppError('LETTER_NOT_FOUND');
    return sendPrivateFile(reply, { filename: letter.filename, contentType: 'application/pdf', content: letter.content });
  }, applicationParams);
}
