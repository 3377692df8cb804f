import type { FundingOutcome } from '../../db/schema.js';
import type { Locale } from '../../i18n/locales.js';

/** Texts of the applicant's decision page and of its link on the receipt. */
const fi = {
  title: (project: string) => `Rahoituspäätös: ${project}`,
  untitled: 'nimetön hanke',
  linkFromReceipt: 'Katso hakemuksen rahoituspäätös',
  backToReceipt: 'Takaisin kuittaukseen',
  outcomeHeading: 'Päätös',
  outcomeLabel: 'Lopputulos',
  outcomes: {
    funded: 'Rahoitus myönnetty',
    reserve: 'Varalla',
    'not-fundable': 'Rahoitusta ei myönnetty',
    ineligible: 'Hakemus ei täyttänyt haun ehtoja',
  } as Record<FundingOutcome, string>,
  outcomeText: {
    funded: 'Hankkeelle on myönnetty rahoitus. Päätöskirjeessä on myönnetty rahoitus maakuntaliitoittain ja rahoituksen ehdot.',
    reserve:
      'Hanke on rahoituskelpoinen, mutta kaikkien sen maakuntaliittojen määrärahat eivät riittäneet sen rahoittamiseen. Hanke on varalla siltä varalta, että rahoitusta vapautuu.',
    'not-fundable': 'Hankkeelle ei myönnetty rahoitusta. Perustelut ovat päätöskirjeessä.',
    ineligible: 'Hakemus ei täyttänyt kaikkia haun ehtoja, joten sille ei voitu myöntää rahoitusta. Perustelut ovat päätöskirjeessä.',
  } as Record<FundingOutcome, string>,
  finalOn: 'Päätös lopullinen',
  grantsCaption: 'Haettu ja myönnetty rahoitus maakuntaliitoittain sekä maakuntaliittojen päätökset',
  colCouncil: 'Maakuntaliitto',
  colRequested: 'Haettu',
  colGranted: 'Myönnetty',
  colDecision: 'Päätös',
  total: 'Yhteensä',
  decisionRef: (number: string, date: string) => `Päätös ${number}, ${date}`,
  decisionMaker: (maker: string) => `Päättäjä: ${maker}`,
  letterHeading: 'Päätöskirje',
  letterLink: (filename: string) => `Lataa päätöskirje (${filename}, PDF)`,
  letterSize: (kb: string) => `Koko ${kb} kt`,
  rectification:
    'Päätöskirjeessä on perustelut ja ohjeet oikaisuvaatimuksen tekemiseen. Oikaisuvaatimus tehdään kunkin maakuntaliiton päätöksestä kyseiselle maakuntaliitolle.',
  pendingHeading: 'Päätökset ovat kesken',
  pendingLead:
    'Hakemuksen rahoituksesta päättää jokainen maakuntaliitto, jolta hankkeeseen on haettu rahoitusta. Päätös on lopullinen, kun kaikki ovat päättäneet. Saat silloin päätöskirjeen sähköpostiin, ja se on ladattavissa tältä sivulta.',
  notStarted: 'Päätöksiä tehdään, kun hakemusten arviointi on valmis.',
  pendingCaption: 'Maakuntaliittojen päätösten tilanne',
  colStatus: 'Tilanne',
  decided: (date: string, number: string) => `Päätetty ${date} (päätös ${number})`,
  notDecided: 'Ei vielä päätetty',
};

export type DecisionsApplicantMessages = typeof fi;

const sv: DecisionsApplicantMessages = {
  title: (project: string) => `Finansieringsbeslut: ${project}`,
  untitled: 'projekt utan namn',
  linkFromReceipt: 'Se ansökans finansieringsbeslut',
  backToReceipt: 'Tillbaka till kvittot',
  outcomeHeading: 'Beslut',
  outcomeLabel: 'Resultat',
  outcomes: {
    funded: 'Finansiering beviljad',
    reserve: 'Reserv',
    'not-fundable': 'Finansiering beviljades inte',
    ineligible: 'Ansökan uppfyllde inte utlysningens villkor',
  },
  outcomeText: {
    funded: 'Projektet har beviljats finansiering. I beslutsbrevet finns den beviljade finansieringen per landskapsförbund och villkoren för finansieringen.',
    reserve:
      'Projektet kan finansieras, men alla dess landskapsförbunds anslag räckte inte till för att finansiera det. Projektet står som reserv ifall finansiering frigörs.',
    'not-fundable': 'Projektet beviljades inte finansiering. Motiveringen finns i beslutsbrevet.',
    ineligible: 'Ansökan uppfyllde inte alla villkor i utlysningen, och därför kunde den inte beviljas finansiering. Motiveringen finns i beslutsbrevet.',
  },
  finalOn: 'Beslutet slutgiltigt',
  grantsCaption: 'Sökt och beviljad finansiering per landskapsförbund samt landskapsförbundens beslut',
  colCouncil: 'Landskapsförbund',
  colRequested: 'Sökt',
  colGranted: 'Beviljat',
  colDecision: 'Beslut',
  total: 'Sammanlagt',
  decisionRef: (number: string, date: string) => `Beslut ${number}, ${date}`,
  decisionMaker: (maker: string) => `Beslutsfattare: ${maker}`,
  letterHeading: 'Beslutsbrev',
  letterLink: (filename: string) => `Ladda ned beslutsbrevet (${filename}, PDF)`,
  letterSize: (kb: string) => `Storlek ${kb} kB`,
  rectification:
    'I beslutsbrevet finns motiveringen och anvisningar för hur man begär omprövning. Omprövning av ett landskapsförbunds beslut begärs hos det landskapsförbundet.',
  pendingHeading: 'Besluten är inte klara',
  pendingLead:
    'Varje landskapsförbund som projektet söker finansiering av beslutar om ansökans finansiering. Beslutet är slutgiltigt när alla har beslutat. Då får du beslutsbrevet per e-post, och det kan laddas ned på den här sidan.',
  notStarted: 'Besluten fattas när bedömningen av ansökningarna är klar.',
  pendingCaption: 'Läget för landskapsförbundens beslut',
  colStatus: 'Läge',
  decided: (date: string, number: string) => `Beslutat ${date} (beslut ${number})`,
  notDecided: 'Inte beslutat ännu',
};

const en: DecisionsApplicantMessages = {
  title: (project: string) => `Funding decision: ${project}`,
  untitled: 'untitled project',
  linkFromReceipt: 'See the funding decision on the application',
  backToReceipt: 'Back to the receipt',
  outcomeHeading: 'Decision',
  outcomeLabel: 'Outcome',
  outcomes: {
    funded: 'Funding granted',
    reserve: 'Reserve',
    'not-fundable': 'Funding not granted',
    ineligible: 'The application did not meet the call’s conditions',
  },
  outcomeText: {
    funded: 'The project has been granted funding. The decision letter gives the funding granted by each council and the terms of the funding.',
    reserve:
      'The project could be funded, but the budgets of all its councils were not enough to fund it. The project is on the reserve list in case funding becomes free.',
    'not-fundable': 'The project was not granted funding. The grounds are in the decision letter.',
    ineligible: 'The application did not meet every condition of the call, so it could not be granted funding. The grounds are in the decision letter.',
  },
  finalOn: 'Decision final on',
  grantsCaption: 'Funding applied for and granted by council, and the councils’ decisions',
  colCouncil: 'Regional council',
  colRequested: 'Applied for',
  colGranted: 'Granted',
  colDecision: 'Decision',
  total: 'Total',
  decisionRef: (number: string, date: string) => `Decision ${number}, ${date}`,
  decisionMaker: (maker: string) => `Decided by: ${maker}`,
  letterHeading: 'Decision letter',
  letterLink: (filename: string) => `Download the decision letter (${filename}, PDF)`,
  letterSize: (kb: string) => `Size ${kb} kB`,
  rectification:
    'The decision letter gives the grounds and the instructions for requesting a rectification. A rectification of a council’s decision is requested from that council.',
  pendingHeading: 'The decisions are not complete',
  pendingLead:
    'Every regional council that the project asks funding from decides on the application. The decision is final once all of them have decided. You will then receive the decision letter by e-mail, and you can download it from this page.',
  notStarted: 'The decisions are made once the review of the applications is complete.',
  pendingCaption: 'Where the councils’ decisions stand',
  colStatus: 'Status',
  decided: (date: string, number: string) => `Decided on ${date} (decision ${number})`,
  notDecided: 'Not yet decided',
};

export const decisionsApplicantMessages: Readonly<Record<Locale, DecisionsApplicantMessages>> = { fi, sv, en };
