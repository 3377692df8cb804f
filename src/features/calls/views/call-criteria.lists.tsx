import { pagePath } from '../../../http/page-paths.js';
import { formatNumber } from '../../../i18n/format.js';
import { CsrfField, Notice } from '../../../views/components/form.js';
import { PageHeading } from '../../../views/components/page-heading.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { callCriteriaMessages } from '../call-criteria.messages.js';
import { criterionScaleMax, maxWeightedTotal } from '../../../domain/call-validation.js';
import { criterionKinds, type EditMode } from '../call-criteria.service.js';
import type { CallDetails, CallQuestion, Criterion } from '../calls.repository.js';
import { AdminPage, CallPartsNav, ModeNotice, callTitle } from './call-criteria.parts.js';

export type ListNotice = 'criterionCreated' | 'criterionSaved' | 'criterionRemoved' | 'questionCreated' | 'questionSaved' | 'questionRemoved' | 'moved';

interface ListProps {
  ctx: PageContext;
  call: CallDetails;
  mode: EditMode;
  notice: ListNotice | null;
  corrected: boolean;
}

/** Remove and move buttons of a row: small forms, since each changes data. */
function RowActions(props: { ctx: PageContext; base: string; name: string; first: boolean; last: boolean }) {
  const { ctx, base, name, first, last } = props;
  const m = callCriteriaMessages[ctx.locale];
  const csrf = ctx.csrf();
  const hidden = <span class="visually-hidden">: {name}</span>;
  return (
    <>
      <a href={base}>
        {m.edit}
        {hidden}
      </a>
      {first ? null : (
        <form method="post" action={`${base}/move`} class="inline-form">
          <CsrfField token={csrf} />
          <input type="hidden" name="direction" value="up" />
          <button type="submit" class="button button--secondary">
            {m.moveUp}
            {hidden}
          </button>
        </form>
      )}
      {last ? null : (
        <form method="post" action={`${base}/move`} class="inline-form">
          <CsrfField token={csrf} />
          <input type="hidden" name="direction" value="down" />
          <button type="submit" class="button button--secondary">
            {m.moveDown}
            {hidden}
          </button>
        </form>
      )}
      <form method="post" action={`${base}/remove`} class="inline-form">
        <CsrfField token={csrf} />
        <button type="submit" class="button button--danger">
          {m.remove}
          {hidden}
        </button>
      </form>
    </>
  );
}

function ListNoticeLine({ ctx, notice, corrected }: { ctx: PageContext; notice: ListNotice | null; corrected: boolean }) {
  const m = callCriteriaMessages[ctx.locale];
  if (!notice) return null;
  return <Notice text={corrected ? `${m[notice]} ${m.correctionPublished}` : m[notice]} />;
}

export function CriteriaListPage({ ctx, call, mode, notice, corrected }: ListProps) {
  const { locale } = ctx;
  const m = callCriteriaMessages[locale];
  const title = m.criteriaTitle(callTitle(call, locale));
  const editable = mode !== 'locked';
  const max = maxWeightedTotal(call.criteria);
  const base = (c: Criterion) => pagePath(locale, 'adminCalls', String(call.id), 'criteria', String(c.id));
  return (
    <AdminPage ctx={ctx} title={title}>
      <CallPartsNav ctx={ctx} callId={call.id} current="criteria" />
      <PageHeading title={title} lead={m.criteriaLead} />
      <ListNoticeLine ctx={ctx} notice={notice} corrected={corrected} />
      <ModeNotice ctx={ctx} mode={mode} />
      {editable ? (
        <p>
          <a class="button" href={pagePath(locale, 'adminCalls', String(call.id), 'criteria', 'new')}>
            {m.addCriterion}
          </a>
        </p>
      ) : null}
      {criterionKinds.map((kind) => {
        const group = call.criteria.filter((c) => c.kind === kind);
        const scale = criterionScaleMax(kind);
        return (
          <section aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{m.kindHeading(kind)}</h2>
            {group.length === 0 ? (
              <p class="muted">{m.noCriteriaOfKind}</p>
            ) : (
              <ScrollTable id={`criteria-${kind}`} caption={m.criteriaCaption(m.kindHeading(kind), m.kindScale(kind))}>
                <thead>
                  <tr>
                    <th scope="col">{m.colName}</th>
                    <th scope="col">{m.colWeight}</th>
                    <th scope="col">{m.colMaxPoints}</th>
                    {editable ? <th scope="col">{m.colActions}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {group.map((c, i) => (
                    <tr>
                      <th scope="row">
                        {c.name[locale] || c.name.fi}
                        {c.description[locale] || c.description.fi ? <p class="muted">{c.description[locale] || c.description.fi}</p> : null}
                      </th>
                      <td>{c.weight}</td>
                      <td>{scale === null ? m.notCounted : formatNumber(c.weight * scale, locale)}</td>
                      {editable ? (
                        <td>
                          <RowActions ctx={ctx} base={base(c)} name={c.name[locale] || c.name.fi} first={i === 0} last={i === group.length - 1} />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            )}
          </section>
        );
      })}
      <section aria-labelledby="totals">
        <h2 id="totals">{m.totalsHeading}</h2>
        <dl class="summary-list">
          <div>
            <dt>{m.maxTotal}</dt>
            <dd>
              <span id="max-total">{formatNumber(max, locale)}</span>
              <p class="muted">{m.maxTotalHint}</p>
            </dd>
          </div>
          <div>
            <dt>{m.minTotal}</dt>
            <dd id="min-total">{formatNumber(call.minTotalScore, locale)}</dd>
          </div>
        </dl>
        {call.minTotalScore > max ? (
          <div class="notice notice--warning">
            <p>{m.minAboveMax}</p>
          </div>
        ) : null}
      </section>
    </AdminPage>
  );
}

export function QuestionsListPage({ ctx, call, mode, notice, corrected }: ListProps) {
  const { locale } = ctx;
  const m = callCriteriaMessages[locale];
  const title = m.questionsTitle(callTitle(call, locale));
  const editable = mode !== 'locked';
  const base = (q: CallQuestion) => pagePath(locale, 'adminCalls', String(call.id), 'questions', String(q.id));
  return (
    <AdminPage ctx={ctx} title={title}>
      <CallPartsNav ctx={ctx} callId={call.id} current="questions" />
      <PageHeading title={title} lead={m.questionsLead} />
      <ListNoticeLine ctx={ctx} notice={notice} corrected={corrected} />
      <ModeNotice ctx={ctx} mode={mode} />
      {editable ? (
        <p>
          <a class="button" href={pagePath(locale, 'adminCalls', String(call.id), 'questions', 'new')}>
            {m.addQuestion}
          </a>
        </p>
      ) : null}
      {call.questions.length === 0 ? (
        <p class="muted">{m.noQuestions}</p>
      ) : (
        <ScrollTable id="questions-caption" caption={m.questionsCaption}>
          <thead>
            <tr>
              <th scope="col">{m.colOrder}</th>
              <th scope="col">{m.colQuestion}</th>
              <th scope="col">{m.colKind}</th>
              <th scope="col">{m.colRequired}</th>
              {editable ? <th scope="col">{m.colActions}</th> : null}
            </tr>
          </thead>
          <tbody>
            {call.questions.map((q, i) => (
              <tr>
                <td>{i + 1}</td>
                <th scope="row">
                  {q.label[locale] || q.label.fi}
                  {q.kind === 'choice' ? (
                    <ul>
                      {q.options.map((o) => (
                        <li>{o[locale] || o.fi}</li>
                      ))}
                    </ul>
                  ) : null}
                </th>
                <td>
                  {m.questionKindOption(q.kind)}
                  {q.kind === 'text' && q.maxLength !== null ? ` (≤ ${formatNumber(q.maxLength, locale)})` : ''}
                </td>
                <td>{q.required ? m.yes : m.no}</td>
                {editable ? (
                  <td>
                    <RowActions ctx={ctx} base={base(q)} name={q.label[locale] || q.label.fi} first={i === 0} last={i === call.questions.length - 1} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </AdminPage>
  );
}
