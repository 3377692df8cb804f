import { formatMoney } from '../../../i18n/format.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import type { PageContext } from '../../../views/page-context.js';
import type { Region } from '../../regions/regions.repository.js';
import type { Priority } from '../../strategy/strategy.repository.js';
import { callsMessages } from '../calls.messages.js';
import type { PublicApplication, PublicCall } from '../calls.public.repository.js';

/**
 * The publicity rule of issue 4 on the call page: before the closing time only the number of
 * submitted applications; from then on each submitted application's title, summary, priority,
 * partners with their regions and the grant applied for, in total and per council.
 */
export function PublicApplicationsSection(props: { ctx: PageContext; found: PublicCall; regions: readonly Region[]; priorities: readonly Priority[] }) {
  const { ctx, found } = props;
  const m = callsMessages[ctx.locale];
  const applications = found.applications;
  return (
    <section aria-labelledby="applications-heading" class="public-applications">
      <h2 id="applications-heading">{m.applicationsHeading}</h2>
      {applications === null ? (
        <>
          <p>{m.applicationsCount(found.submittedCount)}</p>
          <p class="muted">{m.applicationsLater}</p>
        </>
      ) : applications.length === 0 ? (
        <p>{m.applicationsNone}</p>
      ) : (
        <>
          <p>{m.applicationsLead(applications.length)}</p>
          <p class="muted">{m.applicationsPublicity}</p>
          <ol class="public-applications__list">
            {applications.map((a) => (
              <PublicApplicationItem ctx={ctx} application={a} regions={props.regions} priorities={props.priorities} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function PublicApplicationItem(props: { ctx: PageContext; application: PublicApplication; regions: readonly Region[]; priorities: readonly Priority[] }) {
  const { ctx, application: a, regions } = props;
  const { locale } = ctx;
  const m = callsMessages[locale];
  const regionName = (code: string) => regions.find((r) => r.code === code)?.name[locale] ?? code;
  const councilName = (code: string) => regions.find((r) => r.code === code)?.council.name[locale] ?? code;
  const money = (cents: number) => formatMoney(cents, locale);
  const title = a.title.trim() === '' ? m.untitled : a.title;
  const priority = props.priorities.find((p) => p.id === a.priorityId);
  const everyone = [...(a.lead ? [a.lead] : []), ...a.partners];
  return (
    <li class="card public-application">
      <h3>{title}</h3>
      {a.summary.trim() !== '' ? <p>{a.summary}</p> : null}
      <dl class="facts">
        {a.lead ? (
          <div>
            <dt>{m.leadApplicant}</dt>
            <dd>
              {a.lead.organisationName} ({regionName(a.lead.regionCode)})
            </dd>
          </div>
        ) : null}
        {priority ? (
          <div>
            <dt>{m.priority}</dt>
            <dd>{priority.name[locale]}</dd>
          </div>
        ) : null}
        <div>
          <dt>{m.requestedTotal}</dt>
          <dd>{money(a.requestedCents)}</dd>
        </div>
        <div>
          <dt>{m.requestedByCouncil}</dt>
          <dd>
            <ul class="plain-list">
              {a.requestedByRegion.map((r) => (
                <li>
                  {councilName(r.regionCode)}: {money(r.requestedCents)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <ScrollTable id={`application-${a.id}-partners`} caption={m.partnersCaption(title)}>
        <thead>
          <tr>
            <th scope="col">{m.colOrganisation}</th>
            <th scope="col">{m.colRegion}</th>
            <th scope="col">{m.colRole}</th>
            <th scope="col" class="numeric">
              {m.colRequested}
            </th>
          </tr>
        </thead>
        <tbody>
          {everyone.map((p) => (
            <tr>
              <th scope="row">{p.organisationName}</th>
              <td>{regionName(p.regionCode)}</td>
              <td>{p.isLead ? m.roleLead : m.rolePartner}</td>
              <td class="numeric">{money(p.requestedCents)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </li>
  );
}
