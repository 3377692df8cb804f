import type { Locale } from '../../i18n/locales.js';

/** The column headers and total row of a funded project's funding table, shared by its public, lead partner's and officers' pages. */
const fi = {
  colCouncil: 'Maakuntaliitto',
  colGranted: 'Myönnetty',
  colDecision: 'Päätös',
  decisionRef: (number: string, date: string) => `${number}, ${date}`,
  total: 'Yhteensä',
};

export type ProjectFundingTableMessages = typeof fi;

const sv: ProjectFundingTableMessages = {
  colCouncil: 'Landskapsförbund',
  colGranted: 'Beviljat',
  colDecision: 'Beslut',
  decisionRef: (number: string, date: string) => `${number}, ${date}`,
  total: 'Sammanlagt',
};

const en: ProjectFundingTableMessages = {
  colCouncil: 'Regional council',
  colGranted: 'Granted',
  colDecision: 'Decision',
  decisionRef: (number: string, date: string) => `${number}, ${date}`,
  total: 'Total',
};

export const projectFundingTableMessages: Readonly<Record<Locale, ProjectFundingTableMessages>> = { fi, sv, en };
