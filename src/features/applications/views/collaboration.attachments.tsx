import type { FieldError } from '../../../http/errors.js';
import { pagePath } from '../../../http/page-paths.js';
import { formatDateTime, formatNumber } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import { CsrfField, ErrorSummary, Notice, SelectField, TextArea, errorOf, fieldId } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { ApplicationBreadcrumb } from './collaboration.breadcrumb.js';
import type { ApplicationDetails, AttachmentInfo } from '../applications.repository.js';
import { attachmentsMessages } from '../attachments.messages.js';
import { collaborationMessages } from '../collaboration.messages.js';
import type { CallQuestion } from '../../calls/calls.repository.js';

/** The longest description kept with an attachment. */
export const DESCRIPTION_MAX = 500;

/** The upload form as typed (the file itself cannot be kept: browsers never pre-fill a file field). */
export interface UploadForm {
  description: string;
  /** '' for a general attachment, else the id of a file question. */
  purpose: string;
}

export type AttachmentsNotice = 'uploaded' | 'removed';

export interface AttachmentsPageProps {
  ctx: PageContext;
  application: ApplicationDetails;
  attachments: AttachmentInfo[];
  uploaders: Map<number, string>;
  /** The call's file questions. */
  questions: CallQuestion[];
  /** The application can still be changed (a draft in an open call). */
  writable: boolean;
  /** The viewer may answer the call's questions (a member of the lead organisation). */
  mayAnswer: boolean;
  /** Attachments the viewer may remove. */
  removable: ReadonlySet<number>;
  notice: AttachmentsNotice | null;
  form: UploadForm;
  errors: FieldError[];
  maxBytes: number;
}

/** A file size as people read it: kilobytes (rounded up) below one megabyte, else megabytes with one decimal. */
export function fileSize(bytes: number, locale: Locale): string {
  const m = attachmentsMessages[locale];
  if (bytes < 1024 * 1024) return m.kilobytes(formatNumber(Math.max(1, Math.ceil(bytes / 1024)), locale));
  return m.megabytes(formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, locale));
}

function AttachmentRow({ ctx, props, a }: { ctx: PageContext; props: AttachmentsPageProps; a: AttachmentInfo }) {
  const { locale } = ctx;
  const m = attachmentsMessages[locale];
  const question = a.questionId === null ? undefined : props.questions.find((q) => q.id === a.questionId);
  const base = pagePath(locale, 'applications', String(props.application.id), 'attachments', String(a.id));
  const canRemove = props.writable && props.removable.has(a.id);
  return (
    <tr>
      <th scope="row">
        <a href={base} download>
          {m.downloadNamed(a.filename, fileSize(a.sizeBytes, locale))}
        </a>
      </th>
      <td>{a.description}</td>
      <td>{question ? m.answerTo(question.label[locale]) : m.general}</td>
      <td>{fileSize(a.sizeBytes, locale)}</td>
      <td>
        <code class="checksum">{a.sha256}</code>
      </td>
      <td>{m.uploadedBy(a.uploadedBy === null ? null : (props.uploaders.get(a.uploadedBy) ?? null), formatDateTime(a.uploadedAt, locale))}</td>
      {props.writable ? (
        <td>
          {canRemove ? (
            <form method="post" action={`${base}/remove`} class="inline-form">
              <CsrfField token={ctx.csrf()} />
              <button type="submit" class="button button--secondary" aria-label={m.removeNamed(a.filename)}>
                {m.remove}
              </button>
            </form>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

function UploadSection({ ctx, props }: { ctx: PageContext; props: AttachmentsPageProps }) {
  const { locale } = ctx;
  const m = attachmentsMessages[locale];
  const { form, errors } = props;
  const fileError = errorOf(errors, 'file');
  const id = fieldId('file');
  const maxMb = m.megabytes(formatNumber(props.maxBytes / (1024 * 1024), locale));
  const purposes = props.mayAnswer ? props.questions : [];
  return (
    <section aria-labelledby="upload-heading" class="form-section">
      <h2 id="upload-heading">{m.uploadHeading}</h2>
      <form method="post" action={pagePath(locale, 'applications', String(props.application.id), 'attachments')} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrf()} />
        <div class={fileError ? 'field field--error' : 'field'}>
          <label class="field__label" for={id}>
            {m.file}
          </label>
          <p class="field__hint" id={`${id}-hint`}>
            {m.fileHint(maxMb)}
          </p>
          {fileError ? (
            <p class="field__error" id={`${id}-error`}>
              {fileError}
            </p>
          ) : null}
          <input
            class="field__input field__input--file"
            type="file"
            id={id}
            name="file"
            accept="application/pdf,.pdf"
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={fileError ? `${id}-hint ${id}-error` : `${id}-hint`}
          />
        </div>
        <TextArea
          name="description"
          label={m.description}
          hint={m.descriptionHint}
          value={form.description}
          error={errorOf(errors, 'description')}
          maxLength={DESCRIPTION_MAX}
          rows={3}
        />
        {purposes.length > 0 ? (
          <SelectField
            name="purpose"
            label={m.purpose}
            hint={m.purposeHint}
            value={form.purpose}
            error={errorOf(errors, 'purpose')}
            options={[{ value: '', label: m.general }, ...purposes.map((q) => ({ value: String(q.id), label: m.answerTo(q.label[locale]) }))]}
          />
        ) : null}
        <button type="submit" class="button">
          {m.upload}
        </button>
      </form>
    </section>
  );
}

/** Each file question of the call with the file that answers it: the place the editor's checklist links to. */
function QuestionsSection({ ctx, props }: { ctx: PageContext; props: AttachmentsPageProps }) {
  const { locale } = ctx;
  const m = attachmentsMessages[locale];
  const base = pagePath(locale, 'applications', String(props.application.id), 'attachments');
  return (
    <section aria-labelledby="questions-heading">
      <h2 id="questions-heading">{m.questionsHeading}</h2>
      <p>{props.mayAnswer ? m.questionsLead : m.questionsLeadOthers}</p>
      <dl class="summary-list">
        {props.questions.map((q) => {
          const value = props.application.answers[q.id];
          const answer = props.attachments.find((a) => String(a.id) === value);
          return (
            <div id={fieldId(`question.${q.id}`)}>
              <dt>
                {q.label[locale]}
                {q.required ? ` ${m.required}` : ''}
              </dt>
              <dd>
                {answer ? <a href={`${base}/${answer.id}`}>{m.downloadNamed(answer.filename, fileSize(answer.sizeBytes, locale))}</a> : m.notAnswered}
                {q.help[locale] ? <p class="field__hint">{q.help[locale]}</p> : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

export function AttachmentsPage(props: AttachmentsPageProps) {
  const { ctx, application, attachments, errors } = props;
  const { t, locale } = ctx;
  const m = attachmentsMessages[locale];
  return (
    <Layout ctx={ctx} title={errors.length > 0 ? `${t.errors.summaryTitle}: ${m.title}` : m.title}>
      <ApplicationBreadcrumb ctx={ctx} application={application} />
      <PageHeading title={m.title} lead={m.lead}>
        <p class="meta" id={fieldId('application')}>
          {collaborationMessages[locale].applicationLabel(application.title.trim() || collaborationMessages[locale].untitled)}
        </p>
      </PageHeading>
      <ErrorSummary title={t.errors.summaryTitle} errors={errors} />
      <Notice text={props.notice ? m[props.notice] : undefined} />
      {attachments.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <>
          <ScrollTable id="attachments-caption" caption={m.caption}>
            <thead>
              <tr>
                <th scope="col">{m.colFile}</th>
                <th scope="col">{m.colDescription}</th>
                <th scope="col">{m.colPurpose}</th>
                <th scope="col">{m.colSize}</th>
                <th scope="col">{m.colSha}</th>
                <th scope="col">{m.colUploaded}</th>
                {props.writable ? <th scope="col">{m.colActions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {attachments.map((a) => (
                <AttachmentRow ctx={ctx} props={props} a={a} />
              ))}
            </tbody>
          </ScrollTable>
          <p class="muted">{m.shaHint}</p>
        </>
      )}
      {props.questions.length > 0 ? <QuestionsSection ctx={ctx} props={props} /> : null}
      {props.writable ? <UploadSection ctx={ctx} props={props} /> : <p class="notice">{m.readOnly}</p>}
    </Layout>
  );
}
