import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { FieldError } from '../../http/errors.js';
import { AppError } from '../../http/errors.js';
import { alternatePaths, pagePath } from '../../http/page-paths.js';
import { getPage, postPage } from '../../http/page-routes.js';
import { pageContext } from '../../http/render.js';
import { formatCalendarDate } from '../../i18n/format.js';
import { CsrfField, ErrorSummary, TextArea, TextInput } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import { feedbackLimits, readFeedbackForm, validateFeedback, type FeedbackForm } from './feedback.form.js';
import { findFeedbackByReference } from './feedback.repository.js';
import { submitFeedback } from './feedback.service.js';

/** The date this statement was last reviewed against the service. */
const STATEMENT_DATE = '2026-11-28';
const emptyForm: FeedbackForm = { message: '', pageUrl: '', name: '', email: '' };

export async function accessibilityPages(app: FastifyInstance) {
  getPage(app, 'accessibility', '', 'public', async (locale, request) => {
    const ctx = pageContext(request, locale, { current: 'accessibility' });
    return <StatementPage ctx={ctx} form={emptyForm} errors={[]} />;
  });

  postPage(app, 'accessibility', '', 'public', async (locale, request, reply) => {
    const ctx = pageContext(request, locale, { current: 'accessibility' });
    const form = readFeedbackForm(request.body);
    const result = validateFeedback(form, ctx.t);
    if (!result.ok) {
      reply.code(400).header('cache-control', 'no-store');
      return <StatementPage ctx={ctx} form={form} errors={result.errors} />;
    }
    const reference = await submitFeedback(app.database.db, result.value, locale, app.now());
    return reply.redirect(pagePath(locale, 'accessibility', 'feedback', reference), 303);
  });

  getPage(app, 'accessibility', '/feedback/:reference', 'public', async (locale, request, reply) => {
      const { reference } = request.params as { reference: string };
      const feedback = await findFeedbackByReference(app.database.db, reference);
      if (!feedback) throw new AppError('NOT_FOUND');
      reply.header('cache-control', 'no-store');
      const ctx = pageContext(request, locale, {
        current: 'accessibility',
        alternates: alternatePaths('accessibility', 'feedback', reference),
      });
      return <ThanksPage ctx={ctx} reference={reference} willReply={feedback.email !== null} />;
    },
    { schema: { params: Type.Object({ reference: Type.String({ pattern: '^PA-[0-9]{8}-[A-Z0-9]{6}$' }) }) } },
  );
}

function StatementPage({ ctx, form, errors }: { ctx: PageContext; form: FeedbackForm; errors: FieldError[] }) {
  const { t, locale } = ctx;
  const a = t.accessibility;
  const errorOf = (field: keyof FeedbackForm) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${a.title}` : a.title}>
      <PageHeading title={a.title} lead={a.intro} />
      <h2>{a.statusHeading}</h2>
      <p>{a.status}</p>
      <h2>{a.knownIssuesHeading}</h2>
      <ul>
        {a.knownIssues.map((issue) => (
          <li>{issue}</li>
        ))}
      </ul>
      <h2>{a.preparedHeading}</h2>
      <p>{a.prepared(formatCalendarDate(STATEMENT_DATE, locale, 'long'))}</p>

      <section aria-labelledby="feedback-heading" class="form-section">
        <h2 id="feedback-heading">{a.feedbackHeading}</h2>
        <p>{a.feedbackIntro}</p>
        <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
        <form method="post" action={pagePath(locale, 'accessibility')} novalidate>
          <CsrfField token={ctx.csrf()} />
          <fieldset>
            <legend>{t.feedback.legend}</legend>
            <TextArea
              name="message"
              label={t.feedback.message}
              hint={t.feedback.messageHint}
              value={form.message}
              error={errorOf('message')}
              maxLength={feedbackLimits.message}
            />
            <TextInput name="pageUrl" type="url" label={t.feedback.pageUrl} value={form.pageUrl} error={errorOf('pageUrl')} autocomplete="url" />
            <TextInput name="name" label={t.feedback.name} value={form.name} error={errorOf('name')} autocomplete="name" />
            <TextInput
              name="email"
              type="email"
              label={t.feedback.email}
              hint={t.feedback.emailHint}
              value={form.email}
              error={errorOf('email')}
              autocomplete="email"
            />
          </fieldset>
          <button type="submit" class="button">
            {t.feedback.submit}
          </button>
        </form>
      </section>

      <h2>{a.supervisionHeading}</h2>
      <p>{a.supervision}</p>
      <p>
        <a href={locale === 'fi' ? 'https://www.saavutettavuusvaatimukset.fi' : locale === 'sv' ? 'https://www.webbtillganglighet.fi' : 'https://www.webaccessibility.fi'}>
          {a.supervisionLink}
        </a>
      </p>
    </Layout>
  );
}

function ThanksPage({ ctx, reference, willReply }: { ctx: PageContext; reference: string; willReply: boolean }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t.feedback.thanksTitle}>
      <div class="panel panel--success">
        <h1>{t.feedback.thanksTitle}</h1>
        <p>
          {t.feedback.thanksText(reference)}
        </p>
      </div>
      <p>{willReply ? t.feedback.thanksReply : t.feedback.thanksNoReply}</p>
      <p>
        <a href={pagePath(locale, 'accessibility')}>{t.feedback.back}</a>
      </p>
    </Layout>
  );
}
