import type { OrganisationType } from '../../../db/schema.js';
import { costCategories, partnerFigures, type CostCategory } from '../../../domain/eligibility.js';
import type { FieldError } from '../../../http/errors.js';
import { formatMoney } from '../../../i18n/format.js';
import { CsrfField, ErrorSummary, TextArea, TextInput, errorOf, fieldId } from '../../../views/components/form.js';
import { callRules } from '../../calls/calls.repository.js';
import { organisationMessages } from '../../organisations/organisations.messages.js';
import { costFieldsOf, editorLimits, parseEuros, type PartnerForm } from '../applications.form.js';
import { concernsPart } from '../problem-location.js';
import { formatRate } from '../../../i18n/format.js';
import { applicationsMessages } from '../applications.messages.js';
import type { ApplicationPartner } from '../applications.repository.js';
import type { SavedBy } from '../applications.service.js';
import { EditorScript } from './collaboration.eligibility-data.js';
import { ConflictNotice, EditorFrame, OtherValue, PartChecks, SavedNotice, ValueList, leadPartnerId, partPath, type EditorData } from './editor-frame.js';

export interface PartnerPageProps {
  data: EditorData;
  partner: ApplicationPartner;
  form: PartnerForm;
  errors: FieldError[];
  saved: string | null;
  conflict: { other: PartnerForm; savedBy: SavedBy } | null;
}

const cents = (text: string) => {
  const parsed = parseEuros(text);
  return parsed.ok ? (parsed.cents ?? 0) : 0;
};

/** The part's figures from what the form holds (as typed, where it reads as money). */
function figuresOf(props: PartnerPageProps) {
  const { partner, form, data } = props;
  const costs: Partial<Record<CostCategory, number>> = {};
  for (const c of costCategories) costs[c] = cents(form.costs[c]);
  return partnerFigures(
    {
      key: String(partner.id),
      isLead: partner.isLead,
      name: partner.name,
      orgType: partner.orgType,
      regionCode: partner.regionCode,
      unit: form.unit,
      roleDescription: form.roleDescription,
      contactName: form.contactName,
      contactEmail: form.contactEmail,
      costs,
      requestedCents: cents(form.requested),
      ownFundingCents: cents(form.ownFunding),
      otherPublicCents: cents(form.otherPublic),
    },
    callRules(data.call).costModel,
  );
}

/** The part as labelled values, in the order of the form. */
export function partnerValueItems(props: Pick<PartnerPageProps, 'data' | 'form'>) {
  const { data, form } = props;
  const m = applicationsMessages[data.ctx.locale];
  return [
    { label: m.fields.unit, value: form.unit },
    { label: m.fields.role_description, value: form.roleDescription },
    { label: m.fields.contact_name, value: form.contactName },
    { label: m.fields.contact_email, value: form.contactEmail },
    ...costFieldsOf(data.call.costModel).map((c) => ({ label: m.costs[c], value: form.costs[c] })),
    { label: m.fields.requested, value: form.requested },
    { label: m.fields.own_funding, value: form.ownFunding },
    { label: m.fields.other_public, value: form.otherPublic },
  ];
}

export function PartnerPage(props: PartnerPageProps) {
  const { data, partner, errors, saved } = props;
  const { ctx } = data;
  const { locale } = ctx;
  const m = applicationsMessages[locale];
  const types = organisationMessages[locale].types as Record<OrganisationType, string>;
  const lead = leadPartnerId(data.app);
  const problems = data.eligibility.problems.filter((p) => concernsPart(p, { part: 'partner', partnerId: partner.id }, lead));
  const f = figuresOf(props);
  const heading = m.partnerTitle(partner.name);
  const regionName = data.regions.find((r) => r.code === partner.regionCode)?.name[locale] ?? partner.regionCode;
  return (
    <EditorFrame data={data} place={partner.id} title={heading} hasErrors={errors.length > 0}>
      <SavedNotice text={saved} />
      {props.conflict ? <ConflictNotice ctx={ctx} savedBy={props.conflict.savedBy} /> : null}
      <ErrorSummary title={ctx.t.errors.summaryTitle} errors={errors} />
      <dl class="facts facts--inline">
        <div>
          <dt>{m.partnerFacts}</dt>
          <dd>
            {partner.name} ({partner.businessId})
          </dd>
        </div>
        <div>
          <dt>{m.colPartnerRole}</dt>
          <dd>{partner.isLead ? m.leadPartner : m.partner}</dd>
        </div>
        <div>
          <dt>{m.colRegion}</dt>
          <dd>{regionName}</dd>
        </div>
        <div>
          <dt>{m.colOrgType}</dt>
          <dd>{types[partner.orgType]}</dd>
        </div>
      </dl>
      <PartChecks data={data} problems={problems}>
        <h3>{m.partnerTotals}</h3>
        <dl class="summary-list">
          <div>
            <dt>{m.totalCosts}</dt>
            <dd data-figure="part-total-costs">{formatMoney(f.totalCostsCents, locale)}</dd>
          </div>
          <div>
            <dt>{m.financingTotal}</dt>
            <dd data-figure="part-financing">{formatMoney(f.financingCents, locale)}</dd>
          </div>
        </dl>
        <p data-figure="part-balance">{f.financingCents === f.totalCostsCents ? m.financingEquals : m.financingDiffers(formatMoney(Math.abs(f.financingCents - f.totalCostsCents), locale))}</p>
      </PartChecks>
      {data.refusal ? <ValueList items={partnerValueItems(props)} empty={m.empty} /> : <PartnerFormView {...props} otherCosts={f.otherCostsCents} />}
      <EditorScript data={data} part={partner.id} />
    </EditorFrame>
  );
}

function PartnerFormView(props: PartnerPageProps & { otherCosts: number }) {
  const { data, partner, form, errors, conflict } = props;
  const { ctx } = data;
  const { locale } = ctx;
  const m = applicationsMessages[locale];
  const other = conflict?.other;
  const by = conflict?.savedBy ?? null;
  const theirs = (mine: string, their: string | undefined) => (their !== undefined && mine.trim() !== their.trim() ? their : undefined);
  const err = (field: string) => errorOf(errors, field);
  const flatRate = data.call.costModel === 'flat_rate' ? formatRate(data.call.flatRateBp, locale) : null;
  const money = (name: string, label: string, value: string, their: string | undefined) => (
    <>
      <TextInput name={name} label={label} hint={m.moneyHint} value={value} error={err(name)} inputMode="text" autocomplete="off" />
      <OtherValue ctx={ctx} savedBy={by} value={theirs(value, their)} />
    </>
  );
  return (
    <form method="post" action={partPath(data, partner.id)} novalidate data-autosave="partner" data-partner={String(partner.id)} class="editor-form">
      <CsrfField token={ctx.csrf()} />
      <input type="hidden" name="version" id={fieldId('version')} value={form.version} />
      <p class="muted">{m.saveHint}</p>
      <fieldset>
        <legend>{m.detailsLegend}</legend>
        <TextInput name="unit" label={m.fields.unit} value={form.unit} error={err('unit')} maxLength={editorLimits.unit} />
        <OtherValue ctx={ctx} savedBy={by} value={theirs(form.unit, other?.unit)} />
        <TextArea name="role_description" label={m.fields.role_description} value={form.roleDescription} error={err('role_description')} rows={5} />
        <OtherValue ctx={ctx} savedBy={by} value={theirs(form.roleDescription, other?.roleDescription)} />
        <TextInput name="contact_name" label={m.fields.contact_name} hint={m.contactHint} value={form.contactName} error={err('contact_name')} maxLength={editorLimits.personName} autocomplete="off" />
        <OtherValue ctx={ctx} savedBy={by} value={theirs(form.contactName, other?.contactName)} />
        <TextInput name="contact_email" type="email" label={m.fields.contact_email} hint={m.contactHint} value={form.contactEmail} error={err('contact_email')} maxLength={editorLimits.email} autocomplete="off" />
        <OtherValue ctx={ctx} savedBy={by} value={theirs(form.contactEmail, other?.contactEmail)} />
      </fieldset>
      <fieldset>
        <legend>{m.costsLegend}</legend>
        <p class="field__hint">{flatRate ? m.costsFlatRate(flatRate) : m.costsItemised}</p>
        {costFieldsOf(data.call.costModel).map((c) => money(`cost.${c}`, m.costs[c], form.costs[c], other?.costs[c]))}
        {flatRate ? (
          <dl class="summary-list">
            <div>
              <dt>{m.flatRateCosts(flatRate)}</dt>
              <dd data-figure="part-other-costs">{formatMoney(props.otherCosts, locale)}</dd>
            </div>
          </dl>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{m.financingLegend}</legend>
        {money('requested', m.fields.requested, form.requested, other?.requested)}
        {money('own_funding', m.fields.own_funding, form.ownFunding, other?.ownFunding)}
        {money('other_public', m.fields.other_public, form.otherPublic, other?.otherPublic)}
      </fieldset>
      <div class="button-group">
        <button type="submit" class="button">
          {m.save}
        </button>
      </div>
    </form>
  );
}
