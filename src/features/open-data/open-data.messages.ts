import type { Locale } from '../../i18n/locales.js';
import type { ColumnType } from './datasets.js';

/** Texts of the open data page. The datasets' titles and column descriptions are in datasets.ts. */
const fi = {
  title: 'Avoin data',
  lead: 'Rahoitushaut, rahoituspäätökset, rahoitetut hankkeet ja niiden indikaattoriarvot ovat vapaasti ladattavissa CSV-, XLSX- ja JSON-tiedostoina. Tiedostot muodostetaan palvelun ajantasaisista tiedoista.',
  termsHeading: 'Käyttöehdot ja päivitys',
  licence: 'Lisenssi',
  licenceText: 'Creative Commons Nimeä 4.0 Kansainvälinen (CC BY 4.0)',
  attribution: 'Mainitse lähteenä',
  updates: 'Päivitys',
  updatesText: 'Ajantasainen: tiedosto muodostetaan jokaisella latauksella. Välimuistit voivat säilyttää tiedostoa enintään viisi minuuttia.',
  publicity:
    'Aineistoissa on vain julkisia tietoja. Niissä ei ole hakujen luonnoksia, rahoittamatta jääneitä hakemuksia, hakemusten osioita eikä liikesalaisuuksia, yhteyshenkilöiden tietoja, raporttien sanallisia kuvauksia, liitteitä eikä arvioijien tietoja.',
  formatsHeading: 'Tiedostomuodot',
  formatCsv:
    'CSV: RFC 4180 -muoto, pilkku kenttäerottimena ja CRLF rivinvaihtona, merkistö UTF-8 (BOM-merkillä, jotta taulukko-ohjelmat lukevat ääkköset oikein). Jos tekstikenttä alkaa merkillä =, +, -, @, sarkaimella tai rivinvaihdolla, sen eteen lisätään heittomerkki (\'), jottei taulukko-ohjelma tulkitse sitä kaavaksi.',
  formatXlsx: 'XLSX: lihavoitu ja kiinnitetty otsikkorivi, luvut lukuina, toisella välilehdellä sarakkeiden kuvaukset kolmella kielellä.',
  formatJson: 'JSON: olio, jossa ovat aineiston tunnus, nimi, lisenssi, muodostamisaika, sarakkeet ja rivit; luettelot ovat taulukoita ja maakuntakohtaiset summat olioita.',
  conventions:
    'Rahamäärät ovat euroina kokonaisina sentteinä (sarakkeet *_cents). Indikaattoriarvot ja tavoitteet ovat desimaalilukuja indikaattorin yksikössä. Päivämäärät ovat muotoa VVVV-KK-PP ja ajankohdat ISO 8601 -muodossa UTC-aikana. CSV- ja XLSX-tiedostoissa luettelon osat erotetaan puolipisteellä ja maakuntakohtaiset summat ovat muotoa koodi:määrä.',
  downloads: (dataset: string) => `Lataa: ${dataset}`,
  download: (dataset: string, format: string) => `${dataset} (${format})`,
  columnsCaption: (dataset: string) => `Sarakkeet: ${dataset}`,
  colName: 'Sarake',
  colType: 'Tyyppi',
  colDescription: 'Kuvaus',
  types: {
    integer: 'kokonaisluku',
    decimal: 'desimaaliluku',
    text: 'teksti',
    date: 'päivämäärä',
    datetime: 'ajankohta (UTC)',
    list: 'luettelo',
    map: 'koodi:määrä-luettelo',
  } satisfies Record<ColumnType, string>,
  apiHeading: 'Rajapinta ja muut aineistot',
  apiDocs: 'Rajapinnan kuvaus (OpenAPI)',
  catalogue: 'Aineistoluettelo koneluettavana (JSON)',
  projectsApi: 'Hankerajapinta: hankkeiden haku ja yksittäinen hanke (JSON)',
  monitoring: 'Strategian seuranta: rahoitus painopisteittäin ja maakunnittain',
};

export type OpenDataMessages = typeof fi;

const sv: OpenDataMessages = {
  title: 'Öppna data',
  lead: 'Finansieringsutlysningar, finansieringsbeslut, finansierade projekt och deras indikatorvärden kan fritt laddas ned som CSV-, XLSX- och JSON-filer. Filerna skapas av tjänstens aktuella uppgifter.',
  termsHeading: 'Villkor och uppdatering',
  licence: 'Licens',
  licenceText: 'Creative Commons Erkännande 4.0 Internationell (CC BY 4.0)',
  attribution: 'Ange som källa',
  updates: 'Uppdatering',
  updatesText: 'Aktuell: filen skapas vid varje nedladdning. Cacheminnen kan spara filen i högst fem minuter.',
  publicity:
    'Datamängderna innehåller endast offentliga uppgifter. De innehåller inte utkast till utlysningar, ansökningar som inte fått finansiering, ansökningarnas avsnitt eller affärshemligheter, kontaktpersoners uppgifter, rapporternas beskrivningar, bilagor eller uppgifter om bedömare.',
  formatsHeading: 'Filformat',
  formatCsv:
    'CSV: enligt RFC 4180 med kommatecken som fältavgränsare och CRLF som radbrytning, teckenkodning UTF-8 (med BOM så att kalkylprogram läser å, ä och ö rätt). Om ett textfält börjar med =, +, -, @, en tabb eller en radbrytning får det en apostrof (\') framför, så att kalkylprogrammet inte tolkar det som en formel.',
  formatXlsx: 'XLSX: fet och fryst rubrikrad, tal som tal, på den andra fliken kolumnernas beskrivningar på tre språk.',
  formatJson: 'JSON: ett objekt med datamängdens kod, namn, licens, tidpunkt, kolumner och rader; listor är arrayer och beloppen per landskap objekt.',
  conventions:
    'Belopp anges i hela eurocent (kolumnerna *_cents). Indikatorvärden och mål är decimaltal i indikatorns enhet. Datum har formen ÅÅÅÅ-MM-DD och tidpunkter ISO 8601 i UTC. I CSV- och XLSX-filerna skiljs listans delar åt med semikolon och beloppen per landskap har formen kod:belopp.',
  downloads: (dataset: string) => `Ladda ned: ${dataset}`,
  download: (dataset: string, format: string) => `${dataset} (${format})`,
  columnsCaption: (dataset: string) => `Kolumner: ${dataset}`,
  colName: 'Kolumn',
  colType: 'Typ',
  colDescription: 'Beskrivning',
  types: {
    integer: 'heltal',
    decimal: 'decimaltal',
    text: 'text',
    date: 'datum',
    datetime: 'tidpunkt (UTC)',
    list: 'lista',
    map: 'lista kod:belopp',
  },
  apiHeading: 'Gränssnitt och andra data',
  apiDocs: 'Beskrivning av gränssnittet (OpenAPI)',
  catalogue: 'Förteckning över datamängderna i maskinläsbar form (JSON)',
  projectsApi: 'Projektgränssnittet: sökning och enskilda projekt (JSON)',
  monitoring: 'Uppföljning av strategin: finansiering per prioritering och landskap',
};

const en: OpenDataMessages = {
  title: 'Open data',
  lead: 'Funding calls, funding decisions, funded projects and their indicator values can be freely downloaded as CSV, XLSX and JSON files. The files are made from the service’s current data.',
  termsHeading: 'Terms and updates',
  licence: 'Licence',
  licenceText: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  attribution: 'Attribute to',
  updates: 'Updates',
  updatesText: 'Live: each file is made when it is downloaded. Caches may keep a file for up to five minutes.',
  publicity:
    'The datasets hold public facts only. They hold no draft calls, no applications left unfunded, no application sections or business secrets, no contact people, no report narratives, no attachments and nothing about reviewers.',
  formatsHeading: 'File formats',
  formatCsv:
    'CSV: RFC 4180 with commas between fields and CRLF line ends, encoded in UTF-8 (with a byte-order mark so that spreadsheets read ä and ö right). A text field starting with =, +, -, @, a tab or a line break gets an apostrophe (\') in front, so that no spreadsheet takes it for a formula.',
  formatXlsx: 'XLSX: a bold, frozen header row, numbers as numbers, and a second sheet describing the columns in three languages.',
  formatJson: 'JSON: an object with the dataset’s id, title, licence, time of generation, columns and rows; lists are arrays and the amounts per region objects.',
  conventions:
    'Money is in whole euro cents (the *_cents columns). Indicator values and targets are decimal numbers in the indicator’s unit. Dates are YYYY-MM-DD and instants ISO 8601 in UTC. In the CSV and XLSX files the items of a list are separated by semicolons and amounts per region are written code:amount.',
  downloads: (dataset: string) => `Download: ${dataset}`,
  download: (dataset: string, format: string) => `${dataset} (${format})`,
  columnsCaption: (dataset: string) => `Columns: ${dataset}`,
  colName: 'Column',
  colType: 'Type',
  colDescription: 'Description',
  types: {
    integer: 'integer',
    decimal: 'decimal number',
    text: 'text',
    date: 'date',
    datetime: 'instant (UTC)',
    list: 'list',
    map: 'list of code:amount',
  },
  apiHeading: 'API and other data',
  apiDocs: 'API reference (OpenAPI)',
  catalogue: 'The list of datasets, machine-readable (JSON)',
  projectsApi: 'Projects API: project search and single projects (JSON)',
  monitoring: 'Strategy monitoring: funding by priority and region',
};

export const openDataMessages: Readonly<Record<Locale, OpenDataMessages>> = { fi, sv, en };
