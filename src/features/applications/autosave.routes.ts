import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { postPage } from '../../http/page-routes.js';
import { formatDateTime } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import type { CallDetails } from '../calls/calls.repository.js';
import { parseVersion, readGeneralForm, readPartnerForm, validateGeneralForm, validatePartnerForm } from './applications.form.js';
import { applicationsMessages, clockTime } from './applications.messages.js';
import type { ApplicationDetails } from './applications.repository.js';
import { generalChoices, saveGeneralPart, type EditRefusal, type SavedBy } from './applications.service.js';
import { loadForEditor } from './collaboration.context.js';
import { fill, liveCheckMessages } from './live-check.messages.js';
import { savePartnerPart } from './partners.service.js';

const idSchema = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const generalParams = { schema: { params: Type.Object({ id: idSchema }) } };
const partnerParams = { schema: { params: Type.Object({ id: idSchema, partnerId: idSchema }) } };

/** The answers of the autosave endpoints (JSON, for the editor's script). */
export type AutosaveAnswer =
  | { saved: true; version: number; savedAt: string; message: string }
  | { conflict: true; savedBy: string; savedAt: string; message: string }
  | { refused: true; code: EditRefusal['code']; message: string }
  | { errors: FieldError[] };

const time = (iso: string, locale: Locale) => clockTime(iso, locale);

function send(reply: FastifyReply, status: number, body: AutosaveAnswer): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(body);
}

function refusedAnswer(refusal: Pick<EditRefusal, 'code' | 'closesAt'>, locale: Locale): AutosaveAnswer {
  const m = liveCheckMessages[locale];
  const closed = refusal.code === 'DEADLINE_PASSED' && refusal.closesAt;
  return { refused: true, code: refusal.code, message: closed ? fill(m.closed, { time: formatDateTime(refusal.closesAt!, locale) }) : m.notDraft };
}

function conflictAnswer(conflict: { savedBy: SavedBy; savedAt: string }, locale: Locale): AutosaveAnswer {
  const m = liveCheckMessages[locale];
  const name = conflict.savedBy.name ?? m.someone;
  return { conflict: true, savedBy: name, savedAt: conflict.savedAt, message: fill(m.conflict, { name, time: time(conflict.savedAt, locale) }) };
}

function savedAnswer(result: { version: number; savedAt: string }, locale: Locale): AutosaveAnswer {
  return { saved: true, version: result.version, savedAt: result.savedAt, message: fill(liveCheckMessages[locale].autosaved, { time: time(result.savedAt, locale) }) };
}

/** The refusal of an application that can no longer change, before its form is even read. */
function refusalOf(application: ApplicationDetails, call: CallDetails): Pick<EditRefusal, 'code' | 'closesAt'> {
  return { code: application.status !== 'draft' ? 'APPLICATION_STATE' : 'DEADLINE_PASSED', closesAt: call.closesAt };
}

/**
 * The editor's automatic save: the same form posted in the background (URL-encoded, with its CSRF
 * token) a moment after the last change, saved by the same services and rules as the Save button,
 * and answered in JSON: saved with the new version, a conflict with who saved the part, a refusal
 * after the deadline, or the fields that cannot be stored.
 */
export async function autosaveRoutes(app: FastifyInstance) {
  postPage(
    app,
    'applications',
    '/:id/autosave/general',
    'applyForFunding',
    async (locale, request, reply) => {
      const editor = await loadForEditor(app, request);
      if (!editor.access.whole) throw new AppError('FORBIDDEN');
      if (!editor.writable) return send(reply, 409, refusedAnswer(refusalOf(editor.application, editor.call), locale));
      const form = readGeneralForm(request.body);
      const version = parseVersion(form.version);
      if (version === null) return send(reply, 400, { errors: [{ field: 'version', message: applicationsMessages[locale].reloadForm }] });
      const { context } = await generalChoices(app.database.db, { app: editor.application, call: editor.call }, locale);
      const checked = validateGeneralForm(form, locale, context);
      if (!checked.ok) return send(reply, 400, { errors: checked.errors });
      const result = await saveGeneralPart(app.database.db, requestActor(request), editor.application.id, version, checked.value, app.now());
      if (result.ok) return send(reply, 200, savedAnswer(result, locale));
      if ('refused' in result) return send(reply, 409, refusedAnswer(result.refused, locale));
      return send(reply, 409, conflictAnswer(result.conflict, locale));
    },
    generalParams,
  );

  postPage(
    app,
    'applications',
    '/:id/autosave/partners/:partnerId',
    'applyForFunding',
    async (locale, request, reply) => {
      const editor = await loadForEditor(app, request);
      const { partnerId } = request.params as { partnerId: number };
      if (!editor.application.partners.some((p) => p.id === partnerId)) throw new AppError('NOT_FOUND');
      if (!editor.access.whole && !editor.access.partnerIds.includes(partnerId)) throw new AppError('FORBIDDEN');
      if (!editor.writable) return send(reply, 409, refusedAnswer(refusalOf(editor.application, editor.call), locale));
      const form = readPartnerForm(request.body);
      const version = parseVersion(form.version);
      if (version === null) return send(reply, 400, { errors: [{ field: 'version', message: applicationsMessages[locale].reloadForm }] });
      const checked = validatePartnerForm(form, locale, editor.call.costModel);
      if (!checked.ok) return send(reply, 400, { errors: checked.errors });
      const result = await savePartnerPart(app.database.db, requestActor(request), editor.application.id, partnerId, version, checked.value, app.now());
      if (result.ok) return send(reply, 200, savedAnswer(result, locale));
      if ('reason' in result) throw new AppError('NOT_FOUND');
      if ('refused' in result) return send(reply, 409, refusedAnswer(result.refused, locale));
      return send(reply, 409, conflictAnswer(result.conflict, locale));
    },
    partnerParams,
  );
}
