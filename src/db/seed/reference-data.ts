/**
 * Reference data of the cooperation as the councils published it (see shared DESIGN.md, section 1).
 * It is seeded once; after that officers own it, so seeding never overwrites an edit. The Swedish and
 * English names of the priorities are working translations until the councils give official ones.
 */
import type { Localised } from '../../i18n/locales.js';

export interface RegionSeed {
  code: string;
  nuts3: string;
  slug: string;
  name: Localised;
  council: Localised;
  website: string;
}

export const regions: readonly RegionSeed[] = [
  {
    code: '10',
    nuts3: 'FI1D1',
    slug: 'etela-savo',
    name: { fi: 'Etelä-Savo', sv: 'Södra Savolax', en: 'Etelä-Savo' },
    council: { fi: 'Etelä-Savon maakuntaliitto', sv: 'Södra Savolax förbund', en: 'Regional Council of Etelä-Savo' },
    website: 'https://esavo.fi',
  },
  {
    code: '11',
    nuts3: 'FI1D2',
    slug: 'pohjois-savo',
    name: { fi: 'Pohjois-Savo', sv: 'Norra Savolax', en: 'Pohjois-Savo' },
    council: { fi: 'Pohjois-Savon liitto', sv: 'Norra Savolax förbund', en: 'Regional Council of Pohjois-Savo' },
    website: 'https://www.pohjois-savo.fi',
  },
  {
    code: '12',
    nuts3: 'FI1D3',
    slug: 'pohjois-karjala',
    name: { fi: 'Pohjois-Karjala', sv: 'Norra Karelen', en: 'North Karelia' },
    council: { fi: 'Pohjois-Karjalan maakuntaliitto', sv: 'Norra Karelens förbund', en: 'Regional Council of North Karelia' },
    website: 'https://www.pohjois-karjala.fi',
  },
  {
    code: '16',
    nuts3: 'FI1D5',
    slug: 'keski-pohjanmaa',
    name: { fi: 'Keski-Pohjanmaa', sv: 'Mellersta Österbotten', en: 'Central Ostrobothnia' },
    council: {
      fi: 'Keski-Pohjanmaan liitto',
      sv: 'Mellersta Österbottens förbund',
      en: 'Regional Council of Central Ostrobothnia',
    },
    website: 'https://www.keski-pohjanmaa.fi',
  },
  {
    code: '17',
    nuts3: 'FI1D9',
    slug: 'pohjois-pohjanmaa',
    name: { fi: 'Pohjois-Pohjanmaa', sv: 'Norra Österbotten', en: 'North Ostrobothnia' },
    council: { fi: 'Pohjois-Pohjanmaan liitto', sv: 'Norra Österbottens förbund', en: 'Council of Oulu Region' },
    website: 'https://www.pohjois-pohjanmaa.fi',
  },
  {
    code: '18',
    nuts3: 'FI1D8',
    slug: 'kainuu',
    name: { fi: 'Kainuu', sv: 'Kajanaland', en: 'Kainuu' },
    council: { fi: 'Kainuun liitto', sv: 'Kajanalands förbund', en: 'Regional Council of Kainuu' },
    website: 'https://kainuunliitto.fi',
  },
  {
    code: '19',
    nuts3: 'FI1D7',
    slug: 'lappi',
    name: { fi: 'Lappi', sv: 'Lappland', en: 'Lapland' },
    council: { fi: 'Lapin liitto', sv: 'Lapplands förbund', en: 'Regional Council of Lapland' },
    website: 'https://www.lapinliitto.fi',
  },
];

export interface PrioritySeed {
  slug: string;
  name: Localised;
  description: Localised;
}

export interface StrategySeed {
  slug: string;
  name: Localised;
  summary: Localised;
  validFrom: string;
  validTo: string | null;
  priorities: readonly PrioritySeed[];
}

export const strategies: readonly StrategySeed[] = [
  {
    slug: 'ita-ja-pohjois-suomi-2024',
    name: {
      fi: 'Itä- ja Pohjois-Suomen yhteinen älykkään erikoistumisen strategia',
      sv: 'Öst- och Nordfinlands gemensamma strategi för smart specialisering',
      en: 'Joint smart specialisation strategy of East and North Finland',
    },
    summary: {
      fi: 'Seitsemän maakunnan yhteinen strategia kytkeytyy ilmastopolitiikkaan, energiamurrokseen ja strategiseen omavaraisuuteen sekä tukee kunkin maakunnan omia kasvualoja.',
      sv: 'De sju landskapens gemensamma strategi hänger samman med klimatpolitiken, energiomställningen och den strategiska självförsörjningen och stöder varje landskaps egna tillväxtbranscher.',
      en: 'The seven regions’ joint strategy ties to climate policy, the energy transition and strategic self-sufficiency, and supports each region’s own growth sectors.',
    },
    validFrom: '2024-01-01',
    validTo: null,
    priorities: [
      {
        slug: 'clean-solutions',
        name: { fi: 'Puhtaat ratkaisut', sv: 'Rena lösningar', en: 'Clean solutions' },
        description: {
          fi: 'Kestävät energiatalouden ratkaisut, luonnonvarojen ja raaka-aineiden kestävä käyttö, korkeamman jalostusarvon tuotteet sekä bio- ja kiertotalouden ratkaisut.',
          sv: 'Hållbara lösningar för energiekonomin, hållbar användning av naturresurser och råvaror, produkter med högre förädlingsvärde samt lösningar för bio- och cirkulär ekonomi.',
          en: 'Sustainable energy-economy solutions, sustainable use of natural resources and raw materials, products of higher added value, and bio- and circular-economy solutions.',
        },
      },
      {
        slug: 'digitalisation',
        name: {
          fi: 'Digitalisaation hyödyntäminen',
          sv: 'Utnyttjande av digitaliseringen',
          en: 'Utilising digitalisation',
        },
        description: {
          fi: 'Digitaalisten teknologioiden, datan ja uusien tuotantotapojen hyödyntäminen elinkeinoelämän, julkisten palvelujen ja tutkimuksen uudistamisessa.',
          sv: 'Utnyttjande av digital teknik, data och nya produktionssätt för att förnya näringslivet, de offentliga tjänsterna och forskningen.',
          en: 'Using digital technologies, data and new ways of production to renew business, public services and research.',
        },
      },
      {
        slug: 'sustainable-services',
        name: { fi: 'Kestävä palvelutuotanto', sv: 'Hållbar serviceproduktion', en: 'Sustainable service production' },
        description: {
          fi: 'Harvaan asutun alueen palvelujen kestävä järjestäminen ja tuottaminen: uudet palvelumallit, hyvinvointi- ja matkailupalvelut sekä palvelujen saavutettavuus.',
          sv: 'Hållbar organisering och produktion av tjänster i en glest bebodd region: nya servicemodeller, välfärds- och turismtjänster och tjänsternas tillgänglighet.',
          en: 'Organising and producing services sustainably in a sparsely populated region: new service models, wellbeing and tourism services, and access to services.',
        },
      },
    ],
  },
  {
    slug: 'elmo-2019-2023',
    name: {
      fi: 'Elinkeinot murroksessa (ELMO) – Itä- ja Pohjois-Suomen älykäs erikoistuminen 2019–2023',
      sv: 'Näringar i omvälvning (ELMO) – smart specialisering i Öst- och Nordfinland 2019–2023',
      en: 'Industries in Transition (ELMO) – smart specialisation in East and North Finland 2019–2023',
    },
    summary: {
      fi: 'Edellinen yhteinen strategia, jonka painopisteinä olivat puhtaat teknologiat ja vähähiiliset ratkaisut, teollinen kiertotalous, digitalisaatio sekä yhteinen klusterityö.',
      sv: 'Den tidigare gemensamma strategin, med ren teknik och koldioxidsnåla lösningar, industriell cirkulär ekonomi, digitalisering och gemensamt klusterarbete som prioriteringar.',
      en: 'The earlier joint strategy, whose priorities were clean technologies and low-carbon solutions, industrial circular economy, digitalisation, and joint cluster work.',
    },
    validFrom: '2019-01-01',
    validTo: '2023-12-31',
    priorities: [
      {
        slug: 'elmo-clean-technologies',
        name: {
          fi: 'Puhtaat teknologiat ja vähähiiliset ratkaisut',
          sv: 'Ren teknik och koldioxidsnåla lösningar',
          en: 'Clean technologies and low-carbon solutions',
        },
        description: {
          fi: 'Puhtaiden teknologioiden ja vähähiilisten ratkaisujen kehittäminen ja käyttöönotto.',
          sv: 'Utveckling och ibruktagande av ren teknik och koldioxidsnåla lösningar.',
          en: 'Developing and deploying clean technologies and low-carbon solutions.',
        },
      },
      {
        slug: 'elmo-industrial-circular-economy',
        name: { fi: 'Teollinen kiertotalous', sv: 'Industriell cirkulär ekonomi', en: 'Industrial circular economy' },
        description: {
          fi: 'Teollisuuden sivuvirtojen, materiaalien ja energian kierrättäminen ja uudet kiertotalouden arvoketjut.',
          sv: 'Återvinning av industrins sidoströmmar, material och energi och nya värdekedjor i den cirkulära ekonomin.',
          en: 'Recycling industrial side streams, materials and energy, and new circular-economy value chains.',
        },
      },
      {
        slug: 'elmo-digitalisation',
        name: {
          fi: 'Digitalisaatio, innovatiiviset teknologiat ja tuotantoprosessit',
          sv: 'Digitalisering, innovativ teknik och produktionsprocesser',
          en: 'Digitalisation, innovative technologies and production processes',
        },
        description: {
          fi: 'Digitalisaation ja uusien teknologioiden hyödyntäminen tuotantoprosesseissa.',
          sv: 'Utnyttjande av digitalisering och ny teknik i produktionsprocesserna.',
          en: 'Using digitalisation and new technologies in production processes.',
        },
      },
      {
        slug: 'elmo-cluster-work',
        name: { fi: 'Yhteinen klusterityö', sv: 'Gemensamt klusterarbete', en: 'Joint cluster work' },
        description: {
          fi: 'Maakuntien rajat ylittävä klusteri- ja verkostoyhteistyö.',
          sv: 'Kluster- och nätverkssamarbete över landskapsgränserna.',
          en: 'Cluster and network cooperation across the regions.',
        },
      },
    ],
  },
];

export interface GrowthSectorSeed {
  regionCode: string;
  slug: string;
  name: Localised;
  /** Slugs of the 2024 strategy's priorities the sector contributes to. */
  priorities: readonly string[];
}

const sector = (
  regionCode: string,
  slug: string,
  name: Localised,
  priorities: readonly string[],
): GrowthSectorSeed => ({ regionCode, slug, name, priorities });

/**
 * A starting set of each region's growth sectors (kasvualat). The examples the strategy names are
 * here as given; the rest are a first draft for each council's officer to correct.
 */
export const growthSectors: readonly GrowthSectorSeed[] = [
  sector('10', 'forest', { fi: 'Metsä', sv: 'Skog', en: 'Forest' }, ['clean-solutions']),
  sector('10', 'food', { fi: 'Ruoka', sv: 'Livsmedel', en: 'Food' }, ['clean-solutions', 'sustainable-services']),
  sector('10', 'water', { fi: 'Vesi', sv: 'Vatten', en: 'Water' }, ['clean-solutions', 'digitalisation']),
  sector('11', 'water-energy-environment', { fi: 'Vesi, energia ja ympäristö', sv: 'Vatten, energi och miljö', en: 'Water, energy and environment' }, ['clean-solutions']),
  sector('11', 'food-chain', { fi: 'Ruokaketju', sv: 'Livsmedelskedjan', en: 'Food chain' }, ['clean-solutions']),
  sector('11', 'technology-industry', { fi: 'Teknologiateollisuus', sv: 'Teknologiindustri', en: 'Technology industry' }, ['digitalisation', 'clean-solutions']),
  sector('11', 'health-wellbeing', { fi: 'Hyvinvointi ja terveys', sv: 'Välfärd och hälsa', en: 'Health and wellbeing' }, ['sustainable-services', 'digitalisation']),
  sector('12', 'renewing-industry', { fi: 'Uudistuva teollisuus ja kehittyvät teknologiat', sv: 'Förnyande industri och framväxande teknik', en: 'Renewing industry and emerging technologies' }, ['digitalisation', 'clean-solutions']),
  sector('12', 'green-transition', { fi: 'Puhtaat ratkaisut ja vihreä siirtymä', sv: 'Rena lösningar och grön omställning', en: 'Clean solutions and green transition' }, ['clean-solutions']),
  sector('12', 'sustainable-services', { fi: 'Innovatiiviset, kestävästi tuotetut palvelut', sv: 'Innovativa, hållbart producerade tjänster', en: 'Innovative sustainably produced services' }, ['sustainable-services']),
  sector('16', 'chemical-industry', { fi: 'Kemianteollisuus', sv: 'Kemisk industri', en: 'Chemical industry' }, ['clean-solutions']),
  sector('16', 'battery-materials', { fi: 'Akkumateriaalit', sv: 'Batterimaterial', en: 'Battery materials' }, ['clean-solutions']),
  sector('16', 'circular-economy', { fi: 'Kiertotalous', sv: 'Cirkulär ekonomi', en: 'Circular economy' }, ['clean-solutions']),
  sector('17', 'digital-technologies', { fi: 'Digitaaliset teknologiat', sv: 'Digital teknik', en: 'Digital technologies' }, ['digitalisation']),
  sector('17', 'health-technology', { fi: 'Terveys- ja hyvinvointiteknologia', sv: 'Hälso- och välfärdsteknik', en: 'Health and wellbeing technology' }, ['digitalisation', 'sustainable-services']),
  sector('17', 'bioeconomy', { fi: 'Biotalous', sv: 'Bioekonomi', en: 'Bioeconomy' }, ['clean-solutions']),
  sector('17', 'energy', { fi: 'Energia', sv: 'Energi', en: 'Energy' }, ['clean-solutions']),
  sector('18', 'bioeconomy', { fi: 'Biotalous', sv: 'Bioekonomi', en: 'Bioeconomy' }, ['clean-solutions']),
  sector('18', 'mining-metals', { fi: 'Kaivos- ja metalliteollisuus', sv: 'Gruv- och metallindustri', en: 'Mining and metals' }, ['clean-solutions']),
  sector('18', 'data-centres', { fi: 'Datakeskukset ja laskenta', sv: 'Datacenter och beräkning', en: 'Data centres and computing' }, ['digitalisation']),
  sector('18', 'tourism', { fi: 'Matkailu', sv: 'Turism', en: 'Tourism' }, ['sustainable-services']),
  sector('19', 'arctic-industry', { fi: 'Arktinen teollisuus, kaivokset ja metallit', sv: 'Arktisk industri, gruvor och metaller', en: 'Arctic industry, mining and metals' }, ['clean-solutions']),
  sector('19', 'bioeconomy', { fi: 'Biotalous', sv: 'Bioekonomi', en: 'Bioeconomy' }, ['clean-solutions']),
  sector('19', 'arctic-testing', { fi: 'Arktinen testaus', sv: 'Arktisk testning', en: 'Arctic testing' }, ['digitalisation']),
  sector('19', 'tourism', { fi: 'Arktinen matkailu', sv: 'Arktisk turism', en: 'Arctic tourism' }, ['sustainable-services']),
];

/**
 * The chair rotation: Keski-Pohjanmaa chairs in 2024, the base year. The order of the years after
 * it is a default that the coordinator sets in the administration; overrides move a single year.
 */
export const chairRotation = { baseYear: 2024, order: ['16', '17', '18', '19', '10', '11', '12'] } as const;
