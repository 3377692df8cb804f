import { pagePath } from '../../../http/page-paths.js';
import { formatDate, formatMoney } from '../../../i18n/format.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { Layout } from '../../../views/layout.js';
import type { PageContext } from '../../../views/page-context.js';
import { organisationMessages } from '../../organisations/organisations.messages.js';
import type { Region } from '../../regions/regions.repository.js';
import type { Priority } from '../../strategy/strategy.repository.js';
import { CallInquiriesSection } from '../call-inquiries.views.js';
import { callsMessages } from '../calls.messages.js';
import { criterionScaleMax } from '../../../domain/call-validation.js';
import type { PublicCall } from '../calls.public.repository.js';
import type { CallDetails, CallQuestion } from '../calls.repository.js';
import { PublicApplicationsSection } from './calls.applications.js';
import { formatRate } from '../../../i18n/format.js';
import { LocalText, Paragraphs, PhaseTag, localText, phaseSentence } from './calls.parts.js';
import { decisionsPublicMessages } from '../../decisions/decisions.public.messages.js';
import type { PublishedNews } from '../../news/news.read.js';
import { CallNewsSection } from '../../news/views/news-parts.js';

export function CallPage(props: { ctx: PageContext; found: PublicCall; regions: readonly Region[]; priorities: readonly Priority[]; asked: boolean; news?: readonly PublishedNews[] }) {
  const { ctx, found, regions, priorities, asked } = props;
  const { call, phase } = found;
  const { locale, t } = ctx;
  const m = callsMessages[locale];
  const title = localText(call.title, locale).text;
  const id = String(call.id);
  return (
    <Layout ctx={ctx} title={title} description={localText(call.summary, locale).text}>
      <nav aria-label={t.site.breadcrumb} class="breadcrumb">
        <ol>
          <li>
            <a href={pagePath(locale, 'home')}>{t.nav.home}</a>
          </li>
          <li>
            <a href={pagePath(locale, 'calls')}>{m.title}</a>
          </li>
          <li aria-current="page">
            <LocalText text={call.title} locale={locale} />
          </li>
        </ol>
      </nav>
      <div class="page-heading">
        <h1>
          <LocalText text={call.title} locale={locale} />
        </h1>
        <p class="lead">
          <LocalText text={call.summary} locale={locale} />
        </p>
      </div>

      <div class={phase === 'open' ? 'panel call-status call-status--open' : 'panel call-status'}>
        <p>
          <span class="visually-hidden">{m.phaseLabel}: </span>
          <PhaseTag ctx={ctx} phase={phase} /> {phaseSentence(ctx, call, phase)}
        </p>
        <p class="muted">{m.timesNote}</p>
        {phase === 'open' ? (
          <>
            <p>
              <a class="button call-status__apply" href={`${pagePath(locale, 'applications', 'new')}?call=${id}`}>
                {m.apply}
              </a>
            </p>
            <p class="muted">{m.applyHint}</p>
          </>
        ) : null}
        {phase === 'in_review' || phase === 'decided' ? (
          <p>
            <a href={pagePath(locale, 'calls', id, 'decisions')}>{decisionsPublicMessages[locale].linkFromCall}</a>
          </p>
        ) : null}
      </div>

      <dl class="facts">
        <div>
          <dt>{m.reference}</dt>
          <dd>{call.reference}</dd>
        </div>
        <div>
          <dt>{m.instrument}</dt>
          <dd>{m.instruments[call.instrument]}</dd>
        </div>
        <div>
          <dt>{m.totalBudget}</dt>
          <dd>{formatMoney(call.budgets.reduce((s, b) => s + b.budgetCents, 0), locale, { wholeEuros: true })}</dd>
        </div>
      </dl>

      <h2>{m.description}</h2>
      {localText(call.body, locale).text.trim() === '' ? <p class="muted">{m.noBody}</p> : <Paragraphs text={call.body} locale={locale} />}

      <h2>{m.budgetsHeading}</h2>
      <BudgetsTable ctx={ctx} call={call} regions={regions} />
      <p>{m.budgetsNote}</p>

      <h2>{m.rulesHeading}</h2>
      <Rules ctx={ctx} call={call} />

      <h2>{m.prioritiesHeading}</h2>
      <p>{m.prioritiesLead}</p>
      <ul>
        {call.priorityIds
          .map((pid) => priorities.find((p) => p.id === pid))
          .filter((p): p is Priority => p !== undefined)
          .map((p) => (
            <li>
              <a href={`${pagePath(locale, 'strategy')}#${p.slug}`}>{p.name[locale]}</a>
            </li>
          ))}
      </ul>

      <h2>{m.criteriaHeading}</h2>
      <Criteria ctx={ctx} call={call} />

      {call.questions.length > 0 ? (
        <>
          <h2>{m.questionsHeading}</h2>
          <p>{m.questionsLead}</p>
          <ol class="call-questions">
            {call.questions.map((q) => (
              <Question ctx={ctx} question={q} />
            ))}
          </ol>
        </>
      ) : null}

      {found.corrections.length > 0 ? (
        <section aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">{m.correctionsHeading}</h2>
          <p>{m.correctionsLead}</p>
          <ul class="call-corrections">
            {found.corrections.map((c) => (
              <li>
                <p>
                  <strong>{m.correctedOn(formatDate(c.correctedAt, locale))}</strong>
                </p>
                <Paragraphs text={c.note} locale={locale} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <CallInquiriesSection ctx={ctx} callId={call.id} inquiries={found.inquiries} phase={phase} asked={asked} />

      <PublicApplicationsSection ctx={ctx} found={found} regions={regions} priorities={priorities} />

      <CallNewsSection ctx={ctx} items={props.news ?? []} />

      <h2>{m.contactHeading}</h2>
      <p>
        {m.contactText} <a href={`mailto:${call.contactEmail}`}>{call.contactEmail}</a>
      </p>
    </Layout>
  );
}

/** The participating councils' budgets with their total; the same table on the public page and the officers' overview. */
export function BudgetsTable({ ctx, call, regions }: { ctx: PageContext; call: CallDetails; regions: readonly Region[] }) {
  const { locale } = ctx;
  const m = callsMessages[locale];
  const total = call.budgets.reduce((s, b) => s + b.budgetCents, 0);
  return (
    <ScrollTable id="call-budgets-caption" caption={m.budgetsCaption}>
      <thead>
        <tr>
          <th scope="col">{m.colRegion}</th>
          <th scope="col">{m.colCouncil}</th>
          <th scope="col" class="numeric">
            {m.colBudget}
          </th>
        </tr>
      </thead>
      <tbody>
        {call.budgets.map((b) => {
          const region = regions.find((r) => r.code === b.regionCode);
          return (
            <tr>
              <th scope="row">{region?.name[locale] ?? b.regionCode}</th>
              <td>{region?.council.name[locale] ?? ''}</td>
              <td class="numeric">{formatMoney(b.budgetCents, locale, { wholeEuros: true })}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            {m.total}
          </th>
          <td class="numeric">{formatMoney(total, locale, { wholeEuros: true })}</td>
        </tr>
      </tfoot>
    </ScrollTable>
  );
}

/** The call's rules in plain words; the same list on the public page and the officers' overview. */
export function Rules({ ctx, call }: { ctx: PageContext; call: CallDetails }) {
  const { locale } = ctx;
  const m = callsMessages[locale];
  const types = organisationMessages[locale].types;
  const money = (cents: number) => formatMoney(cents, locale, { wholeEuros: true });
  return (
    <ul class="call-rules">
      <li>{m.ruleMinRegions(call.minRegions)}</li>
      <li>{m.ruleOrgTypes(call.eligibleOrgTypes.map((type) => types[type].toLocaleLowerCase(locale)).join(', '))}</li>
      <li>{m.ruleGrant(money(call.minGrantCents), money(call.maxGrantCents))}</li>
      <li>{m.ruleAidRate(formatRate(call.maxAidRateBp, locale))}</li>
      <li>{m.ruleDuration(call.maxDurationMonths)}</li>
      <li>{call.leadRegionMustParticipate ? m.ruleLeadRegion : m.ruleLeadAnyRegion}</li>
      <li>{call.costModel === 'flat_rate' ? m.ruleFlatRate(formatRate(call.flatRateBp, locale)) : m.ruleItemised}</li>
      <li>{m.ruleFinancing}</li>
    </ul>
  );
}

function Criteria({ ctx, call }: { ctx: PageContext; call: CallDetails }) {
  const { locale } = ctx;
  const m = callsMessages[locale];
  return (
    <>
      <ScrollTable id="call-criteria-caption" caption={m.criteriaCaption}>
        <thead>
          <tr>
            <th scope="col">{m.colKind}</th>
            <th scope="col">{m.colCriterion}</th>
            <th scope="col">{m.colScale}</th>
            <th scope="col" class="numeric">
              {m.colWeight}
            </th>
          </tr>
        </thead>
        <tbody>
          {call.criteria.map((c) => {
            const max = criterionScaleMax(c.kind);
            const description = localText(c.description, locale);
            return (
              <tr>
                <td>{m.kinds[c.kind]}</td>
                <th scope="row">
                  <LocalText text={c.name} locale={locale} />
                  {description.text.trim() !== '' ? (
                    <span class="call-criterion__description" lang={description.lang}>
                      {description.text}
                    </span>
                  ) : null}
                </th>
                <td>{max === null ? m.scalePassFail : m.scalePoints(max)}</td>
                <td class="numeric">{c.weight}</td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
      <p>{m.minTotal(call.minTotalScore)}</p>
    </>
  );
}

function Question({ ctx, question: q }: { ctx: PageContext; question: CallQuestion }) {
  const { locale } = ctx;
  const m = callsMessages[locale];
  const kind =
    q.kind === 'text'
      ? m.questionText(q.maxLength)
      : q.kind === 'choice'
        ? m.questionChoice(q.options.map((o) => localText(o, locale).text).join(' / '))
        : q.kind === 'number'
          ? m.questionNumber
          : m.questionFile;
  const help = localText(q.help, locale);
  return (
    <li>
      <LocalText text={q.label} locale={locale} /> <span class="muted">({kind}; {q.required ? m.required : m.optional})</span>
      {help.text.trim() !== '' ? (
        <p class="muted" lang={help.lang}>
          {help.text}
        </p>
      ) : null}
    </li>
  );
}
