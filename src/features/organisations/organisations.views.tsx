import { organisationTypes } from '../../db/schema.js';
import type { FieldError } from '../../http/errors.js';
import { errorOf, SelectField, TextInput } from '../../views/components/form.js';
import type { PageContext } from '../../views/page-context.js';
import type { Region } from '../regions/regions.repository.js';
import type { OrganisationForm } from './organisation.form.js';
import { organisationMessages } from './organisations.messages.js';
import type { Organisation } from './organisations.repository.js';

/** The organisation's own fields; the business ID is shown read-only where it may not be changed. */
export function OrganisationFields({
  ctx,
  form,
  errors,
  regions,
  businessIdEditable,
}: {
  ctx: PageContext;
  form: OrganisationForm;
  errors: readonly FieldError[];
  regions: readonly Region[];
  businessIdEditable: boolean;
}) {
  const { locale } = ctx;
  const m = organisationMessages[locale];
  return (
    <>
      {businessIdEditable ? (
        <TextInput
          name="businessId"
          label={m.businessId}
          hint={m.businessIdHint}
          value={form.businessId}
          error={errorOf(errors, 'businessId')}
          maxLength={20}
          autocomplete="off"
        />
      ) : (
        <dl class="facts">
          <div>
            <dt>{m.businessId}</dt>
            <dd>
              {form.businessId} <span class="muted">({m.businessIdLocked})</span>
            </dd>
          </div>
        </dl>
      )}
      <TextInput name="name" label={m.name} value={form.name} error={errorOf(errors, 'name')} maxLength={200} autocomplete="organization" />
      <SelectField
        name="orgType"
        label={m.orgType}
        value={form.orgType}
        error={errorOf(errors, 'orgType')}
        placeholder={m.choose}
        options={organisationTypes.map((type) => ({ value: type, label: m.types[type] }))}
      />
      <SelectField
        name="regionCode"
        label={m.region}
        hint={m.regionHint}
        value={form.regionCode}
        error={errorOf(errors, 'regionCode')}
        placeholder={m.choose}
        options={regions.map((r) => ({ value: r.code, label: r.name[locale] }))}
      />
    </>
  );
}

/** Business ID, type and region of an organisation as a definition list. */
export function OrganisationFacts({ ctx, organisation, regions }: { ctx: PageContext; organisation: Organisation; regions: readonly Region[] }) {
  const { locale } = ctx;
  const m = organisationMessages[locale];
  const region = regions.find((r) => r.code === organisation.regionCode);
  return (
    <dl class="facts">
      <div>
        <dt>{m.businessId}</dt>
        <dd>{organisation.businessId}</dd>
      </div>
      <div>
        <dt>{m.orgType}</dt>
        <dd>{m.types[organisation.orgType] ?? organisation.orgType}</dd>
      </div>
      <div>
        <dt>{m.region}</dt>
        <dd>{region ? region.name[locale] : organisation.regionCode}</dd>
      </div>
    </dl>
  );
}

export function formOf(o: Organisation): OrganisationForm {
  return { businessId: o.businessId, name: o.name, orgType: o.orgType, regionCode: o.regionCode };
}

