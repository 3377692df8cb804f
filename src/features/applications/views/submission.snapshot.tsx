import { applicationSections, type Figures } from '../../../domain/eligibility.js';
import { formatCalendarDate, formatMoney, formatNumber } from '../../../i18n/format.js';
import type { Locale } from '../../../i18n/locales.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import { organisationMessages } from '../../organisations/organisations.messages.js';
import type { GrowthSector } from '../../regions/regions.repository.js';
import { applicationsMessages } from '../applications.messages.js';
import { formatRate } from '../../../i18n/format.js';
import { submissionMessages } from '../submission.messages.js';
import type { SubmissionSnapshot } from '../submission.snapshot.js';
import { FiguresTable, regionName, snapshotFigurePartners, type Names } from './submission.parts.js';

function projectPeriod(s: SubmissionSnapshot, locale: Locale): string {
  const { startDate, endDate } = s.application;
  if (!startDate || !endDate) return '–';
  return `${formatCalendarDate(startDate, locale)}–${formatCalendarDate(endDate, locale)}`;
}

/**
 * A submitted application, read-only, from its frozen snapshot: details, description (business
 * secrets marked), partners with contact persons and budgets, indicators, answers and attachments.
 */
export function SnapshotView(props: {
  ctx: PageContext;
  snapshot: SubmissionSnapshot;
  figures: Figures;
  names: Names;
  /** The download address of an attachment, where the viewer may download it. */
  attachmentHref?: (attachmentId: number) => string;
}) {
  const { ctx, snapshot: s, figures, names } = props;
  const { locale } = ctx;
  const m = submissionMessages[locale];
  const types = organisationMessages[locale].types as Record<string, string>;
  const editor = applicationsMessages[locale];
  const sectionNames = editor.sections as Readonly<Record<string, string>>;
  const costNames = editor.costs as Readonly<Record<string, string>>;
  const money = (c: number) => formatMoney(c, locale);
  const priority = names.priorities.find((p) => p.id === s.application.priorityId);
  const sectors = s.growthSectorIds.map((id) => names.sectors.find((g) => g.id === id)).filter((g): g is GrowthSector => g !== undefined);
  const flatRate = names.call.costModel === 'flat_rate' ? formatRate(names.call.flatRateBp, locale) : null;
  return (
    <div class="snapshot">
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{m.applicationDetails}</h2>
        <dl class="summary-list">
          <div>
            <dt>{m.projectTitle}</dt>
            <dd>{s.application.title || m.untitled}</dd>
          </div>
          <div>
            <dt>{m.summary}</dt>
            <dd class="submission__text">{s.application.summary}</dd>
          </div>
          <div>
            <dt>{m.priority}</dt>
            <dd>{priority ? priority.name[locale] : m.none}</dd>
          </div>
          <div>
            <dt>{m.growthSectors}</dt>
            <dd>{sectors.length > 0 ? sectors.map((g) => `${g.name[locale]} (${regionName(names, g.regionCode, locale)})`).join('; ') : m.none}</dd>
          </div>
          <div>
            <dt>{m.duration}</dt>
            <dd>{projectPeriod(s, locale)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="description-heading">
        <h2 id="description-heading">{m.description}</h2>
        {applicationSections.map((name) => {
          const section = s.sections[name];
          if (!section) return null;
          return (
            <div class={section.secret ? 'snapshot__section snapshot__section--secret' : 'snapshot__section'}>
              <h3>
                {sectionNames[name] ?? name}
                {section.secret ? (
                  <>
                    {' '}
                    <span class="tag tag--warning">{m.secret}</span>
                  </>
                ) : null}
              </h3>
              {section.secret ? <p class="muted">{m.secretHint}</p> : null}
              <p class="submission__text">{section.body}</p>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="partners-heading">
        <h2 id="partners-heading">{m.partnersHeading}</h2>
        <FiguresTable ctx={ctx} id="snapshot-figures-caption" partners={snapshotFigurePartners(s)} figures={figures} names={names} />
        {s.partners.map((p) => {
          const f = figures.partners.find((x) => x.key === String(p.id));
          return (
            <div class="snapshot__partner">
              <h3>
                {p.name}
                {p.isLead ? ` (${m.lead})` : ''}
              </h3>
              <dl class="summary-list">
                <div>
                  <dt>{m.businessId}</dt>
                  <dd>{p.businessId}</dd>
                </div>
                <div>
                  <dt>{m.orgType}</dt>
                  <dd>{types[p.orgType] ?? p.orgType}</dd>
                </div>
                <div>
                  <dt>{m.region}</dt>
                  <dd>{regionName(names, p.regionCode, locale)}</dd>
                </div>
                <div>
                  <dt>{m.unit}</dt>
                  <dd>{p.unit || m.none}</dd>
                </div>
                <div>
                  <dt>{m.role}</dt>
                  <dd class="submission__text">{p.roleDescription || m.none}</dd>
                </div>
                <div>
                  <dt>{m.contact}</dt>
                  <dd>
                    {p.contactName || m.none}
                    {p.contactEmail ? (
                      <>
                        {', '}
                        <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a>
                      </>
                    ) : null}
                  </dd>
                </div>
                <div>
                  <dt>{m.costs}</dt>
                  <dd>
                    <ul class="submission__list">
                      {Object.entries(p.costs).map(([category, cents]) => (
                        <li>
                          {costNames[category] ?? category}: {money(cents ?? 0)}
                        </li>
                      ))}
                      {flatRate !== null && f ? (
                        <li>
                          {m.flatRate(flatRate)}: {money(f.otherCostsCents)}
                        </li>
                      ) : null}
                      <li>
                        {m.totalCosts}: {money(f?.totalCostsCents ?? 0)}
                      </li>
                    </ul>
                  </dd>
                </div>
                <div>
                  <dt>{m.financing}</dt>
                  <dd>
                    <ul class="submission__list">
                      <li>
                        {m.requested}: {money(p.requestedCents)}
                      </li>
                      <li>
                        {m.ownFunding}: {money(p.ownFundingCents)}
                      </li>
                      <li>
                        {m.otherPublic}: {money(p.otherPublicCents)}
                      </li>
                    </ul>
                  </dd>
                </div>
              </dl>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{m.indicators}</h2>
        {s.indicators.length > 0 ? (
          <ScrollTable id="indicators-caption" caption={m.indicatorsCaption}>
            <thead>
              <tr>
                <th scope="col">{m.indicatorName}</th>
                <th scope="col" class="numeric">{m.indicatorTarget}</th>
              </tr>
            </thead>
            <tbody>
              {s.indicators.map((i) => (
                <tr>
                  <th scope="row">{i.name}</th>
                  <td class="numeric">
                    {formatNumber(i.targetValue, locale)} {i.unit}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        ) : (
          <p>{m.none}</p>
        )}
      </section>

      {names.call.questions.length > 0 ? (
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">{m.answers}</h2>
          <dl class="summary-list">
            {names.call.questions.map((q) => {
              const value = s.answers[String(q.id)];
              const attachment = q.kind === 'file' ? s.attachments.find((a) => String(a.id) === value) : undefined;
              const choice = q.kind === 'choice' && value !== undefined ? q.options[Number(value)]?.[locale] : undefined;
              return (
                <div>
                  <dt>{q.label[locale]}</dt>
                  <dd class="submission__text">{attachment ? attachment.filename : (choice ?? (value && value.trim() !== '' ? value : m.noAnswer))}</dd>
                </div>
              );
            })}
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="attachments-heading">
        <h2 id="attachments-heading">{m.attachments}</h2>
        {s.attachments.length > 0 ? (
          <ScrollTable id="attachments-caption" caption={m.attachmentsCaption}>
            <thead>
              <tr>
                <th scope="col">{m.fileName}</th>
                <th scope="col" class="numeric">{m.fileSize}</th>
                <th scope="col">{m.fileHash}</th>
              </tr>
            </thead>
            <tbody>
              {s.attachments.map((a) => (
                <tr>
                  <th scope="row">
                    {props.attachmentHref ? (
                      <a href={props.attachmentHref(a.id)} download={a.filename}>
                        {a.filename}
                      </a>
                    ) : (
                      a.filename
                    )}
                    {a.description ? <span class="muted"> – {a.description}</span> : null}
                  </th>
                  <td class="numeric">{m.bytes(formatNumber(Math.max(1, Math.round(a.sizeBytes / 1024)), locale))}</td>
                  <td>
                    <code class="submission__hash">{a.sha256}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        ) : (
          <p>{m.noAttachments}</p>
        )}
      </section>
    </div>
  );
}
