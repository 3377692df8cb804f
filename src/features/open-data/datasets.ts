import type { Localised } from '../../i18n/locales.js';

/**
 * The four open datasets and their columns: what the CSV, XLSX and JSON files carry, with a
 * description of each column in Finnish, Swedish and English (shown on the open data page and given
 * in the JSON file and the XLSX file's second sheet). The loaders are in open-data.repository.ts.
 *
 * Only public facts (DESIGN.md §3): published calls, the councils' decisions, the funded projects
 * whose funding is final, and the indicator values of accepted reports. Never a draft call, an
 * unfunded application, an application's sections, a contact person, a report's narrative, an
 * attachment or a reviewer.
 *
 * Conventions, the same in every format: money in integer euro cents (columns named *_cents);
 * indicator values and targets as decimal numbers in the indicator's unit; calendar dates
 * 'YYYY-MM-DD'; instants ISO 8601 in UTC; a list column's items (and a map column's code:value pairs)
 * separated by ';' in CSV and XLSX (see flatCell) and given as a JSON array (object) in JSON.
 */

export const datasetIds = ['calls', 'decisions', 'projects', 'indicator-values'] as const;
export type DatasetId = (typeof datasetIds)[number];

export const formats = ['csv', 'xlsx', 'json'] as const;
export type Format = (typeof formats)[number];

export type ColumnType = 'integer' | 'decimal' | 'text' | 'date' | 'datetime' | 'list' | 'map';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  description: Localised;
}

/** A value in a CSV or XLSX cell; null is an empty cell. */
export type Cell = string | number | null;
/** A value of a JSON row: a cell, a list, or a map of region code → integer. */
export type RowValue = Cell | readonly string[] | Readonly<Record<string, number>>;
export type Row = Readonly<Record<string, RowValue>>;

export interface DatasetSpec {
  id: DatasetId;
  title: Localised;
  description: Localised;
  columns: readonly ColumnSpec[];
}

export const LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Itä- ja Pohjois-Suomen maakuntaliitot',
} as const;

export function isDatasetId(value: string): value is DatasetId {
  return (datasetIds as readonly string[]).includes(value);
}

export function isFormat(value: string): value is Format {
  return (formats as readonly string[]).includes(value);
}

/**
 * A row value as one CSV or XLSX cell: a list's items joined with ';' (an item that holds ';' or '"'
 * is put in double quotes, a quote inside doubled, so the list can be split back), a map as
 * "code:value" pairs joined with ';'; an empty list is an empty cell.
 */
export function flatCell(value: RowValue | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  const joined = Array.isArray(value)
    ? value.map((item: string) => (/[;"]/.test(item) ? `"${item.replace(/"/g, '""')}"` : item)).join(';')
    : Object.entries(value as Record<string, number>)
        .map(([key, n]) => `${key}:${n}`)
        .join(';');
  return joined === '' ? null : joined;
}

const col = (name: string, type: ColumnType, fi: string, sv: string, en: string): ColumnSpec => ({ name, type, description: { fi, sv, en } });

const callColumns: ColumnSpec[] = [
  col('id', 'integer', 'Haun tunniste', 'Utlysningens identifierare', 'The call’s identifier'),
  col('reference', 'text', 'Haun viite', 'Utlysningens referens', 'The call’s reference'),
  col('title_fi', 'text', 'Haun nimi suomeksi', 'Utlysningens namn på finska', 'The call’s title in Finnish'),
  col('title_sv', 'text', 'Haun nimi ruotsiksi', 'Utlysningens namn på svenska', 'The call’s title in Swedish'),
  col('title_en', 'text', 'Haun nimi englanniksi', 'Utlysningens namn på engelska', 'The call’s title in English'),
  col('strategy', 'text', 'Strategian tunnus (slug)', 'Strategins kortnamn (slug)', 'The strategy’s slug'),
  col('instrument', 'text', 'Rahoitusväline: erdf (EAKR), akke (AKKE) tai other', 'Finansieringsinstrument: erdf (Eruf), akke (AKKE) eller other', 'Funding instrument: erdf (ERDF), akke (AKKE) or other'),
  col(
    'phase',
    'text',
    'Vaihe: published (ei vielä auki), open, closed, in_review tai decided',
    'Skede: published (inte öppen ännu), open, closed, in_review eller decided',
    'Phase: published (not yet open), open, closed, in_review or decided',
  ),
  col('opens_at', 'datetime', 'Haku avautuu (UTC)', 'Utlysningen öppnar (UTC)', 'Opens at (UTC)'),
  col('closes_at', 'datetime', 'Haku päättyy (UTC)', 'Utlysningen stänger (UTC)', 'Closes at (UTC)'),
  col('min_regions', 'integer', 'Vähimmäismäärä maakuntia hankkeessa', 'Minsta antal landskap i ett projekt', 'Minimum number of regions in a project'),
  col('regions', 'list', 'Osallistuvien maakuntaliittojen maakuntakoodit', 'De deltagande landskapsförbundens landskapskoder', 'Region codes of the participating councils'),
  col('budget_by_region', 'map', 'Kunkin maakuntaliiton määräraha senttiä (koodi:määrä)', 'Varje landskapsförbunds anslag i cent (kod:belopp)', 'Each council’s budget in cents (code:amount)'),
  col('total_budget_cents', 'integer', 'Määrärahat yhteensä senttiä', 'Anslagen sammanlagt i cent', 'The budgets in total, in cents'),
  col('priorities', 'list', 'Haun painopisteiden tunnukset (slug)', 'Utlysningens prioriteringar (slug)', 'Slugs of the call’s priorities'),
];

const decisionColumns: ColumnSpec[] = [
  col('call_id', 'integer', 'Haun tunniste', 'Utlysningens identifierare', 'The call’s identifier'),
  col('call_reference', 'text', 'Haun viite', 'Utlysningens referens', 'The call’s reference'),
  col('region_code', 'text', 'Päättäneen maakuntaliiton maakuntakoodi', 'Beslutande landskapsförbundets landskapskod', 'Region code of the deciding council'),
  col('council_fi', 'text', 'Maakuntaliiton nimi suomeksi', 'Landskapsförbundets namn på finska', 'The council’s name in Finnish'),
  col('council_sv', 'text', 'Maakuntaliiton nimi ruotsiksi', 'Landskapsförbundets namn på svenska', 'The council’s name in Swedish'),
  col('council_en', 'text', 'Maakuntaliiton nimi englanniksi', 'Landskapsförbundets namn på engelska', 'The council’s name in English'),
  col('decision_number', 'text', 'Päätöksen numero', 'Beslutets nummer', 'The decision’s number'),
  col('decision_date', 'date', 'Päätöksen päivämäärä', 'Beslutets datum', 'The decision’s date'),
  col('decision_maker', 'text', 'Päätöksen tekijä', 'Beslutsfattare', 'Who made the decision'),
  col('budget_cents', 'integer', 'Maakuntaliiton määräraha haussa senttiä', 'Landskapsförbundets anslag i utlysningen i cent', 'The council’s budget in the call, in cents'),
  col(
    'granted_cents',
    'integer',
    'Myönnetty senttiä hankkeille, joiden rahoitus on lopullinen',
    'Beviljat i cent till projekt vars finansiering är slutgiltig',
    'Granted in cents to projects whose funding is final',
  ),
  col('funded_projects', 'integer', 'Päätöksellä rahoitettujen hankkeiden määrä', 'Antal projekt som beslutet finansierar', 'Number of projects the decision funds'),
  col('project_ids', 'list', 'Rahoitettujen hankkeiden tunnisteet (projects-aineisto)', 'De finansierade projektens identifierare (datamängden projects)', 'Identifiers of the funded projects (the projects dataset)'),
];

const projectColumns: ColumnSpec[] = [
  col('id', 'integer', 'Hankkeen tunniste', 'Projektets identifierare', 'The project’s identifier'),
  col('application_id', 'integer', 'Hakemuksen tunniste', 'Ansökans identifierare', 'The application’s identifier'),
  col('call_id', 'integer', 'Haun tunniste', 'Utlysningens identifierare', 'The call’s identifier'),
  col('call_reference', 'text', 'Haun viite', 'Utlysningens referens', 'The call’s reference'),
  col('title', 'text', 'Hankkeen nimi', 'Projektets namn', 'The project’s title'),
  col('summary', 'text', 'Julkinen tiivistelmä', 'Offentligt sammandrag', 'Public summary'),
  col('lead_organisation', 'text', 'Päätoteuttajan nimi', 'Huvudgenomförarens namn', 'The lead partner’s name'),
  col('lead_business_id', 'text', 'Päätoteuttajan Y-tunnus', 'Huvudgenomförarens FO-nummer', 'The lead partner’s business ID'),
  col('lead_region_code', 'text', 'Päätoteuttajan maakuntakoodi', 'Huvudgenomförarens landskapskod', 'The lead partner’s region code'),
  col('partner_organisations', 'list', 'Kaikkien toteuttajien nimet, päätoteuttaja ensin', 'Alla genomförares namn, huvudgenomföraren först', 'All partners’ names, the lead first'),
  col('partner_business_ids', 'list', 'Toteuttajien Y-tunnukset samassa järjestyksessä', 'Genomförarnas FO-nummer i samma ordning', 'The partners’ business IDs in the same order'),
  col('partner_region_codes', 'list', 'Toteuttajien maakuntakoodit samassa järjestyksessä', 'Genomförarnas landskapskoder i samma ordning', 'The partners’ region codes in the same order'),
  col('region_count', 'integer', 'Eri maakuntien määrä toteuttajien joukossa', 'Antal olika landskap bland genomförarna', 'Number of distinct regions among the partners'),
  col('priority', 'text', 'Painopisteen tunnus (slug)', 'Prioriteringens kortnamn (slug)', 'The priority’s slug'),
  col('instrument', 'text', 'Rahoitusväline: erdf, akke tai other', 'Finansieringsinstrument: erdf, akke eller other', 'Funding instrument: erdf, akke or other'),
  col('decision_year', 'integer', 'Vuosi, jona rahoitus tuli lopulliseksi', 'Året då finansieringen blev slutgiltig', 'The year in which the funding became final'),
  col('funded_at', 'datetime', 'Rahoitus lopullinen (UTC)', 'Finansieringen slutgiltig (UTC)', 'Funding final at (UTC)'),
  col('start_date', 'date', 'Hankkeen alkamispäivä', 'Projektets startdatum', 'The project’s start date'),
  col('end_date', 'date', 'Hankkeen päättymispäivä', 'Projektets slutdatum', 'The project’s end date'),
  col('granted_cents', 'integer', 'Myönnetty rahoitus yhteensä senttiä', 'Beviljad finansiering sammanlagt i cent', 'The grant in total, in cents'),
  col('granted_by_region', 'map', 'Kunkin maakuntaliiton myöntämä rahoitus senttiä (koodi:määrä)', 'Varje landskapsförbunds beviljade finansiering i cent (kod:belopp)', 'Each council’s grant in cents (code:amount)'),
  col('status', 'text', 'Tila: ongoing (käynnissä) tai completed (päättynyt)', 'Status: ongoing (pågår) eller completed (avslutat)', 'Status: ongoing or completed'),
];

const indicatorValueColumns: ColumnSpec[] = [
  col('project_id', 'integer', 'Hankkeen tunniste (projects-aineisto)', 'Projektets identifierare (datamängden projects)', 'The project’s identifier (the projects dataset)'),
  col('indicator_code', 'text', 'Indikaattorin koodi', 'Indikatorns kod', 'The indicator’s code'),
  col('indicator_kind', 'text', 'Indikaattorin laji: output (tuotos) tai result (tulos)', 'Indikatorns typ: output (utfall) eller result (resultat)', 'The indicator’s kind: output or result'),
  col('indicator_name_fi', 'text', 'Indikaattorin nimi suomeksi', 'Indikatorns namn på finska', 'The indicator’s name in Finnish'),
  col('indicator_name_sv', 'text', 'Indikaattorin nimi ruotsiksi', 'Indikatorns namn på svenska', 'The indicator’s name in Swedish'),
  col('indicator_name_en', 'text', 'Indikaattorin nimi englanniksi', 'Indikatorns namn på engelska', 'The indicator’s name in English'),
  col('unit', 'text', 'Yksikkö: count, fte, eur, percent, tonnes tai mwh', 'Enhet: count, fte, eur, percent, tonnes eller mwh', 'Unit: count, fte, eur, percent, tonnes or mwh'),
  col('value', 'decimal', 'Raportoitu arvo tähän mennessä (kumulatiivinen)', 'Rapporterat värde hittills (kumulativt)', 'Value reported to date (cumulative)'),
  col('target', 'decimal', 'Hankkeen tavoite; tyhjä, jos tavoitetta ei ole asetettu', 'Projektets mål; tomt om inget mål har satts', 'The project’s target; empty when none is set'),
  col('report_kind', 'text', 'Raportin laji: progress (väliraportti) tai final (loppuraportti)', 'Rapportens typ: progress (lägesrapport) eller final (slutrapport)', 'The report’s kind: progress or final'),
  col('period_end', 'date', 'Raportointikauden viimeinen päivä', 'Rapporteringsperiodens sista dag', 'The last day of the reporting period'),
  col('accepted_at', 'datetime', 'Raportti hyväksytty (UTC)', 'Rapporten godkänd (UTC)', 'Report accepted at (UTC)'),
];

export const datasets: Readonly<Record<DatasetId, DatasetSpec>> = {
  calls: {
    id: 'calls',
    title: { fi: 'Rahoitushaut', sv: 'Finansieringsutlysningar', en: 'Funding calls' },
    description: {
      fi: 'Julkaistut yhteishaut: nimet kolmella kielellä, aikataulu, osallistuvat maakuntaliitot ja niiden määrärahat sekä painopisteet. Luonnokset eivät ole mukana.',
      sv: 'Publicerade gemensamma utlysningar: namn på tre språk, tidtabell, deltagande landskapsförbund och deras anslag samt prioriteringar. Utkast ingår inte.',
      en: 'Published joint calls: titles in three languages, timetable, participating councils and their budgets, and priorities. Drafts are not included.',
    },
    columns: callColumns,
  },
  decisions: {
    id: 'decisions',
    title: { fi: 'Rahoituspäätökset', sv: 'Finansieringsbeslut', en: 'Funding decisions' },
    description: {
      fi: 'Yksi rivi kunkin maakuntaliiton päätöksestä kussakin haussa: päätöksen numero, päivämäärä ja tekijä, määräraha ja myönnetty rahoitus. Hankekohtaiset myönnöt ovat hankeaineistossa.',
      sv: 'En rad för varje landskapsförbunds beslut i varje utlysning: beslutets nummer, datum och beslutsfattare, anslaget och den beviljade finansieringen. Beviljandet per projekt finns i projektdatamängden.',
      en: 'One row for each council’s decision in each call: the decision’s number, date and maker, the budget and what was granted. The grants per project are in the projects dataset.',
    },
    columns: decisionColumns,
  },
  projects: {
    id: 'projects',
    title: { fi: 'Rahoitetut hankkeet', sv: 'Finansierade projekt', en: 'Funded projects' },
    description: {
      fi: 'Hankkeet, joiden rahoitus on lopullinen: nimi, julkinen tiivistelmä, toteuttajat ja niiden maakunnat, painopiste, aikataulu ja kunkin maakuntaliiton myöntämä rahoitus.',
      sv: 'Projekt vars finansiering är slutgiltig: namn, offentligt sammandrag, genomförare och deras landskap, prioritering, tidtabell och varje landskapsförbunds beviljade finansiering.',
      en: 'Projects whose funding is final: title, public summary, partners and their regions, priority, timetable and the grant from each council.',
    },
    columns: projectColumns,
  },
  'indicator-values': {
    id: 'indicator-values',
    title: { fi: 'Indikaattoriarvot', sv: 'Indikatorvärden', en: 'Indicator values' },
    description: {
      fi: 'Yksi rivi kustakin hankkeen indikaattorista sen viimeisimmästä hyväksytystä raportista: arvo tähän mennessä ja hankkeen tavoite.',
      sv: 'En rad för varje indikator i ett projekts senaste godkända rapport: värdet hittills och projektets mål.',
      en: 'One row for each indicator in a project’s latest accepted report: the value to date and the project’s target.',
    },
    columns: indicatorValueColumns,
  },
};
