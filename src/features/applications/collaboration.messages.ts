import type { Locale } from '../../i18n/locales.js';

const fi = {
  peopleTitle: 'Hakemuksen tekijät',
  peopleLead:
    'Näet täältä, ketkä voivat muokata hakemusta ja mitä osaa. Päätoteuttajan organisaation jäsenet voivat muokata koko hakemusta. Osatoteuttajan organisaation jäsenet ja osuuteen kutsutut henkilöt voivat muokata vain sen osatoteuttajan osuutta.',
  applicationLabel: (title: string) => `Hakemus: ${title}`,
  untitled: 'Nimetön hakemus',
  wholeHeading: 'Koko hakemus',
  wholeText: (organisation: string) => `Organisaation ${organisation} jäsenet voivat muokata koko hakemusta ja kutsua muita.`,
  wholeCaption: (organisation: string) => `Organisaation ${organisation} jäsenet`,
  partsHeading: 'Osatoteuttajien osuudet',
  partHeading: (organisation: string) => `Osuus: ${organisation}`,
  leadPartner: 'päätoteuttaja',
  partCaption: (organisation: string) => `Henkilöt, jotka voivat muokata osuutta ${organisation}`,
  colName: 'Nimi',
  colEmail: 'Sähköposti',
  colRight: 'Oikeus',
  colActions: 'Toiminnot',
  viaLeadMembership: 'Päätoteuttajan organisaation jäsen: koko hakemus',
  viaMembership: 'Organisaation jäsen',
  viaInvitation: (inviter: string | null, date: string) => (inviter ? `Kutsuttu ${date} (kutsuja: ${inviter})` : `Kutsuttu ${date}`),
  notYetActive: 'ei ole vielä ottanut tunnusta käyttöön',
  nobody: 'Osuudella ei ole omia tekijöitä. Päätoteuttajan organisaation jäsenet voivat muokata sitä.',
  noLeadMembers: 'Organisaatiolla ei ole jäseniä.',
  remove: 'Poista oikeus',
  removeFor: (name: string) => `: ${name}`,
  inviteHeading: 'Kutsu henkilö muokkaamaan osuutta',
  inviteLead:
    'Kutsuttu henkilö voi muokata valitsemasi osatoteuttajan osuutta: yhteystietoja, kustannuksia ja rahoitusta. Jos hänellä on jo tunnus, hän saa ilmoituksen sähköpostiin. Muuten hän saa linkin, jolla hän ottaa tunnuksen käyttöön.',
  invitePartner: 'Osuus, jota henkilö muokkaa',
  inviteName: 'Nimi',
  inviteEmail: 'Sähköpostiosoite',
  inviteLocale: 'Kutsun kieli',
  inviteLocaleHint: 'Jos henkilöllä on jo tunnus, viesti lähetetään hänen omalla kielellään.',
  inviteSubmit: 'Lähetä kutsu',
  invited: 'Kutsu on lähetetty. Henkilö voi muokata osuutta heti, kun hän on ottanut tunnuksen käyttöön.',
  added: 'Henkilö voi nyt muokata osuutta, ja hänelle lähetettiin siitä ilmoitus.',
  removed: 'Henkilön oikeus osuuteen on poistettu.',
  alreadyEditor: 'Tällä henkilöllä on jo oikeus muokata tätä osuutta.',
  accountDisabled: 'Tällä sähköpostiosoitteella oleva tunnus on suljettu. Ota yhteyttä palvelun ylläpitoon.',
  noPartner: 'Valitse osuus luettelosta.',
  notDraft: 'Hakemus on jo lähetetty, joten siihen ei voi enää kutsua tekijöitä.',
  closed: (time: string) => `Haku sulkeutui ${time}, joten hakemukseen ei voi enää kutsua tekijöitä.`,
  readOnly: 'Hakemusta ei voi enää muokata, joten uusia tekijöitä ei voi kutsua. Voit yhä poistaa kutsuttujen henkilöiden oikeuksia.',
  notRemoved: 'Henkilöllä ei ollut tätä oikeutta. Lataa sivu uudelleen.',
  someone: 'Hakemuksen tekijä',
  // E-mail
  inviteSubject: (site: string) => `Kutsu hakemuksen laatimiseen: ${site}`,
  inviteBody: (name: string, inviter: string, title: string, organisation: string, site: string, link: string, until: string) =>
    `Hei ${name},\n\n${inviter} kutsui sinut laatimaan rahoitushakemusta ”${title}” palvelussa ${site}. ` +
    `Voit muokata organisaation ${organisation} osuutta hakemuksesta.\n\n` +
    `Ota tunnus käyttöön ja valitse salasana tästä linkistä. Sen jälkeen pääset suoraan hakemukseen:\n${link}\n\n` +
    `Linkki on voimassa ${until} asti ja toimii vain kerran. Jos linkki on vanhentunut, pyydä kutsujalta uusi kutsu.\n\n` +
    `Jos et odottanut tätä viestiä, voit jättää sen huomiotta.`,
  addedSubject: (site: string) => `Sinut lisättiin hakemuksen tekijäksi: ${site}`,
  addedBody: (name: string, inviter: string, title: string, organisation: string, site: string, link: string) =>
    `Hei ${name},\n\n${inviter} antoi sinulle palvelussa ${site} oikeuden muokata rahoitushakemusta ”${title}”: organisaation ${organisation} osuutta.\n\n` +
    `Avaa hakemus kirjauduttuasi:\n${link}\n\nJos oikeus ei mielestäsi kuulu sinulle, ota yhteyttä kutsujaan.`,
  // The acceptance page of an invitation to an application.
  acceptLead: (inviter: string, title: string, organisation: string) =>
    `${inviter} kutsui sinut laatimaan rahoitushakemusta ”${title}”. Voit muokata organisaation ${organisation} osuutta. Ota ensin tunnus käyttöön, niin pääset hakemukseen.`,
};

export type CollaborationMessages = {
  [K in keyof typeof fi]: (typeof fi)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

const sv: CollaborationMessages = {
  peopleTitle: 'Ansökans skribenter',
  peopleLead:
    'Här ser du vem som kan redigera ansökan och vilken del. Medlemmarna i huvudgenomförarens organisation kan redigera hela ansökan. Medlemmarna i en delgenomförares organisation och de som bjudits in till dess del kan bara redigera den delgenomförarens del.',
  applicationLabel: (title: string) => `Ansökan: ${title}`,
  untitled: 'Ansökan utan namn',
  wholeHeading: 'Hela ansökan',
  wholeText: (organisation: string) => `Medlemmarna i organisationen ${organisation} kan redigera hela ansökan och bjuda in andra.`,
  wholeCaption: (organisation: string) => `Medlemmar i organisationen ${organisation}`,
  partsHeading: 'Delgenomförarnas delar',
  partHeading: (organisation: string) => `Delen: ${organisation}`,
  leadPartner: 'huvudgenomförare',
  partCaption: (organisation: string) => `Personer som kan redigera delen ${organisation}`,
  colName: 'Namn',
  colEmail: 'E-post',
  colRight: 'Behörighet',
  colActions: 'Åtgärder',
  viaLeadMembership: 'Medlem i huvudgenomförarens organisation: hela ansökan',
  viaMembership: 'Medlem i organisationen',
  viaInvitation: (inviter: string | null, date: string) => (inviter ? `Inbjuden ${date} (av ${inviter})` : `Inbjuden ${date}`),
  notYetActive: 'har ännu inte tagit kontot i bruk',
  nobody: 'Delen har inga egna skribenter. Medlemmarna i huvudgenomförarens organisation kan redigera den.',
  noLeadMembers: 'Organisationen har inga medlemmar.',
  remove: 'Ta bort behörigheten',
  removeFor: (name: string) => `: ${name}`,
  inviteHeading: 'Bjud in en person att redigera en del',
  inviteLead:
    'Den som bjuds in kan redigera den delgenomförares del som du väljer: kontaktuppgifter, kostnader och finansiering. Om personen redan har ett konto får hen ett meddelande per e-post. Annars får hen en länk för att ta kontot i bruk.',
  invitePartner: 'Delen som personen redigerar',
  inviteName: 'Namn',
  inviteEmail: 'E-postadress',
  inviteLocale: 'Inbjudans språk',
  inviteLocaleHint: 'Om personen redan har ett konto skickas meddelandet på hens eget språk.',
  inviteSubmit: 'Skicka inbjudan',
  invited: 'Inbjudan har skickats. Personen kan redigera delen så snart hen har tagit kontot i bruk.',
  added: 'Personen kan nu redigera delen och har fått ett meddelande om det.',
  removed: 'Personens behörighet till delen har tagits bort.',
  alreadyEditor: 'Den här personen kan redan redigera den här delen.',
  accountDisabled: 'Kontot med den här e-postadressen är stängt. Kontakta tjänstens administratör.',
  noPartner: 'Välj en del i listan.',
  notDraft: 'Ansökan har redan lämnats in, så inga fler skribenter kan bjudas in.',
  closed: (time: string) => `Utlysningen stängdes ${time}, så inga fler skribenter kan bjudas in till ansökan.`,
  readOnly: 'Ansökan kan inte längre redigeras, så inga nya skribenter kan bjudas in. Du kan fortfarande ta bort inbjudnas behörigheter.',
  notRemoved: 'Personen hade inte den här behörigheten. Ladda om sidan.',
  someone: 'En av ansökans skribenter',
  inviteSubject: (site: string) => `Inbjudan att skriva en ansökan: ${site}`,
  inviteBody: (name: string, inviter: string, title: string, organisation: string, site: string, link: string, until: string) =>
    `Hej ${name},\n\n${inviter} har bjudit in dig att skriva finansieringsansökan ”${title}” i ${site}. ` +
    `Du kan redigera delen för organisationen ${organisation}.\n\n` +
    `Ta i bruk ditt konto och välj ett lösenord via den här länken. Därefter kommer du direkt till ansökan:\n${link}\n\n` +
    `Länken gäller till ${until} och fungerar bara en gång. Om länken har gått ut kan du be den som bjöd in dig om en ny inbjudan.\n\n` +
    `Om du inte väntade dig det här meddelandet kan du lämna det utan åtgärd.`,
  addedSubject: (site: string) => `Du har lagts till som skribent av en ansökan: ${site}`,
  addedBody: (name: string, inviter: string, title: string, organisation: string, site: string, link: string) =>
    `Hej ${name},\n\n${inviter} har gett dig behörighet i ${site} att redigera finansieringsansökan ”${title}”: delen för organisationen ${organisation}.\n\n` +
    `Öppna ansökan när du har loggat in:\n${link}\n\nOm du anser att behörigheten inte hör till dig, kontakta den som bjöd in dig.`,
  acceptLead: (inviter: string, title: string, organisation: string) =>
    `${inviter} har bjudit in dig att skriva finansieringsansökan ”${title}”. Du kan redigera delen för organisationen ${organisation}. Ta först ditt konto i bruk, så kommer du till ansökan.`,
};

const en: CollaborationMessages = {
  peopleTitle: 'People working on the application',
  peopleLead:
    'Here you can see who can edit the application and which part of it. Members of the lead partner’s organisation can edit the whole application. Members of a partner’s organisation and the people invited to its part can edit only that partner’s part.',
  applicationLabel: (title: string) => `Application: ${title}`,
  untitled: 'Untitled application',
  wholeHeading: 'The whole application',
  wholeText: (organisation: string) => `Members of ${organisation} can edit the whole application and invite others.`,
  wholeCaption: (organisation: string) => `Members of ${organisation}`,
  partsHeading: 'The partners’ parts',
  partHeading: (organisation: string) => `Part: ${organisation}`,
  leadPartner: 'lead partner',
  partCaption: (organisation: string) => `People who can edit the part of ${organisation}`,
  colName: 'Name',
  colEmail: 'Email',
  colRight: 'Right',
  colActions: 'Actions',
  viaLeadMembership: 'Member of the lead partner’s organisation: the whole application',
  viaMembership: 'Member of the organisation',
  viaInvitation: (inviter: string | null, date: string) => (inviter ? `Invited on ${date} by ${inviter}` : `Invited on ${date}`),
  notYetActive: 'has not yet activated their account',
  nobody: 'The part has no editors of its own. Members of the lead partner’s organisation can edit it.',
  noLeadMembers: 'The organisation has no members.',
  remove: 'Remove access',
  removeFor: (name: string) => `: ${name}`,
  inviteHeading: 'Invite someone to edit a part',
  inviteLead:
    'The person you invite can edit the part of the partner you choose: contact details, costs and financing. If they already have an account, they get a notice by email. Otherwise they get a link to activate an account.',
  invitePartner: 'The part they will edit',
  inviteName: 'Name',
  inviteEmail: 'Email address',
  inviteLocale: 'Language of the invitation',
  inviteLocaleHint: 'If the person already has an account, the message is sent in their own language.',
  inviteSubmit: 'Send the invitation',
  invited: 'The invitation has been sent. The person can edit the part as soon as they have activated their account.',
  added: 'The person can now edit the part and has been sent a notice about it.',
  removed: 'The person’s access to the part has been removed.',
  alreadyEditor: 'This person can already edit this part.',
  accountDisabled: 'The account with this email address is closed. Contact the service’s administrators.',
  noPartner: 'Choose a part from the list.',
  notDraft: 'The application has already been submitted, so no more people can be invited to it.',
  closed: (time: string) => `The call closed on ${time}, so no more people can be invited to the application.`,
  readOnly: 'The application can no longer be edited, so no new people can be invited. You can still remove invited people’s access.',
  notRemoved: 'The person did not have this access. Reload the page.',
  someone: 'One of the application’s authors',
  inviteSubject: (site: string) => `Invitation to work on an application: ${site}`,
  inviteBody: (name: string, inviter: string, title: string, organisation: string, site: string, link: string, until: string) =>
    `Hello ${name},\n\n${inviter} has invited you to work on the funding application “${title}” in ${site}. ` +
    `You can edit the part of ${organisation}.\n\n` +
    `Activate your account and choose a password with this link. You will then go straight to the application:\n${link}\n\n` +
    `The link is valid until ${until} and works only once. If it has expired, ask the person who invited you for a new invitation.\n\n` +
    `If you were not expecting this message, you can ignore it.`,
  addedSubject: (site: string) => `You have been added to an application: ${site}`,
  addedBody: (name: string, inviter: string, title: string, organisation: string, site: string, link: string) =>
    `Hello ${name},\n\n${inviter} has given you the right in ${site} to edit the funding application “${title}”: the part of ${organisation}.\n\n` +
    `Open the application after signing in:\n${link}\n\nIf you think this access is not meant for you, contact the person who invited you.`,
  acceptLead: (inviter: string, title: string, organisation: string) =>
    `${inviter} has invited you to work on the funding application “${title}”. You can edit the part of ${organisation}. Activate your account first, and you will go to the application.`,
};

export const collaborationMessages: Readonly<Record<Locale, CollaborationMessages>> = { fi, sv, en };
