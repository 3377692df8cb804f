import type { Locale } from '../../i18n/locales.js';

/** E-mail the notification jobs write: deadline reminders, the daily digest and the chair handover. */

export interface ReminderFacts {
  name: string;
  call: string;
  /** The closing time in Helsinki, formatted for the language ("15.12.2026 klo 16.15"). */
  deadline: string;
  title: string;
  url: string;
  preferencesUrl: string;
}

export interface HandoverFacts {
  year: number;
  region: string;
  council: string;
  /** The chair of the year before, when the rotation had one. */
  previous: { region: string; council: string } | null;
  url: string;
}

const fi = {
  reminderSubject: (call: string, deadline: string) => `Muistutus: haku ”${call}” päättyy ${deadline}`,
  reminderText: (f: ReminderFacts) =>
    `Hei ${f.name},\n\nhakemus ”${f.title}”, jonka laatimisessa olet mukana, on vielä lähettämättä. Haun ”${f.call}” hakuaika päättyy ${f.deadline} (Suomen aikaa).\n\n` +
    `Vain lähetetty hakemus otetaan käsiteltäväksi. Tallennettu luonnos ei riitä, vaikka se olisi valmis. Lähetä hakemus ennen hakuajan päättymistä; saat lähetyksestä vastaanottokuittauksen.\n\n` +
    `Avaa hakemus:\n${f.url}\n\nVoit muuttaa ilmoitusasetuksiasi osoitteessa ${f.preferencesUrl}\n\nTämä on automaattinen viesti, eikä siihen voi vastata.`,
  untitled: 'Nimetön hakemus',

  digestSubject: (count: number) => (count === 1 ? 'Päivän ilmoitukset: 1 ilmoitus' : `Päivän ilmoitukset: ${count} ilmoitusta`),
  digestIntro: (name: string) => `Hei ${name},\n\ntässä ilmoitukset, jotka palvelu on koonnut sinulle edellisen koosteen jälkeen.`,
  digestOutro: (preferencesUrl: string) =>
    `Saat ilmoitukset koosteena kerran päivässä. Voit muuttaa tätä ilmoitusasetuksistasi:\n${preferencesUrl}\n\nTämä on automaattinen viesti, eikä siihen voi vastata.`,

  handoverSubject: (year: number, region: string) => `Vuoden ${year} puheenjohtajamaakunta on ${region}`,
  handoverText: (f: HandoverFacts) =>
    `Hei,\n\nvuoden ${f.year} alusta S3-yhteistyön puheenjohtajamaakunta on ${f.region}, ja yhteistyötä koordinoi ${f.council}.` +
    (f.previous ? ` Tehtävän luovutti ${f.previous.region} (${f.previous.council}), joka oli puheenjohtajamaakunta vuonna ${f.year - 1}.` : '') +
    `\n\nPuheenjohtajamaakunnan koordinaattoreita ovat sen maakuntaliiton virkailijat. Heillä on nyt koordinaattorin oikeudet palvelussa; edellisen puheenjohtajamaakunnan virkailijoiden koordinaattorioikeudet päättyivät vuoden vaihtuessa.\n\n` +
    `Lisätietoja puheenjohtajamaakunnasta:\n${f.url}\n\nTämä on automaattinen viesti, eikä siihen voi vastata.`,
};

export type NotificationMailMessages = typeof fi;

const sv: NotificationMailMessages = {
  reminderSubject: (call: string, deadline: string) => `Påminnelse: utlysningen ”${call}” stänger ${deadline}`,
  reminderText: (f: ReminderFacts) =>
    `Hej ${f.name},\n\nansökan ”${f.title}”, som du är med och skriver, har ännu inte lämnats in. Ansökningstiden för utlysningen ”${f.call}” går ut ${f.deadline} (finsk tid).\n\n` +
    `Endast en inlämnad ansökan behandlas. Ett sparat utkast räcker inte, även om det är färdigt. Lämna in ansökan innan ansökningstiden går ut; du får ett mottagningskvitto när den har lämnats in.\n\n` +
    `Öppna ansökan:\n${f.url}\n\nDu kan ändra dina inställningar för aviseringar på ${f.preferencesUrl}\n\nDet här är ett automatiskt meddelande som inte går att svara på.`,
  untitled: 'Ansökan utan namn',

  digestSubject: (count: number) => (count === 1 ? 'Dagens aviseringar: 1 avisering' : `Dagens aviseringar: ${count} aviseringar`),
  digestIntro: (name: string) => `Hej ${name},\n\nhär är de aviseringar som tjänsten har samlat åt dig sedan förra sammandraget.`,
  digestOutro: (preferencesUrl: string) =>
    `Du får aviseringarna samlade en gång om dagen. Du kan ändra detta i dina inställningar för aviseringar:\n${preferencesUrl}\n\nDet här är ett automatiskt meddelande som inte går att svara på.`,

  handoverSubject: (year: number, region: string) => `Ordförandelandskap år ${year} är ${region}`,
  handoverText: (f: HandoverFacts) =>
    `Hej,\n\nfrån början av år ${f.year} är ${f.region} ordförandelandskap för S3-samarbetet, och samarbetet koordineras av ${f.council}.` +
    (f.previous ? ` Uppdraget övertogs från ${f.previous.region} (${f.previous.council}), som var ordförandelandskap år ${f.year - 1}.` : '') +
    `\n\nOrdförandelandskapets koordinatorer är tjänstemännen vid dess landskapsförbund. De har nu koordinatorbehörighet i tjänsten; koordinatorbehörigheten för tjänstemännen i det tidigare ordförandelandskapet upphörde vid årsskiftet.\n\n` +
    `Mer om ordförandelandskapet:\n${f.url}\n\nDet här är ett automatiskt meddelande som inte går att svara på.`,
};

const en: NotificationMailMessages = {
  reminderSubject: (call: string, deadline: string) => `Reminder: the call “${call}” closes on ${deadline}`,
  reminderText: (f: ReminderFacts) =>
    `Hello ${f.name},\n\nthe application “${f.title}”, which you are working on, has not been submitted yet. The call “${f.call}” closes on ${f.deadline} (Finnish time).\n\n` +
    `Only a submitted application is considered. A saved draft is not enough, even if it is complete. Submit the application before the call closes; you will get a receipt when it has been submitted.\n\n` +
    `Open the application:\n${f.url}\n\nYou can change your notification settings at ${f.preferencesUrl}\n\nThis is an automatic message; replies are not read.`,
  untitled: 'Untitled application',

  digestSubject: (count: number) => (count === 1 ? 'Your notifications today: 1 notification' : `Your notifications today: ${count} notifications`),
  digestIntro: (name: string) => `Hello ${name},\n\nhere are the notifications the service has gathered for you since the last digest.`,
  digestOutro: (preferencesUrl: string) =>
    `You get your notifications together once a day. You can change this in your notification settings:\n${preferencesUrl}\n\nThis is an automatic message; replies are not read.`,

  handoverSubject: (year: number, region: string) => `The chair region for ${year} is ${region}`,
  handoverText: (f: HandoverFacts) =>
    `Hello,\n\nfrom the start of ${f.year}, ${f.region} is the chair region of the S3 cooperation, and ${f.council} coordinates the cooperation.` +
    (f.previous ? ` It takes over from ${f.previous.region} (${f.previous.council}), the chair region in ${f.year - 1}.` : '') +
    `\n\nThe coordinators of the chair region are the officers of its regional council. They now have coordinator rights in the service; the coordinator rights of the previous chair region’s officers ended at the turn of the year.\n\n` +
    `More about the chair region:\n${f.url}\n\nThis is an automatic message; replies are not read.`,
};

export const notificationMailMessages: Readonly<Record<Locale, NotificationMailMessages>> = { fi, sv, en };
