import type { ComputedIndicator, IndicatorKind, IndicatorSource, IndicatorUnit } from '../schema.js';

type Text = { fi: string; sv: string; en: string };

export interface IndicatorSeed {
  code: string;
  kind: IndicatorKind;
  source: IndicatorSource;
  unit: IndicatorUnit;
  decimals: number;
  computed: ComputedIndicator | null;
  name: Text;
  description: Text;
}

const eu = (code: string, kind: IndicatorKind, unit: IndicatorUnit, name: Text, description: Text, decimals = 0): IndicatorSeed => ({
  code,
  kind,
  source: 'eu',
  unit,
  decimals,
  computed: null,
  name,
  description,
});

/**
 * The indicator catalogue the platform starts with: a set of the EU's common output (RCO) and
 * result (RCR) indicators of the ERDF 2021–2027 that the councils' joint calls typically use, and
 * the strategy's own indicators, which the platform computes from the funded projects. Officers add
 * more. Seeded by code: an officer's edits of a seeded indicator are kept.
 */
export const indicatorCatalogue: readonly IndicatorSeed[] = [
  eu('RCO01', 'output', 'count', { fi: 'Tuetut yritykset', sv: 'Företag som får stöd', en: 'Enterprises supported' }, {
    fi: 'Yritykset, jotka saavat hankkeesta rahallista tai muuta tukea.',
    sv: 'Företag som får ekonomiskt eller annat stöd genom projektet.',
    en: 'Enterprises receiving monetary or non-monetary support from the project.',
  }),
  eu('RCO02', 'output', 'count', { fi: 'Avustuksin tuetut yritykset', sv: 'Företag som får bidrag', en: 'Enterprises supported by grants' }, {
    fi: 'Yritykset, jotka saavat tukea avustuksena.',
    sv: 'Företag som får stöd i form av bidrag.',
    en: 'Enterprises receiving support in the form of grants.',
  }),
  eu('RCO07', 'output', 'count', {
    fi: 'Yhteisiin tutkimushankkeisiin osallistuvat tutkimusorganisaatiot',
    sv: 'Forskningsorganisationer som deltar i gemensamma forskningsprojekt',
    en: 'Research organisations participating in joint research projects',
  }, {
    fi: 'Tutkimusorganisaatiot, jotka toteuttavat hanketta yhdessä muiden kanssa.',
    sv: 'Forskningsorganisationer som genomför projektet tillsammans med andra.',
    en: 'Research organisations carrying out the project jointly with others.',
  }),
  eu('RCO10', 'output', 'count', {
    fi: 'Tutkimusorganisaatioiden kanssa yhteistyötä tekevät yritykset',
    sv: 'Företag som samarbetar med forskningsorganisationer',
    en: 'Enterprises cooperating with research organisations',
  }, {
    fi: 'Yritykset, jotka osallistuvat yhteiseen tutkimus- tai kehittämistyöhön tutkimusorganisaation kanssa.',
    sv: 'Företag som deltar i gemensamt forsknings- eller utvecklingsarbete med en forskningsorganisation.',
    en: 'Enterprises taking part in joint research or development work with a research organisation.',
  }),
  eu('RCO14', 'output', 'count', {
    fi: 'Digitaalisten palvelujen, tuotteiden ja prosessien kehittämiseen tuetut julkiset organisaatiot',
    sv: 'Offentliga institutioner som får stöd för att utveckla digitala tjänster, produkter och processer',
    en: 'Public institutions supported to develop digital services, products and processes',
  }, {
    fi: 'Julkiset organisaatiot, joiden digitaalisia palveluja, tuotteita tai prosesseja hanke kehittää.',
    sv: 'Offentliga institutioner vars digitala tjänster, produkter eller processer projektet utvecklar.',
    en: 'Public institutions whose digital services, products or processes the project develops.',
  }),
  eu('RCO84', 'output', 'count', {
    fi: 'Yhdessä kehitetyt ja toteutetut pilotit',
    sv: 'Gemensamt utvecklade och genomförda pilotåtgärder',
    en: 'Pilot actions developed jointly and implemented in projects',
  }, {
    fi: 'Pilotit, jotka hankkeen toteuttajat ovat kehittäneet ja toteuttaneet yhdessä.',
    sv: 'Pilotåtgärder som projektets parter har utvecklat och genomfört tillsammans.',
    en: 'Pilot actions the project partners have developed and carried out together.',
  }),
  eu('RCR01', 'result', 'fte', { fi: 'Tuetuissa yksiköissä syntyneet työpaikat', sv: 'Skapade arbetstillfällen i enheter som får stöd', en: 'Jobs created in supported entities' }, {
    fi: 'Uudet työpaikat henkilötyövuosina vuodessa.',
    sv: 'Nya arbetstillfällen i årsarbetskrafter.',
    en: 'New jobs in annual full-time equivalents.',
  }, 1),
  eu('RCR02', 'result', 'eur', { fi: 'Julkista tukea täydentävät yksityiset investoinnit', sv: 'Privata investeringar som matchar offentligt stöd', en: 'Private investments matching public support' }, {
    fi: 'Yksityinen rahoitus, joka on sijoitettu tuettuun toimintaan julkisen tuen rinnalla.',
    sv: 'Privat finansiering som investerats i verksamheten vid sidan av det offentliga stödet.',
    en: 'Private funding invested in the supported activity alongside the public support.',
  }, 2),
  eu('RCR03', 'result', 'count', {
    fi: 'Tuote- tai prosessi-innovaatioita käyttöön ottaneet pk-yritykset',
    sv: 'Små och medelstora företag som inför produkt- eller processinnovationer',
    en: 'SMEs introducing product or process innovation',
  }, {
    fi: 'Pk-yritykset, jotka ovat ottaneet käyttöön uuden tai parannetun tuotteen tai prosessin.',
    sv: 'Små och medelstora företag som har infört en ny eller förbättrad produkt eller process.',
    en: 'SMEs that have introduced a new or improved product or process.',
  }),
  eu('RCR08', 'result', 'count', { fi: 'Tuettujen hankkeiden julkaisut', sv: 'Publikationer från projekt som får stöd', en: 'Publications from supported projects' }, {
    fi: 'Hankkeen tuloksista tehdyt tieteelliset julkaisut.',
    sv: 'Vetenskapliga publikationer om projektets resultat.',
    en: 'Scientific publications on the results of the project.',
  }),
  eu('RCR29', 'result', 'tonnes', { fi: 'Arvioidut kasvihuonekaasupäästöt', sv: 'Uppskattade växthusgasutsläpp', en: 'Estimated greenhouse gas emissions' }, {
    fi: 'Tuettujen toimien arvioidut päästöt tonneina CO₂-ekvivalenttia vuodessa.',
    sv: 'Uppskattade utsläpp från de stödda åtgärderna i ton koldioxidekvivalenter per år.',
    en: 'Estimated emissions of the supported actions in tonnes of CO₂ equivalent a year.',
  }, 1),
  eu('RCR47', 'result', 'tonnes', { fi: 'Kierrätetty jäte', sv: 'Återvunnet avfall', en: 'Waste recycled' }, {
    fi: 'Kierrätetyn jätteen määrä tonneina vuodessa.',
    sv: 'Mängden återvunnet avfall i ton per år.',
    en: 'Waste recycled in tonnes a year.',
  }, 1),
  eu('RCR102', 'result', 'fte', { fi: 'Tuetuissa yksiköissä syntyneet tutkimustyöpaikat', sv: 'Skapade forskningsarbetstillfällen i enheter som får stöd', en: 'Research jobs created in supported entities' }, {
    fi: 'Uudet tutkimustyöpaikat henkilötyövuosina vuodessa.',
    sv: 'Nya forskningsarbetstillfällen i årsarbetskrafter.',
    en: 'New research jobs in annual full-time equivalents.',
  }, 1),
  {
    code: 'S3-CROSS',
    kind: 'output',
    source: 'strategy',
    unit: 'count',
    decimals: 0,
    computed: 'cross-regional-projects',
    name: { fi: 'Maakuntien väliset hankkeet', sv: 'Projekt mellan landskapen', en: 'Cross-regional projects' },
    description: {
      fi: 'Rahoitetut hankkeet, joissa on toteuttajia vähintään kahdesta maakunnasta. Lasketaan hankkeista.',
      sv: 'Finansierade projekt med parter från minst två landskap. Beräknas från projekten.',
      en: 'Funded projects with partners in at least two regions. Computed from the projects.',
    },
  },
  {
    code: 'S3-REGIONS',
    kind: 'output',
    source: 'strategy',
    unit: 'count',
    decimals: 2,
    computed: 'regions-per-project',
    name: { fi: 'Maakuntia hanketta kohden', sv: 'Landskap per projekt', en: 'Regions per project' },
    description: {
      fi: 'Rahoitettujen hankkeiden toteuttajien maakuntien määrän keskiarvo. Lasketaan hankkeista.',
      sv: 'Medeltalet landskap som de finansierade projektens parter finns i. Beräknas från projekten.',
      en: 'The average number of regions the partners of a funded project are in. Computed from the projects.',
    },
  },
  {
    code: 'S3-FUNDING',
    kind: 'output',
    source: 'strategy',
    unit: 'eur',
    decimals: 2,
    computed: 'funding-per-priority',
    name: { fi: 'Rahoitus painopisteittäin', sv: 'Finansiering per prioritering', en: 'Funding per priority' },
    description: {
      fi: 'Maakuntien liittojen myöntämä rahoitus strategian painopisteittäin. Lasketaan päätöksistä.',
      sv: 'Finansiering som landskapsförbunden beviljat per prioritering i strategin. Beräknas från besluten.',
      en: 'Funding granted by the regional councils per priority of the strategy. Computed from the decisions.',
    },
  },
];
