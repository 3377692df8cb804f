import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import { formatDateTime } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import { findCallDetails, phaseOf, type CallDetails } from '../calls/calls.repository.js';
import { editorAccess, findApplicationDetails, type ApplicationDetails } from './applications.repository.js';

export interface EditorContext {
  application: ApplicationDetails;
  call: CallDetails;
  access: { whole: boolean; partnerIds: number[] };
  /** A draft in a call open by the server's clock: only then can anything be changed. */
  writable: boolean;
}

/**
 * The application of the route's :id and what the signed-in user may do with it: 404 when there is
 * no such application, 403 for someone who may edit no part of it.
 */
export async function loadForEditor(app: FastifyInstance, request: FastifyRequest): Promise<EditorContext> {
  const { id } = request.params as { id: number };
  const db = app.database.db;
  const application = await findApplicationDetails(db, id);
  if (!application) throw new AppError('APPLICATION_NOT_FOUND');
  const access = await editorAccess(db, application, request.principal!.userId);
  if (!access.whole && access.partnerIds.length === 0) throw new AppError('FORBIDDEN');
  const call = await findCallDetails(db, application.callId);
  if (!call) throw new AppError('CALL_NOT_FOUND');
  return { application, call, access, writable: application.status === 'draft' && phaseOf(call, app.now()) === 'open' };
}

/** Why a change was refused because the application can no longer change, as a message at the top of the page. */
export function notWritableMessage(
  reason: 'not-found' | 'not-draft' | 'closed',
  closesAt: string | undefined,
  locale: Locale,
  m: { notDraft: string; closed: (time: string) => string },
): string {
  return reason === 'closed' && closesAt ? m.closed(formatDateTime(closesAt, locale)) : m.notDraft;
}

