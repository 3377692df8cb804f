import type { Locale } from '../../i18n/locales.js';

/**
 * The texts of the decision letter and of the e-mail that carries it, in the applicant's language.
 * The instructions for a request for rectification follow the Local Government Act (410/2015):
 * 134 § (rectification, not appeal, first), 138 § (14 days), 139 § (notification by e-mail).
 */
const fi = {
  documentTitle: (application: string) => `Rahoituspäätös: ${application}`,
  filenamePrefix: 'rahoituspaatos',
  heading: 'Päätös rahoitushakemukseen',
  jointDecision: 'Itä- ja Pohjois-Suomen maakuntien liittojen yhteishaku',
  factsDate: 'Päivämäärä',
  factsRecipient: 'Vastaanottaja',
  factsCall: 'Haku',
  factsApplication: 'Hakemus',
  factsReceipt: 'Vastaanottonumero',
  callWithReference: (title: string, reference: string) => `${title} (${reference})`,
  outcomeHeading: 'Päätös',
  councilsHeading: 'Maakuntien liittojen päätökset',
  councilsLead:
    'Kukin maakunnan liitto päättää avustuksesta niiden hankkeen toteuttajien osalta, jotka toimivat sen maakunnassa. Tämä kirje kokoaa yhteen kaikkien hakemukseen osallistuvien liittojen päätökset. Lopputulos on lopullinen, kun jokainen niistä on päättänyt.',
  colCouncil: 'Maakunnan liitto',
  colDecision: 'Päätös (numero ja päivämäärä)',
  colMaker: 'Päätöksen tekijä',
  colRequested: 'Haettu',
  colGranted: 'Myönnetty',
  decisionRef: (number: string, date: string) => `${number}, ${date}`,
  total: 'Yhteensä',
  groundsHeading: 'Perustelut',
  councilGrounds: (council: string) => `${council}: perustelut`,
  scoresHeading: 'Arvioinnin tulos',
  scoreTotal: (total: string, max: string, minimum: string) =>
    `Hakemuksen painotetut kokonaispisteet ovat ${total} (enintään ${max}). Haun vähimmäispistemäärä on ${minimum}.`,
  scoreMissing: 'Hakemusta ei pisteytetty kokonaan, joten sillä ei ole kokonaispisteitä.',
  colCriterion: 'Kriteeri',
  colWeight: 'Painokerroin',
  colScore: 'Pisteet',
  colWeighted: 'Painotetut pisteet',
  passed: 'Täyttyy',
  failed: 'Ei täyty',
  undecided: 'Ratkaisematta',
  scoreOf: (value: string, max: string) => `${value} / ${max}`,
  none: '–',
  rectificationHeading: 'Oikaisuvaatimusohje',
  rectificationIntro:
    'Tähän päätökseen tyytymätön asianosainen voi hakea siihen oikaisua kirjallisella oikaisuvaatimuksella. Päätökseen ei saa hakea muutosta valittamalla ennen kuin oikaisuvaatimus on käsitelty (kuntalaki 134\u00a0§).',
  rectificationWhom:
    'Oikaisuvaatimus tehdään sen maakunnan liiton toimielimelle, joka päätöksen teki, tai jos päätöksen teki viranhaltija, sille toimielimelle, jonka alainen hän on (yleensä maakuntahallitus). Kukin liitto on päättänyt omasta osuudestaan, joten jos haluat oikaisua usean liiton päätökseen, tee oikaisuvaatimus kullekin niistä.',
  rectificationTime:
    'Oikaisuvaatimus on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista. Tiedoksisaantipäivää ei lueta määräaikaan. Sähköpostilla lähetetyn päätöksen katsotaan tulleen tiedoksi kolmantena päivänä viestin lähettämisestä, jollei muuta näytetä (kuntalaki 139\u00a0§). Oikaisuvaatimuksen on oltava perillä määräajan viimeisenä päivänä ennen kirjaamon aukioloajan päättymistä.',
  rectificationContent:
    'Oikaisuvaatimuksessa on ilmoitettava päätös, johon oikaisua haetaan, millaista oikaisua vaaditaan ja millä perusteella, sekä oikaisuvaatimuksen tekijän nimi ja yhteystiedot.',
  rectificationWhere: 'Oikaisuvaatimus toimitetaan sen liiton kirjaamoon, jonka päätöstä se koskee:',
  rectificationRegistry: (council: string, decision: string) => `${council}, kirjaamo (päätös ${decision})`,
  page: (n: number, total: number) => `Sivu ${n} (${total})`,
  mailSubject: (receipt: string) => `Päätös hakemukseen ${receipt}`,
  mailText: (p: { title: string; call: string; receipt: string; headline: string; filename: string }) =>
    `Hei,\n\nmaakuntien liitot ovat tehneet päätöksensä hakemuksesta ”${p.title}” (vastaanottonumero ${p.receipt}) haussa ”${p.call}”.\n\n${p.headline}\n\nPäätöskirje on tämän viestin liitteenä (${p.filename}). Siinä ovat kunkin liiton päätös, perustelut ja oikaisuvaatimusohje. Oikaisuvaatimus on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista; tämän viestin katsotaan tulleen tiedoksi kolmantena päivänä sen lähettämisestä.\n\nTämä on automaattinen viesti, eikä siihen voi vastata.`,
};

type Shape<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};
export type DecisionLetterMessages = Shape<typeof fi>;

const sv: DecisionLetterMessages = {
  documentTitle: (application) => `Finansieringsbeslut: ${application}`,
  filenamePrefix: 'finansieringsbeslut',
  heading: 'Beslut om ansökan om finansiering',
  jointDecision: 'Gemensam utlysning av landskapsförbunden i Östra och Norra Finland',
  factsDate: 'Datum',
  factsRecipient: 'Mottagare',
  factsCall: 'Utlysning',
  factsApplication: 'Ansökan',
  factsReceipt: 'Mottagningsnummer',
  callWithReference: (title, reference) => `${title} (${reference})`,
  outcomeHeading: 'Beslut',
  councilsHeading: 'Landskapsförbundens beslut',
  councilsLead:
    'Varje landskapsförbund beslutar om stödet för de av projektets genomförare som verkar i dess landskap. Detta brev sammanställer besluten av alla förbund som berörs av ansökan. Utfallet är slutligt när vart och ett av dem har fattat sitt beslut.',
  colCouncil: 'Landskapsförbund',
  colDecision: 'Beslut (nummer och datum)',
  colMaker: 'Beslutsfattare',
  colRequested: 'Sökt',
  colGranted: 'Beviljat',
  decisionRef: (number, date) => `${number}, ${date}`,
  total: 'Sammanlagt',
  groundsHeading: 'Motivering',
  councilGrounds: (council) => `${council}: motivering`,
  scoresHeading: 'Resultatet av bedömningen',
  scoreTotal: (total, max, minimum) => `Ansökans viktade totalpoäng är ${total} (högst ${max}). Utlysningens minimipoäng är ${minimum}.`,
  scoreMissing: 'Ansökan poängsattes inte fullständigt och har därför ingen totalpoäng.',
  colCriterion: 'Kriterium',
  colWeight: 'Viktkoefficient',
  colScore: 'Poäng',
  colWeighted: 'Viktad poäng',
  passed: 'Uppfylls',
  failed: 'Uppfylls inte',
  undecided: 'Oavgjort',
  scoreOf: (value, max) => `${value} / ${max}`,
  none: '–',
  rectificationHeading: 'Anvisning för begäran om omprövning',
  rectificationIntro:
    'En part som är missnöjd med beslutet kan begära omprövning av det skriftligen. Beslutet får inte överklagas genom besvär innan begäran om omprövning har behandlats (kommunallagen 134\u00a0§).',
  rectificationWhom:
    'Begäran om omprövning riktas till det organ i landskapsförbundet som fattade beslutet eller, om en tjänsteinnehavare fattade det, till det organ som tjänsteinnehavaren lyder under (vanligen landskapsstyrelsen). Varje förbund har beslutat om sin egen andel, så om du vill begära omprövning av flera förbunds beslut ska du göra en begäran till vart och ett av dem.',
  rectificationTime:
    'Omprövning ska begäras inom 14 dagar från det att parten fick del av beslutet. Den dag då parten fick del av beslutet räknas inte in i tiden. Ett beslut som har skickats per e-post anses ha kommit till partens kännedom den tredje dagen efter att meddelandet skickades, om inte något annat visas (kommunallagen 139\u00a0§). Begäran ska ha kommit fram senast den sista dagen av tiden innan registratorskontoret stänger.',
  rectificationContent:
    'Av begäran om omprövning ska framgå vilket beslut den gäller, vilken ändring som yrkas och på vilka grunder, samt namn och kontaktuppgifter för den som begär omprövning.',
  rectificationWhere: 'Begäran om omprövning lämnas till registratorskontoret vid det förbund vars beslut den gäller:',
  rectificationRegistry: (council, decision) => `${council}, registratorskontoret (beslut ${decision})`,
  page: (n, total) => `Sida ${n} (${total})`,
  mailSubject: (receipt) => `Beslut om ansökan ${receipt}`,
  mailText: (p) =>
    `Hej,\n\nlandskapsförbunden har fattat sina beslut om ansökan ”${p.title}” (mottagningsnummer ${p.receipt}) i utlysningen ”${p.call}”.\n\n${p.headline}\n\nBeslutsbrevet finns som bilaga till detta meddelande (${p.filename}). Det innehåller varje förbunds beslut, motiveringen och anvisningen för begäran om omprövning. Omprövning ska begäras inom 14 dagar från delfåendet av beslutet; detta meddelande anses ha kommit till din kännedom den tredje dagen efter att det skickades.\n\nDetta är ett automatiskt meddelande som du inte kan svara på.`,
};

const en: DecisionLetterMessages = {
  documentTitle: (application) => `Funding decision: ${application}`,
  filenamePrefix: 'funding-decision',
  heading: 'Decision on an application for funding',
  jointDecision: 'Joint call of the regional councils of East and North Finland',
  factsDate: 'Date',
  factsRecipient: 'Recipient',
  factsCall: 'Call',
  factsApplication: 'Application',
  factsReceipt: 'Receipt number',
  callWithReference: (title, reference) => `${title} (${reference})`,
  outcomeHeading: 'Decision',
  councilsHeading: 'The regional councils’ decisions',
  councilsLead:
    'Each regional council decides on the grant to those of the project’s partners who work in its region. This letter brings together the decisions of every council involved in the application. The outcome is final once each of them has decided.',
  colCouncil: 'Regional council',
  colDecision: 'Decision (number and date)',
  colMaker: 'Decided by',
  colRequested: 'Requested',
  colGranted: 'Granted',
  decisionRef: (number, date) => `${number}, ${date}`,
  total: 'Total',
  groundsHeading: 'Grounds',
  councilGrounds: (council) => `${council}: grounds`,
  scoresHeading: 'Result of the assessment',
  scoreTotal: (total, max, minimum) => `The application’s weighted total score is ${total} (out of ${max}). The call’s minimum score is ${minimum}.`,
  scoreMissing: 'The application was not fully scored, so it has no total score.',
  colCriterion: 'Criterion',
  colWeight: 'Weight',
  colScore: 'Score',
  colWeighted: 'Weighted score',
  passed: 'Met',
  failed: 'Not met',
  undecided: 'Undecided',
  scoreOf: (value, max) => `${value} / ${max}`,
  none: '–',
  rectificationHeading: 'Instructions for requesting rectification',
  rectificationIntro:
    'A party dissatisfied with this decision may request its rectification in writing. The decision may not be appealed before the request for rectification has been dealt with (Local Government Act, section 134).',
  rectificationWhom:
    'The request is made to the body of the regional council that made the decision or, where an official made it, to the body the official reports to (usually the regional board). Each council has decided on its own share, so to request rectification of several councils’ decisions, make a request to each of them.',
  rectificationTime:
    'The request must be made within 14 days of being notified of the decision. The day of notification is not counted. A decision sent by e-mail is deemed to have been received on the third day after the message was sent, unless shown otherwise (Local Government Act, section 139). The request must arrive by the end of the registry’s opening hours on the last day.',
  rectificationContent:
    'The request must state the decision concerned, the change requested and its grounds, and the name and contact details of the person making the request.',
  rectificationWhere: 'Send the request to the registry of the council whose decision it concerns:',
  rectificationRegistry: (council, decision) => `the registry of ${council} (decision ${decision})`,
  page: (n, total) => `Page ${n} of ${total}`,
  mailSubject: (receipt) => `Decision on application ${receipt}`,
  mailText: (p) =>
    `Hello,\n\nthe regional councils have made their decisions on the application “${p.title}” (receipt number ${p.receipt}) in the call “${p.call}”.\n\n${p.headline}\n\nThe decision letter is attached to this message (${p.filename}). It sets out each council’s decision, the grounds and the instructions for requesting rectification. A request for rectification must be made within 14 days of being notified of the decision; this message is deemed to have been received on the third day after it was sent.\n\nThis is an automatic message; replies are not read.`,
};

export const decisionLetterMessages: Readonly<Record<Locale, DecisionLetterMessages>> = { fi, sv, en };
