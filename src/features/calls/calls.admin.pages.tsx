import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { allowedActions, callPhases, type CallPhase } from '../../domain/call-lifecycle.js';
import type { CallProblem } from '../../domain/call-validation.js';
import { requestActor } from '../../http/actor.js';
import { AppError, type FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { Locale } from '../../i18n/locales.js';
import { mayManageCall } from '../../policies/policies.js';
import { listRegions, type Region } from '../regions/regions.repository.js';
import { listPriorities } from '../strategy/strategy.repository.js';
import { blankCallForm, callToForm, problemMessage, readCallForm, sortErrors, validateCallForm, type CallForm } from './calls.admin.form.js';
import { callsAdminMessages } from './calls.admin.messages.js';
import { callCreator, listCallsForAdmin, listCorrections, priorityChoices } from './calls.admin.repository.js';
import { createCall, deleteDraftCall, moveCall, saveCall, type LifecycleAction, type SaveProblem } from './calls.admin.service.js';
import { findCallDetails, phaseOf, type CallDetails } from './calls.repository.js';
import { CallFormPage } from './views/calls.admin.form.js';
import { CallListPage } from './views/calls.admin.list.js';
import { CallOverviewPage, DeleteCallPage } from './views/calls.admin.overview.js';

const idParams = { schema: { params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }) } };

/** The notices the overview shows after a redirect, by the query key the redirect carries. */
const notices = ['created', 'saved', 'corrected', 'published', 'reviewStarted', 'decided'] as const;

/** The phases in which the form may be used: a draft is edited, a published call corrected. */
const editable: readonly CallPhase[] = ['draft', 'published', 'open', 'closed'];

function saveProblemErrors(problems: readonly SaveProblem[], locale: Locale, regions: readonly Region[]): FieldError[] {
  const m = callsAdminMessages[locale];
  const council = (code: string) => regions.find((r) => r.code === code)?.council.name[locale] ?? code;
  const errors: FieldError[] = [];
  const partners = problems.flatMap((p) => (p.kind === 'council-has-partners' ? [m.councilHasPartners(council(p.regionCode))] : []));
  if (partners.length > 0) errors.push({ field: 'regions', message: partners.join(' ') });
  for (const p of problems) {
    if (p.kind === 'no-strategy') errors.push({ field: 'priority', message: m.noStrategy });
    else if (p.kind === 'no-changes') errors.push({ field: 'title_fi', message: m.noChanges });
    else if (p.kind === 'closes-moved-to-past') errors.push({ field: 'closes_date', message: m.closesMovedToPast });
    else if (p.kind === 'opens-moved-after-opening') errors.push({ field: 'opens_date', message: m.opensMovedAfterOpening });
    else if (p.kind === 'rule') errors.push({ field: p.problem.field === 'criteria' ? 'min_total_score' : p.problem.field, message: problemMessage(p.problem, m) });
  }
  const seen = new Set<string>();
  return sortErrors(
    errors.filter((e) => (seen.has(e.field) ? false : (seen.add(e.field), true))),
    regions.map((r) => r.code),
  );
}

export async function callsAdminPages(app: FastifyInstance) {
  const db = () => app.database.db;

  /** The call, if the viewer may manage it: 404 when there is none, 403 when it is not theirs. */
  async function manageableCall(request: FastifyRequest): Promise<CallDetails> {
    const { id } = request.params as { id: number };
    const call = await findCallDetails(db(), id);
    if (!call) throw new AppError('CALL_NOT_FOUND');
    const createdBy = (await callCreator(db(), id)) ?? null;
    if (!mayManageCall(request.principal, { regionCodes: call.budgets.map((b) => b.regionCode), createdBy })) throw new AppError('FORBIDDEN');
    return call;
  }

  async function overview(
    locale: Locale,
    request: FastifyRequest,
    reply: FastifyReply,
    call: CallDetails,
    extras: { status?: number; problems?: readonly CallProblem[]; refusedInPhase?: CallPhase; decisionsPending?: 'no-proposal' | string[]; notice?: string } = {},
  ) {
    const now = app.now();
    const [regions, priorities, corrections] = await Promise.all([
      listRegions(db()),
      listPriorities(db(), { strategyIds: [call.strategyId] }),
      listCorrections(db(), call.id),
    ]);
    const phase = phaseOf(call, now);
    const actions = allowedActions({ status: call.status, opensAt: new Date(call.opensAt), closesAt: new Date(call.closesAt) }, now);
    reply.code(extras.status ?? 200).header('cache-control', 'no-store');
    return (
      <CallOverviewPage
        ctx={pageContext(request, locale, { current: 'adminCalls' })}
        call={call}
        phase={phase}
        actions={actions}
        regions={regions}
        priorities={priorities}
        corrections={corrections}
        notice={extras.notice}
        {...(extras.problems ? { problems: extras.problems } : {})}
        refusedInPhase={extras.refusedInPhase}
        decisionsPending={extras.decisionsPending}
      />
    );
  }

  async function formPage(
    locale: Locale,
    request: FastifyRequest,
    reply: FastifyReply,
    call: CallDetails | null,
    form: CallForm,
    errors: FieldError[],
    options: { status?: number; conflict?: boolean } = {},
  ) {
    const now = app.now();
    const [regions, choices] = await Promise.all([listRegions(db()), priorityChoices(db(), call, now)]);
    const correction = call !== null && phaseOf(call, now) !== 'draft';
    reply.code(options.status ?? 200).header('cache-control', 'no-store');
    return (
      <CallFormPage
        ctx={pageContext(request, locale, { current: 'adminCalls' })}
        call={call}
        correction={correction}
        regions={regions}
        choices={choices}
        form={form}
        errors={errors}
        conflict={options.conflict ?? false}
      />
    );
  }

  async function checkedForm(locale: Locale, request: FastifyRequest, call: CallDetails | null) {
    const now = app.now();
    const [regions, choices] = await Promise.all([listRegions(db()), priorityChoices(db(), call, now)]);
    const form = readCallForm(request.body, regions.map((r) => r.code));
    const checked = validateCallForm(form, {
      locale,
      councils: regions.map((r) => ({ regionCode: r.code, name: r.council.name[locale] })),
      priorityIds: choices.priorities.map((p) => p.id),
      correction: call !== null && phaseOf(call, now) !== 'draft',
    });
    return { form, checked, regions };
  }

  getPage(app, 'adminCalls', '', 'manageCalls', async (locale, request, reply) => {
    const now = app.now();
    const query = request.query as Record<string, unknown>;
    const phase = callPhases.find((p) => p === query.phase) ?? '';
    const [rows, regions] = await Promise.all([listCallsForAdmin(db()), listRegions(db())]);
    const calls = rows
      .filter((c) => mayManageCall(request.principal, { regionCodes: c.budgets.map((b) => b.regionCode), createdBy: c.createdBy }))
      .map((c) => ({ ...c, phase: phaseOf(c, now) }))
      .filter((c) => phase === '' || c.phase === phase);
    reply.header('cache-control', 'no-store');
    const notice = query.deleted !== undefined ? callsAdminMessages[locale].deleted : undefined;
    return <CallListPage ctx={pageContext(request, locale, { current: 'adminCalls' })} calls={calls} regions={regions} phase={phase} notice={notice} />;
  });

  getPage(app, 'adminCalls', '/new', 'manageCalls', async (locale, request, reply) => {
    const regions = await listRegions(db());
    return formPage(locale, request, reply, null, blankCallForm(regions.map((r) => r.code)), []);
  });

  postPage(app, 'adminCalls', '/new', 'manageCalls', async (locale, request, reply) => {
    const { form, checked, regions } = await checkedForm(locale, request, null);
    let errors: FieldError[];
    if (checked.ok) {
      const result = await createCall(db(), requestActor(request), checked.value, app.now());
      if (result.ok) return reply.redirect(`${pagePath(locale, 'adminCalls', String(result.id))}?created=1`, 303);
      errors = saveProblemErrors(result.problems, locale, regions);
    } else errors = checked.errors;
    return formPage(locale, request, reply, null, form, errors, { status: 400 });
  });

  getPage(
    app,
    'adminCalls',
    '/:id',
    'manageCalls',
    async (locale, request, reply) => {
      const call = await manageableCall(request);
      const query = request.query as Record<string, unknown>;
      const key = notices.find((k) => query[k] !== undefined);
      return overview(locale, request, reply, call, key ? { notice: callsAdminMessages[locale][key] } : {});
    },
    idParams,
  );

  getPage(
    app,
    'adminCalls',
    '/:id/edit',
    'manageCalls',
    async (locale, request, reply) => {
      const call = await manageableCall(request);
      const phase = phaseOf(call, app.now());
      if (!editable.includes(phase)) return overview(locale, request, reply, call, { status: 409, refusedInPhase: phase });
      const regions = await listRegions(db());
      return formPage(locale, request, reply, call, callToForm(call, regions.map((r) => r.code), locale), []);
    },
    idParams,
  );

  postPage(
    app,
    'adminCalls',
    '/:id/edit',
    'manageCalls',
    async (locale, request, reply) => {
      const call = await manageableCall(request);
      const { form, checked, regions } = await checkedForm(locale, request, call);
      if (!checked.ok) return formPage(locale, request, reply, call, form, checked.errors, { status: 400 });
      const version = /^\d{1,9}$/.test(form.version.trim()) ? Number(form.version) : -1;
      const result = await saveCall(db(), requestActor(request), call.id, checked.value, { version, note: checked.note }, app.now());
      if (result === null) throw new AppError('CALL_NOT_FOUND');
      if (result.ok) return reply.redirect(`${pagePath(locale, 'adminCalls', String(call.id))}?${result.corrected ? 'corrected' : 'saved'}=1`, 303);
      if ('state' in result) return overview(locale, request, reply, call, { status: 409, refusedInPhase: result.state });
      const conflict = result.problems.find((p) => p.kind === 'conflict');
      if (conflict) {
        // Keep what was typed, but on the version now stored: saving again then knowingly replaces it.
        const current = (await findCallDetails(db(), call.id)) ?? call;
        return formPage(locale, request, reply, current, { ...form, version: String(conflict.currentVersion) }, [], { status: 409, conflict: true });
      }
      return formPage(locale, request, reply, call, form, saveProblemErrors(result.problems, locale, regions), { status: 400 });
    },
    idParams,
  );

  const lifecycle: Array<{ suffix: string; action: Exclude<LifecycleAction, 'delete'>; notice: (typeof notices)[number] }> = [
    { suffix: '/:id/publish', action: 'publish', notice: 'published' },
    { suffix: '/:id/start-review', action: 'start-review', notice: 'reviewStarted' },
    { suffix: '/:id/decided', action: 'mark-decided', notice: 'decided' },
  ];
  for (const step of lifecycle) {
    postPage(
      app,
      'adminCalls',
      step.suffix,
      'manageCalls',
      async (locale, request, reply) => {
        const call = await manageableCall(request);
        const result = await moveCall(db(), requestActor(request), call.id, step.action, app.now());
        if (result === null) throw new AppError('CALL_NOT_FOUND');
        if (result.ok) {
          if (step.action === 'publish') void app.outbox.dispatch();
          return reply.redirect(`${pagePath(locale, 'adminCalls', String(call.id))}?${step.notice}=1`, 303);
        }
        if ('state' in result) return overview(locale, request, reply, call, { status: 409, refusedInPhase: result.state });
        if ('decisionsPending' in result) return overview(locale, request, reply, call, { status: 409, decisionsPending: result.decisionsPending });
        return overview(locale, request, reply, call, { status: 400, problems: result.problems });
      },
      idParams,
    );
  }

  getPage(
    app,
    'adminCalls',
    '/:id/delete',
    'manageCalls',
    async (locale, request, reply) => {
      const call = await manageableCall(request);
      const phase = phaseOf(call, app.now());
      if (phase !== 'draft') return overview(locale, request, reply, call, { status: 409, refusedInPhase: phase });
      reply.header('cache-control', 'no-store');
      return <DeleteCallPage ctx={pageContext(request, locale, { current: 'adminCalls' })} call={call} />;
    },
    idParams,
  );

  postPage(
    app,
    'adminCalls',
    '/:id/delete',
    'manageCalls',
    async (locale, request, reply) => {
      const call = await manageableCall(request);
      const result = await deleteDraftCall(db(), requestActor(request), call.id, app.now());
      if (result === null) throw new AppError('CALL_NOT_FOUND');
      if (result.ok) return reply.redirect(`${pagePath(locale, 'adminCalls')}?deleted=1`, 303);
      return overview(locale, request, reply, call, { status: 409, refusedInPhase: 'state' in result ? result.state : phaseOf(call, app.now()) });
    },
    idParams,
  );
}
