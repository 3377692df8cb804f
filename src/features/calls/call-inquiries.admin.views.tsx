import type { InquiryStatus } from '../../db/schema.js';
import type { FieldError } from '../../http/errors.js';
import { pagePath } from '../../http/page-paths.js';
import { formatDateTime } from '../../i18n/format.js';
import { CsrfField, ErrorSummary, Notice, TextArea, errorOf } from '../../views/components/form.js';
import { PageHeading } from '../../views/components/page-heading.js';
import { ScrollTable } from '../../views/components/scroll-table.js';
import type { PageContext } from '../../views/page-context.js';
import { callInquiryMessages } from './call-inquiries.messages.js';
import type { Inquiry } from './call-inquiries.repository.js';
import { inquiryLimits } from './call-inquiries.service.js';
import { Paragraphs } from './call-inquiries.views.js';
import type { Call } from './calls.repository.js';
import { AdminPage, CallPartsNav, callTitle } from './views/call-criteria.parts.js';

const statusTag: Record<InquiryStatus, string> = { open: 'tag tag--pending', published: 'tag tag--active', dismissed: 'tag tag--neutral' };

function StatusTag({ ctx, status }: { ctx: PageContext; status: InquiryStatus }) {
  return <span class={statusTag[status]}>{callInquiryMessages[ctx.locale].status(status)}</span>;
}

const excerpt = (text: string, max = 140) => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
};

export function InquiryInboxPage({ ctx, call, inquiries }: { ctx: PageContext; call: Call; inquiries: readonly Inquiry[] }) {
  const { locale } = ctx;
  const m = callInquiryMessages[locale];
  const title = m.inboxTitle(callTitle(call, locale));
  return (
    <AdminPage ctx={ctx} title={title}>
      <CallPartsNav ctx={ctx} callId={call.id} current="inquiries" />
      <PageHeading title={title} lead={m.inboxLead} />
      <p>
        <a href={pagePath(locale, 'calls', String(call.id), 'questions')}>{m.viewPublic}</a>
      </p>
      {inquiries.length === 0 ? (
        <p class="muted">{m.noInquiries}</p>
      ) : (
        <ScrollTable id="inquiries-caption" caption={m.inboxCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colQuestion}</th>
              <th scope="col">{m.colAsked}</th>
              <th scope="col">{m.colLanguage}</th>
              <th scope="col">{m.colStatus}</th>
            </tr>
          </thead>
          <tbody>
            {inquiries.map((q) => (
              <tr>
                <th scope="row">
                  <a href={pagePath(locale, 'adminCalls', String(call.id), 'inquiries', String(q.id))}>{m.detailTitle(q.id)}</a>
                  <p lang={q.locale !== locale ? q.locale : undefined}>{excerpt(q.publicQuestion ?? q.question)}</p>
                </th>
                <td>{formatDateTime(q.askedAt, locale)}</td>
                <td>{m.languageName(q.locale)}</td>
                <td>
                  <StatusTag ctx={ctx} status={q.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </AdminPage>
  );
}

export interface AnswerForm {
  publicQuestion: string;
  answer: string;
}

export type InquiryNotice = 'published' | 'updated' | 'dismissed';

export function InquiryDetailPage(props: {
  ctx: PageContext;
  call: Call;
  inquiry: Inquiry;
  form: AnswerForm;
  errors: FieldError[];
  notice: InquiryNotice | null;
}) {
  const { ctx, call, inquiry, form, errors, notice } = props;
  const { t, locale } = ctx;
  const m = callInquiryMessages[locale];
  const title = m.detailTitle(inquiry.id);
  const lang = inquiry.locale !== locale ? inquiry.locale : undefined;
  const base = pagePath(locale, 'adminCalls', String(call.id), 'inquiries');
  return (
    <AdminPage ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${title}` : title}>
      <CallPartsNav ctx={ctx} callId={call.id} current="inquiries" />
      <p>
        <a href={base}>{m.backToInbox}</a>
      </p>
      <PageHeading title={title} lead={callTitle(call, locale)}>
        <p>
          <StatusTag ctx={ctx} status={inquiry.status} />
        </p>
      </PageHeading>
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      {notice ? <Notice text={m[notice]} /> : null}
      <section aria-labelledby="original">
        <h2 id="original">{m.originalHeading}</h2>
        <p class="muted">{m.originalHint}</p>
        <dl class="summary-list">
          <div>
            <dt>{m.askedAt}</dt>
            <dd>
              <time dateTime={inquiry.askedAt}>{formatDateTime(inquiry.askedAt, locale)}</time>
            </dd>
          </div>
          <div>
            <dt>{m.askedLanguage}</dt>
            <dd>{m.languageName(inquiry.locale)}</dd>
          </div>
        </dl>
        <blockquote class="inquiry-original">
          <Paragraphs text={inquiry.question} lang={lang} />
        </blockquote>
      </section>
      <form method="post" action={`${base}/${inquiry.id}`} novalidate>
        <CsrfField token={ctx.csrf()} />
        <fieldset class="form-section">
          <legend>{m.answerLegend}</legend>
          <TextArea
            name="public_question"
            label={m.publicQuestion}
            hint={m.publicQuestionHint}
            value={form.publicQuestion}
            error={errorOf(errors, 'public_question')}
            rows={5}
            maxLength={inquiryLimits.questionMax}
            required
          />
          <TextArea
            name="answer"
            label={m.answerLabel}
            hint={m.answerHint}
            value={form.answer}
            error={errorOf(errors, 'answer')}
            rows={10}
            maxLength={inquiryLimits.answerMax}
            required
          />
        </fieldset>
        <div class="actions">
          <button type="submit" name="action" value="publish" class="button">
            {inquiry.status === 'published' ? m.savePublished : m.publish}
          </button>
          {inquiry.status === 'open' ? (
            <button type="submit" name="action" value="dismiss" class="button button--secondary" aria-describedby="dismiss-hint">
              {m.dismiss}
            </button>
          ) : null}
        </div>
        {inquiry.status === 'open' ? (
          <p class="muted" id="dismiss-hint">
            {m.dismissHint}
          </p>
        ) : null}
      </form>
    </AdminPage>
  );
}
