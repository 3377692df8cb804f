import type { FastifyInstance } from 'fastify';
import { requestActor } from '../../http/actor.js';
import type { FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import type { NotificationDelivery } from '../../db/schema-notifications.js';
import { Checkbox, CsrfField, ErrorSummary, errorOf, RadioGroup } from '../../views/components/form.js';
import type { PageContext } from '../../views/page-context.js';
import { accountMessages } from '../account/account.messages.js';
import { AccountFrame, field } from '../account/account.views.js';
import { findNotificationPreferences, isDelivery, type NotificationPreferences } from './notification-preferences.repository.js';
import { notificationPreferencesMessages } from './notification-preferences.messages.js';
import { updateNotificationPreferences } from './notification-preferences.service.js';

/** The form as posted: the delivery stays as sent (possibly nothing) so that the page can show it again. */
type PreferencesForm = Omit<NotificationPreferences, 'delivery'> & { delivery: NotificationDelivery | '' };

export async function notificationPreferencesPages(app: FastifyInstance) {
  getPage(app, 'accountNotifications', '', 'signedIn', async (locale, request) => {
    const query = request.query as Record<string, unknown>;
    const preferences = await findNotificationPreferences(app.database.db, request.principal!.userId);
    const ctx = pageContext(request, locale, { current: 'account' });
    const notice = query.saved !== undefined ? notificationPreferencesMessages[locale].saved : undefined;
    return <PreferencesPage ctx={ctx} form={preferences} errors={[]} notice={notice} />;
  });

  postPage(app, 'accountNotifications', '', 'signedIn', async (locale, request, reply) => {
    const m = notificationPreferencesMessages[locale];
    const delivery = field(request.body, 'delivery');
    const form: PreferencesForm = {
      deadlineReminders: field(request.body, 'deadlineReminders') === '1',
      reviewAssignments: field(request.body, 'reviewAssignments') === '1',
      reportNotices: field(request.body, 'reportNotices') === '1',
      delivery: isDelivery(delivery) ? delivery : '',
    };
    if (form.delivery === '') {
      reply.code(400);
      const ctx = pageContext(request, locale, { current: 'account' });
      return <PreferencesPage ctx={ctx} form={form} errors={[{ field: 'delivery', message: m.deliveryRequired }]} />;
    }
    await updateNotificationPreferences(app.database.db, requestActor(request), request.principal!.userId, { ...form, delivery: form.delivery }, app.now());
    return reply.redirect(`${pagePath(locale, 'accountNotifications')}?saved`, 303);
  });
}

function PreferencesPage({ ctx, form, errors, notice }: { ctx: PageContext; form: PreferencesForm; errors: FieldError[]; notice?: string | undefined }) {
  const { t, locale } = ctx;
  const m = notificationPreferencesMessages[locale];
  return (
    <AccountFrame ctx={ctx} title={m.title} lead={m.lead} hasErrors={errors.length > 0} notice={notice} back={accountMessages[locale].backToAccount}>
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <form method="post" action={pagePath(locale, 'accountNotifications')} novalidate>
        <CsrfField token={ctx.csrf()} />
        <div class="field">
          <fieldset>
            <legend class="field__label">{m.kindsLegend}</legend>
            <Checkbox name="deadlineReminders" label={m.deadlineReminders} hint={m.deadlineRemindersHint} checked={form.deadlineReminders} />
            <Checkbox name="reviewAssignments" label={m.reviewAssignments} hint={m.reviewAssignmentsHint} checked={form.reviewAssignments} />
            <Checkbox name="reportNotices" label={m.reportNotices} hint={m.reportNoticesHint} checked={form.reportNotices} />
          </fieldset>
        </div>
        <RadioGroup
          name="delivery"
          legend={m.deliveryLegend}
          value={form.delivery}
          error={errorOf(errors, 'delivery')}
          options={[
            { value: 'immediate', label: m.deliveryImmediate },
            { value: 'daily', label: m.deliveryDaily },
          ]}
        />
        <button type="submit" class="button">
          {m.save}
        </button>
      </form>

      <section aria-labelledby="always-heading">
        <h2 id="always-heading">{m.alwaysHeading}</h2>
        <p>{m.alwaysLead}</p>
        <ul>
          {m.always.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="subscribe-heading">
        <h2 id="subscribe-heading">{m.subscribeHeading}</h2>
        <p>{m.subscribeText}</p>
        <p>
          <a href={pagePath(locale, 'subscribe')}>{m.subscribeLink}</a>
        </p>
      </section>
    </AccountFrame>
  );
}
