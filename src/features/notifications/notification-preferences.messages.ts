import type { Locale } from '../../i18n/locales.js';

/** Texts of the user's notification preferences (account → notifications). */
const fi = {
  title: 'Sähköposti-ilmoitukset',
  lead: 'Valitse, mistä palvelu lähettää sinulle sähköpostia ja tuleeko ilmoitus heti vai koosteena kerran päivässä.',
  accountLink: 'Sähköposti-ilmoitukset',
  saved: 'Ilmoitusasetukset on tallennettu.',
  kindsLegend: 'Lähetä minulle',
  deadlineReminders: 'Muistutukset hakuajan päättymisestä',
  deadlineRemindersHint: 'Kun olet mukana laatimassa hakemusta, jota ei ole vielä lähetetty, saat muistutuksen 7 vuorokautta ja 1 vuorokausi ennen hakuajan päättymistä.',
  reviewAssignments: 'Ilmoitukset arvioitavista hakemuksista',
  reviewAssignmentsHint: 'Kun sinut määrätään arvioimaan hakemuksia.',
  reportNotices: 'Ilmoitukset hankkeiden raporteista',
  reportNoticesHint: 'Kun hankeraportti lähetetään maakuntaliittosi käsiteltäväksi tai kun lähettämäsi raportti hyväksytään tai palautetaan täydennettäväksi.',
  deliveryLegend: 'Milloin ilmoitukset lähetetään',
  deliveryImmediate: 'Heti, kukin omana viestinään',
  deliveryDaily: 'Koosteena kerran päivässä, joka aamu kello 7 (Suomen aikaa)',
  deliveryRequired: 'Valitse, lähetetäänkö ilmoitukset heti vai koosteena.',
  save: 'Tallenna',
  alwaysHeading: 'Nämä lähetetään aina',
  alwaysLead:
    'Seuraavat viestit lähetetään aina heti. Niitä ei voi ottaa pois päältä eikä siirtää koosteeseen, koska niillä on oikeudellista merkitystä tai ne liittyvät tilisi turvallisuuteen:',
  always: [
    'vastaanottokuittaus lähettämästäsi hakemuksesta',
    'rahoituspäätökset ja muut hakemustasi koskevat päätökset',
    'kutsut ja ilmoitukset annetuista käyttöoikeuksista',
    'salasanan vaihtamiseen ja palauttamiseen liittyvät viestit',
    'asiantuntijaryhmälle ja koordinaattoreille ilmoitus puheenjohtajamaakunnan vaihtumisesta',
  ],
  subscribeHeading: 'Uudet haut ja uutiset sähköpostiin',
  subscribeText:
    'Nämä ilmoitukset koskevat omaa asiointiasi. Tiedon uusista hauista ja uutisista voit tilata erikseen maakunnittain ja painopisteittäin. Tilaukseen ei tarvita tunnusta.',
  subscribeLink: 'Tilaa uudet haut ja uutiset',
};

export type NotificationPreferencesMessages = typeof fi;

const sv: NotificationPreferencesMessages = {
  title: 'Aviseringar per e-post',
  lead: 'Välj vad tjänsten ska skicka dig e-post om och om aviseringen ska komma genast eller i ett sammandrag en gång om dagen.',
  accountLink: 'Aviseringar per e-post',
  saved: 'Inställningarna för aviseringar har sparats.',
  kindsLegend: 'Skicka mig',
  deadlineReminders: 'Påminnelser om att ansökningstiden går ut',
  deadlineRemindersHint: 'När du är med och skriver en ansökan som inte har lämnats in får du en påminnelse 7 dygn och 1 dygn innan ansökningstiden går ut.',
  reviewAssignments: 'Aviseringar om ansökningar att bedöma',
  reviewAssignmentsHint: 'När du utses att bedöma ansökningar.',
  reportNotices: 'Aviseringar om projektrapporter',
  reportNoticesHint: 'När en projektrapport lämnas in till ditt landskapsförbund för behandling eller när en rapport du lämnat in godkänns eller returneras för komplettering.',
  deliveryLegend: 'När aviseringarna skickas',
  deliveryImmediate: 'Genast, var och en som ett eget meddelande',
  deliveryDaily: 'I ett sammandrag en gång om dagen, varje morgon klockan 7 (finsk tid)',
  deliveryRequired: 'Välj om aviseringarna ska skickas genast eller i ett sammandrag.',
  save: 'Spara',
  alwaysHeading: 'Detta skickas alltid',
  alwaysLead:
    'Följande meddelanden skickas alltid genast. De kan inte stängas av eller flyttas till sammandraget, eftersom de har rättslig betydelse eller gäller ditt kontos säkerhet:',
  always: [
    'mottagningskvitto på en ansökan du lämnat in',
    'finansieringsbeslut och andra beslut om din ansökan',
    'inbjudningar och meddelanden om beviljad behörighet',
    'meddelanden om byte och återställning av lösenord',
    'meddelande till expertgruppen och koordinatorerna när ordförandelandskapet byts',
  ],
  subscribeHeading: 'Nya utlysningar och nyheter per e-post',
  subscribeText:
    'Aviseringarna här gäller dina egna ärenden. Nya utlysningar och nyheter kan du prenumerera på separat per landskap och prioritering. Prenumerationen kräver inget konto.',
  subscribeLink: 'Prenumerera på nya utlysningar och nyheter',
};

const en: NotificationPreferencesMessages = {
  title: 'Email notifications',
  lead: 'Choose what the service emails you about, and whether each notification comes at once or in a digest once a day.',
  accountLink: 'Email notifications',
  saved: 'Your notification settings have been saved.',
  kindsLegend: 'Send me',
  deadlineReminders: 'Reminders before a call closes',
  deadlineRemindersHint: 'When you are working on an application that has not been submitted, a reminder comes 7 days and 1 day before the call closes.',
  reviewAssignments: 'Notices of applications to review',
  reviewAssignmentsHint: 'When you are assigned to review applications.',
  reportNotices: 'Notices about project reports',
  reportNoticesHint: 'When a project report is submitted to your regional council for review, or a report you submitted is accepted or returned for completion.',
  deliveryLegend: 'When notifications are sent',
  deliveryImmediate: 'At once, each in its own message',
  deliveryDaily: 'In a digest once a day, every morning at 7 (Finnish time)',
  deliveryRequired: 'Choose whether notifications are sent at once or in a digest.',
  save: 'Save',
  alwaysHeading: 'These are always sent',
  alwaysLead:
    'The following messages are always sent at once. You cannot switch them off or move them to the digest, because they have legal weight or concern the security of your account:',
  always: [
    'the receipt for an application you submitted',
    'funding decisions and other decisions on your application',
    'invitations and notices of access granted to you',
    'messages about changing or resetting your password',
    'the notice to the expert group and the coordinators when the chair region changes',
  ],
  subscribeHeading: 'New calls and news by email',
  subscribeText:
    'These notifications concern your own dealings with the service. You can subscribe to new calls and news separately, by region and priority. No account is needed for that.',
  subscribeLink: 'Subscribe to new calls and news',
};

export const notificationPreferencesMessages: Readonly<Record<Locale, NotificationPreferencesMessages>> = { fi, sv, en };
