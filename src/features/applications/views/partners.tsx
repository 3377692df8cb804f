import type { OrganisationType } from '../../../db/schema.js';
import { organisationTypes } from '../../../db/schema.js';
import type { FieldError } from '../../../http/errors.js';
import { formatMoney } from '../../../i18n/format.js';
import { CsrfField, ErrorSummary, SelectField, TextInput, errorOf, fieldId } from '../../../views/components/form.js';
import { ScrollTable } from '../../../views/components/scroll-table.js';
import { organisationMessages } from '../../organisations/organisations.messages.js';
import { concernsPart } from '../problem-location.js';
import { applicationsMessages } from '../applications.messages.js';
import type { ApplicationPartner } from '../applications.repository.js';
import { EditorFrame, PartChecks, SavedNotice, fileQuestionIds, leadPartnerId, partPath, type EditorData } from './editor-frame.js';

/** The add-a-partner form as typed. */
export interface AddPartnerForm {
  businessId: string;
  regionCode: string;
  name: string;
  orgType: string;
  homeRegion: string;
}

export const emptyAddPartnerForm: AddPartnerForm = { businessId: '', regionCode: '', name: '', orgType: '', homeRegion: '' };

export function PartnersPage({ data, form, errors, notice }: { data: EditorData; form: AddPartnerForm; errors: FieldError[]; notice: string | null }) {
  const { ctx, app } = data;
  const { locale } = ctx;
  const m = applicationsMessages[locale];
  const types = organisationMessages[locale].types as Record<OrganisationType, string>;
  const regionName = (code: string) => data.regions.find((r) => r.code === code)?.name[locale] ?? code;
  const lead = leadPartnerId(app);
  const problems = data.eligibility.problems.filter((p) => concernsPart(p, { part: 'partners' }, lead, fileQuestionIds(data.call)));
  const figures = data.eligibility.figures;
  const regionOptions = data.regions.map((r) => ({ value: r.code, label: r.name[locale] }));
  return (
    <EditorFrame data={data} place="partners" title={m.partnersTitle} hasErrors={errors.length > 0}>
      <SavedNotice text={notice} />
      <ErrorSummary title={ctx.t.errors.summaryTitle} errors={errors} />
      <p>{m.partnersLead}</p>
      <PartChecks data={data} problems={problems} />
      <ScrollTable id="partners-caption" caption={m.partnersCaption}>
        <thead>
          <tr>
            <th scope="col">{m.colOrganisation}</th>
            <th scope="col">{m.colPartnerRole}</th>
            <th scope="col">{m.colRegion}</th>
            <th scope="col">{m.colOrgType}</th>
            <th scope="col" class="numeric">{m.colCosts}</th>
            <th scope="col" class="numeric">{m.colRequested}</th>
            <th scope="col">{m.colFinancing}</th>
            <th scope="col">{m.colActions}</th>
          </tr>
        </thead>
        <tbody>
          {app.partners.map((p, i) => {
            const f = figures.partners[i]!;
            return (
              <tr id={fieldId(`partner.${p.id}`)}>
                <th scope="row">
                  {p.name} <span class="muted">({p.businessId})</span>
                </th>
                <td>{p.isLead ? m.leadPartner : m.partner}</td>
                <td>{regionName(p.regionCode)}</td>
                <td>{types[p.orgType]}</td>
                <td class="numeric">{formatMoney(f.totalCostsCents, locale)}</td>
                <td class="numeric">{formatMoney(f.requestedCents, locale)}</td>
                <td>
                  {formatMoney(f.financingCents, locale)}{' '}
                  {f.totalCostsCents === 0 && f.financingCents === 0 ? (
                    <span class="tag tag--neutral">{m.budgetNotStarted}</span>
                  ) : (
                    <span class={f.financingCents === f.totalCostsCents ? 'tag tag--success' : 'tag tag--warning'}>
                      {f.financingCents === f.totalCostsCents ? m.balanced : m.unbalanced}
                    </span>
                  )}
                </td>
                <td>
                  <a href={partPath(data, p.id)} aria-label={data.refusal ? undefined : m.editPartOf(p.name)}>
                    {data.refusal ? m.view : m.editPart}
                  </a>
                  {!p.isLead && !data.refusal ? (
                    <>
                      {' '}
                      <a href={`${partPath(data, p.id)}/remove`} class="danger-link" aria-label={m.removeOf(p.name)}>
                        {m.remove}
                      </a>
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{m.totalRow}</th>
            <td />
            <td>{figures.regions.length}</td>
            <td />
            <td class="numeric">{formatMoney(figures.totalCostsCents, locale)}</td>
            <td class="numeric">{formatMoney(figures.requestedCents, locale)}</td>
            <td>{formatMoney(figures.financingCents, locale)}</td>
            <td />
          </tr>
        </tfoot>
      </ScrollTable>

      {data.refusal ? null : (
        <section aria-labelledby="add-partner-title">
          <h2 id="add-partner-title">{m.addPartnerHeading}</h2>
          <p>{m.addPartnerLead}</p>
          <form method="post" action={partPath(data, 'partners')} novalidate class="editor-form">
            <CsrfField token={ctx.csrf()} />
            <TextInput name="business_id" label={m.businessId} hint={m.businessIdHint} value={form.businessId} error={errorOf(errors, 'business_id')} autocomplete="off" />
            <SelectField
              name="region"
              label={m.projectRegion}
              value={form.regionCode}
              error={errorOf(errors, 'region')}
              placeholder={m.projectRegionDefault}
              options={regionOptions}
            />
            <fieldset>
              <legend>{m.newOrganisationLegend}</legend>
              <p class="field__hint">{m.newOrganisationHint}</p>
              <TextInput name="name" label={m.organisationName} value={form.name} error={errorOf(errors, 'name')} maxLength={200} autocomplete="organization" />
              <SelectField
                name="org_type"
                label={m.organisationType}
                value={form.orgType}
                error={errorOf(errors, 'org_type')}
                placeholder={m.choose}
                options={organisationTypes.map((t) => ({ value: t, label: types[t] }))}
              />
              <SelectField name="home_region" label={m.homeRegion} value={form.homeRegion} error={errorOf(errors, 'home_region')} placeholder={m.choose} options={regionOptions} />
            </fieldset>
            <button type="submit" class="button">
              {m.addPartner}
            </button>
          </form>
        </section>
      )}
    </EditorFrame>
  );
}

/** "Remove X?" – the confirmation a removal needs, also when a form is posted without it. */
export function RemovePartnerPage({ data, partner }: { data: EditorData; partner: ApplicationPartner }) {
  const { ctx } = data;
  const m = applicationsMessages[ctx.locale];
  return (
    <EditorFrame data={data} place="partners" title={m.removeTitle(partner.name)}>
      {partner.isLead ? (
        <p>{m.cannotRemoveLead}</p>
      ) : data.refusal ? null : (
        <>
          <p>{m.removeText}</p>
          <form method="post" action={`${partPath(data, partner.id)}/remove`} class="button-group">
            <CsrfField token={ctx.csrf()} />
            <input type="hidden" name="confirm" value="yes" />
            <button type="submit" class="button button--danger">
              {m.removeConfirm}
            </button>
            <a href={partPath(data, 'partners')} class="button button--secondary">
              {m.cancel}
            </a>
          </form>
        </>
      )}
    </EditorFrame>
  );
}
