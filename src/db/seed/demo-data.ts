/**
 * The labelled demo dataset: fictional people only, every row marked is_demo and shown with a
 * "demo data" label. Names are Finnish words for "example", "test" and the like; addresses use the
 * example.org domain reserved for documentation; phone numbers are invented.
 */
export interface DemoExpertSeed {
  regionCode: string;
  name: string;
  title: { fi: string; sv: string; en: string };
  organisation: string;
  email: string;
  phone: string;
}

const specialist = { fi: 'Erityisasiantuntija', sv: 'Specialsakkunnig', en: 'Senior specialist' };
const director = { fi: 'Aluekehitysjohtaja', sv: 'Regionutvecklingsdirektör', en: 'Director of regional development' };
const planner = { fi: 'Suunnittelija', sv: 'Planerare', en: 'Planning officer' };

export const demoExpertGroup: readonly DemoExpertSeed[] = [
  { regionCode: '10', name: 'Aino Esimerkki', title: specialist, organisation: 'Etelä-Savon maakuntaliitto', email: 'aino.esimerkki@example.org', phone: '+358 40 000 1001' },
  { regionCode: '11', name: 'Ville Testinen', title: director, organisation: 'Pohjois-Savon liitto', email: 'ville.testinen@example.org', phone: '+358 40 000 1101' },
  { regionCode: '11', name: 'Sanna Malli', title: planner, organisation: 'Pohjois-Savon liitto', email: 'sanna.malli@example.org', phone: '+358 40 000 1102' },
  { regionCode: '12', name: 'Pekka Kokeilu', title: specialist, organisation: 'Pohjois-Karjalan maakuntaliitto', email: 'pekka.kokeilu@example.org', phone: '+358 40 000 1201' },
  { regionCode: '16', name: 'Maria Demo', title: director, organisation: 'Keski-Pohjanmaan liitto', email: 'maria.demo@example.org', phone: '+358 40 000 1601' },
  { regionCode: '16', name: 'Erik Exempel', title: planner, organisation: 'Keski-Pohjanmaan liitto', email: 'erik.exempel@example.org', phone: '+358 40 000 1602' },
  { regionCode: '17', name: 'Liisa Harjoitus', title: specialist, organisation: 'Pohjois-Pohjanmaan liitto', email: 'liisa.harjoitus@example.org', phone: '+358 40 000 1701' },
  { regionCode: '18', name: 'Juho Kuvitelma', title: specialist, organisation: 'Kainuun liitto', email: 'juho.kuvitelma@example.org', phone: '+358 40 000 1801' },
  { regionCode: '19', name: 'Elina Luonnos', title: director, organisation: 'Lapin liitto', email: 'elina.luonnos@example.org', phone: '+358 40 000 1901' },
  { regionCode: '19', name: 'Niilo Harjoittelu', title: planner, organisation: 'Lapin liitto', email: 'niilo.harjoittelu@example.org', phone: '+358 40 000 1902' },
];

/**
 * Demo sign-in accounts, one per role, all with the same passphrase, which is printed at start-up
 * (development only). Officials are asked to set up two-factor authentication at the first sign-in,
 * as real ones are. The officer of Kainuu coordinates in 2026, the year Kainuu chairs.
 */
export const DEMO_PASSWORD = 'demo-tunnus vain kokeiluun';

export interface DemoAccountSeed {
  email: string;
  name: string;
  locale: 'fi' | 'sv' | 'en';
  role: 'admin' | 'officer' | 'expert' | 'applicant';
  regionCode: string | null;
}

export const demoAccounts: readonly DemoAccountSeed[] = [
  { email: 'yllapito.demo@example.org', name: 'Ylläpitäjä Demo', locale: 'fi', role: 'admin', regionCode: null },
  { email: 'juho.kuvitelma@example.org', name: 'Juho Kuvitelma', locale: 'fi', role: 'officer', regionCode: '18' },
  { email: 'maria.demo@example.org', name: 'Maria Demo', locale: 'fi', role: 'officer', regionCode: '16' },
  { email: 'liisa.harjoitus@example.org', name: 'Liisa Harjoitus', locale: 'fi', role: 'expert', regionCode: '17' },
  { email: 'hakija.demo@example.org', name: 'Hakija Demo', locale: 'fi', role: 'applicant', regionCode: null },
  { email: 'sokande.demo@example.org', name: 'Sökande Demo', locale: 'sv', role: 'applicant', regionCode: null },
];

/** A fictional applicant organisation; its business ID has a valid check digit. */
export const demoOrganisation = {
  businessId: '9990001-6',
  name: 'Esimerkkiyliopisto (demo)',
  type: 'university' as const,
  regionCode: '17',
};
