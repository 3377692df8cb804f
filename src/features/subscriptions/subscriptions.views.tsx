import type { FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { CsrfField, ErrorSummary, LocaleChoice, Notice, TextInput, errorOf, fieldId } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import { CheckboxGroup } from '../calls/views/calls.admin.parts.js';
import { MessagePage } from '../auth/password-reset.pages.js';
import type { SubscriptionChoices, SubscriptionForm } from './subscriptions.form.js';
import { describeChoices } from './subscription-mail.js';
import { subscriptionMessages } from './subscriptions.messages.js';
import type { SubscriptionOptions } from './subscriptions.service.js';
import { regionOptions } from '../../views/components/reference-fields.js';

/** A new subscription (the e-mail is asked for), or a change to one through its link (the e-mail is shown). */
export type FormMode = { kind: 'new' } | { kind: 'change'; token: string; email: string; saved: boolean };

function titleOf(ctx: PageContext, title: string, errors: readonly FieldError[]) {
  return errors.length > 0 ? `${ctx.t.errors.summaryTitle}: ${title}` : title;
}

export function SubscribePage(props: { ctx: PageContext; mode: FormMode; form: SubscriptionForm; errors: FieldError[]; options: SubscriptionOptions }) {
  const { ctx, mode, form, errors, options } = props;
  const { locale } = ctx;
  const m = subscriptionMessages[locale];
  const title = mode.kind === 'new' ? m.title : m.changeTitle;
  const action = mode.kind === 'new' ? pagePath(locale, 'subscribe') : pagePath(locale, 'subscribe', 'muuta', mode.token);
  return (
    <Layout ctx={ctx} title={titleOf(ctx, title, errors)}>
      <div class="narrow">
        <PageHeading title={title} lead={mode.kind === 'new' ? m.lead : m.changeLead(mode.email)} />
        {mode.kind === 'change' && mode.saved ? <Notice text={m.saved} /> : null}
        <ErrorSummary title={ctx.t.errors.summaryTitle} errors={errors} />
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrf()} />
          {mode.kind === 'new' ? (
            <TextInput name="email" type="email" label={m.email} hint={m.emailHint} value={form.email} error={errorOf(errors, 'email')} autocomplete="email" maxLength={254} required />
          ) : null}
          <CheckboxGroup
            name="what"
            legend={m.whatLegend}
            error={errorOf(errors, 'what')}
            options={[
              { value: 'calls', label: m.calls },
              { value: 'news', label: m.news },
            ]}
            values={form.what}
          />
          <CheckboxGroup
            name="region"
            legend={m.regionsLegend}
            hint={m.regionsHint}
            error={errorOf(errors, 'region')}
            options={regionOptions(options.regions, locale)}
            values={form.regions}
          />
          {options.priorities.length > 0 ? (
            <CheckboxGroup
              name="priority"
              legend={m.prioritiesLegend}
              hint={m.prioritiesHint}
              error={errorOf(errors, 'priority')}
              options={options.priorities.map((p) => ({ value: p.slug, label: p.name[locale] }))}
              values={form.priorities}
            />
          ) : null}
          <LocaleChoice legend={m.localeLegend} value={form.locale} error={errorOf(errors, 'locale')} />
          <button type="submit" class="button">
            {mode.kind === 'new' ? m.submit : m.save}
          </button>
        </form>
        {mode.kind === 'change' ? (
          <p>
            {m.stopInstead} <a href={pagePath(locale, 'subscribe', 'peru', mode.token)}>{m.unsubscribeButton}</a>
          </p>
        ) : null}
        <PrivacyNote ctx={ctx} />
      </div>
    </Layout>
  );
}

function PrivacyNote({ ctx }: { ctx: PageContext }) {
  const m = subscriptionMessages[ctx.locale];
  return (
    <section aria-labelledby={fieldId('privacy-heading')}>
      <h2 id={fieldId('privacy-heading')}>{m.privacyHeading}</h2>
      <ul>
        {m.privacy.map((text) => (
          <li>{text}</li>
        ))}
      </ul>
    </section>
  );
}

function ChoicesList({ ctx, email, choices, options }: { ctx: PageContext; email: string; choices: SubscriptionChoices; options: SubscriptionOptions }) {
  const m = subscriptionMessages[ctx.locale];
  const d = describeChoices(ctx.locale, choices, options.labels);
  const rows: Array<[string, string]> = [
    [m.email, email],
    [m.whatLegend, d.what],
    [m.regionsLegend, d.regions],
    [m.prioritiesLegend, d.priorities],
    [m.localeLegend, d.language],
  ];
  return (
    <>
      <h2>{m.choicesHeading}</h2>
      <dl class="facts">
        {rows.map(([term, value]) => (
          <div>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** The page a confirmation link opens: nothing changes until the button is pressed. */
export function ConfirmPage(props: { ctx: PageContext; token: string; email: string; choices: SubscriptionChoices; options: SubscriptionOptions }) {
  const { ctx, token, email } = props;
  const m = subscriptionMessages[ctx.locale];
  return (
    <Layout ctx={ctx} title={m.confirmTitle}>
      <div class="narrow">
        <PageHeading title={m.confirmTitle} lead={m.confirmLead(email)} />
        <ChoicesList ctx={ctx} email={email} choices={props.choices} options={props.options} />
        <form method="post" action={pagePath(ctx.locale, 'subscribe', 'vahvista', token)}>
          <CsrfField token={ctx.csrf()} />
          <button type="submit" class="button">
            {m.confirmButton}
          </button>
        </form>
      </div>
    </Layout>
  );
}

/** The page an unsubscribe link opens: the button, and a way to change the choices instead. */
export function UnsubscribePage(props: { ctx: PageContext; token: string; email: string; choices: SubscriptionChoices; options: SubscriptionOptions }) {
  const { ctx, token, email } = props;
  const m = subscriptionMessages[ctx.locale];
  return (
    <Layout ctx={ctx} title={m.unsubscribeTitle}>
      <div class="narrow">
        <PageHeading title={m.unsubscribeTitle} lead={m.unsubscribeLead(email)} />
        <form method="post" action={pagePath(ctx.locale, 'subscribe', 'peru', token)}>
          <CsrfField token={ctx.csrf()} />
          <button type="submit" class="button button--danger">
            {m.unsubscribeButton}
          </button>
        </form>
        <p>
          {m.changeInstead} <a href={pagePath(ctx.locale, 'subscribe', 'muuta', token)}>{m.changeLink}</a>
        </p>
        <ChoicesList ctx={ctx} email={email} choices={props.choices} options={props.options} />
      </div>
    </Layout>
  );
}

export function UnsubscribedPage({ ctx }: { ctx: PageContext }) {
  const m = subscriptionMessages[ctx.locale];
  return (
    <MessagePage ctx={ctx} title={m.unsubscribedTitle} text={m.unsubscribedText} success>
      <p>
        <a href={pagePath(ctx.locale, 'subscribe')}>{m.subscribeAgain}</a>
      </p>
    </MessagePage>
  );
}

/** A link that no longer leads anywhere: spent, mistyped, or (a confirmation link) past its week. */
export function LinkGonePage({ ctx, expired }: { ctx: PageContext; expired: boolean }) {
  const m = subscriptionMessages[ctx.locale];
  return (
    <MessagePage ctx={ctx} title={expired ? m.expiredTitle : m.unknownTitle} text={expired ? m.expiredText : m.unknownText}>
      <p>
        <a class="button" href={pagePath(ctx.locale, 'subscribe')}>
          {m.subscribeAgain}
        </a>
      </p>
    </MessagePage>
  );
}
