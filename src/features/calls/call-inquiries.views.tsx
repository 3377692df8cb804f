import type { CallPhase } from '../../domain/call-lifecycle.js';
import type { FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { formatDateTime } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import { CsrfField, ErrorSummary, Notice, TextArea, errorOf } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { Layout } from '../../views/layout.js';
import type { PageContext } from '../../views/page-context.js';
import { callInquiryMessages } from './call-inquiries.messages.js';
import type { PublishedInquiry } from './call-inquiries.repository.js';
import { acceptsInquiries, inquiryLimits } from './call-inquiries.service.js';

/** A text as typed: paragraphs at blank lines, line breaks kept. Preact escapes the text. */
export function Paragraphs({ text, lang }: { text: string; lang?: string | undefined }) {
  const paragraphs = text.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter((p) => p !== '');
  return (
    <>
      {paragraphs.map((p) => (
        <p lang={lang}>
          {p.split(/\r?\n/).map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

/** The ask form as typed, and what was wrong with it, when the section is shown again after a post. */
export interface AskForm {
  question: string;
  errors: FieldError[];
}

/**
 * The questions-and-answers section of a public call page: the published answers, and for a
 * signed-in user while the call is published or open, the form to ask (posted to calls '/:id/questions').
 * `asked` shows the thank-you notice (the call page passes it when its address has ?asked=1).
 */
export function CallInquiriesSection(props: {
  ctx: PageContext;
  callId: number;
  inquiries: readonly PublishedInquiry[];
  phase: CallPhase;
  asked?: boolean;
  form?: AskForm;
}) {
  const { ctx, callId, inquiries, phase, asked, form } = props;
  const { locale } = ctx;
  const m = callInquiryMessages[locale];
  const open = acceptsInquiries(phase);
  const here = ctx.alternates[locale];
  return (
    <section class="call-inquiries" aria-labelledby="questions">
      <h2 id="questions">{m.sectionTitle}</h2>
      <p>{m.sectionLead}</p>
      {asked ? <Notice text={m.asked} /> : null}
      {inquiries.length === 0 ? (
        <p class="muted">{m.none}</p>
      ) : (
        <dl class="qa-list">
          {inquiries.map((q) => {
            const lang = q.locale && q.locale !== locale ? q.locale : undefined;
            return (
              <div class="qa-list__item" id={`inquiry-${q.id}`}>
                <dt>
                  <span class="qa-list__label">{m.question}</span>
                  <Paragraphs text={q.question} lang={lang} />
                </dt>
                <dd>
                  <span class="qa-list__label">{m.answer}</span>
                  <Paragraphs text={q.answer} lang={lang} />
                  <p class="muted">
                    {q.answeredAt ? <time dateTime={q.answeredAt}>{m.answeredAt(formatDateTime(q.answeredAt, locale))}</time> : null}
                    {lang ? ` ${m.askedIn(m.language(lang))}` : null}
                  </p>
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {!open ? (
        <p class="muted">{m.notAskable}</p>
      ) : ctx.viewer ? (
        <form method="post" action={pagePath(locale, 'calls', String(callId), 'questions')} class="form-section" novalidate>
          <CsrfField token={ctx.csrf()} />
          <h3>{m.askTitle}</h3>
          <TextArea
            name="question"
            label={m.askLabel}
            hint={m.askHint}
            value={form?.question ?? ''}
            error={form ? errorOf(form.errors, 'question') : undefined}
            rows={6}
            maxLength={inquiryLimits.questionMax}
            required
          />
          <button type="submit" class="button">
            {m.askSubmit}
          </button>
        </form>
      ) : (
        <p>
          <a href={`${pagePath(locale, 'signIn')}?next=${encodeURIComponent(`${here}#questions`)}`}>{m.signInToAsk}</a>
        </p>
      )}
    </section>
  );
}

/** The ask form alone with the published answers: where a question that did not pass is shown again. */
export function InquiryAskPage(props: {
  ctx: PageContext;
  callId: number;
  callTitle: string;
  inquiries: readonly PublishedInquiry[];
  phase: CallPhase;
  form: AskForm;
  refused: boolean;
  asked?: boolean;
}) {
  const { ctx, callId, callTitle, inquiries, phase, form, refused, asked } = props;
  const { t, locale } = ctx;
  const m = callInquiryMessages[locale];
  const title = m.pageTitle(callTitle);
  return (
    <Layout ctx={ctx} title={form.errors.length > 0 || refused ? `${t.errors.summaryTitle}: ${title}` : title}>
      <p>
        <a href={pagePath(locale, 'calls', String(callId))}>{m.backToCall}</a>
      </p>
      <PageHeading title={title} />
      <ErrorSummary title={t.errors.summaryTitle} errors={form.errors} />
      {refused ? <Notice kind="warning" text={m.refused} /> : null}
      <CallInquiriesSection ctx={ctx} callId={callId} inquiries={inquiries} phase={phase} form={form} asked={asked ?? false} />
    </Layout>
  );
}

/** Language names for the officers' pages. */
export function languageLabel(locale: Locale, of: Locale): string {
  return callInquiryMessages[locale].languageName(of);
}
