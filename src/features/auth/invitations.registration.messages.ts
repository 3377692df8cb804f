import type { Locale } from '../../i18n/locales.js';

/** Texts for creating an account oneself: the form, its answer, the e-mails and the first steps. */
const fi = {
  title: 'Luo tunnus',
  lead: 'Hakijana voit luoda tunnuksen itse. Vahvistat sähköpostiosoitteesi, minkä jälkeen voit rekisteröidä organisaatiosi palveluun tai liittyä jo rekisteröityyn organisaatioon.',
  officials: 'Maakuntaliittojen virkailijat ja asiantuntijaryhmän jäsenet saavat tunnuksen kutsulla, eikä heidän tarvitse luoda sitä itse.',
  name: 'Nimi',
  nameHint: 'Nimesi näkyy organisaatiosi muille jäsenille ja hakemusten käsittelijöille.',
  email: 'Sähköpostiosoite',
  emailHint: 'Lähetämme vahvistuslinkin tähän osoitteeseen. Käytät osoitetta myös kirjautuessasi.',
  localeLegend: 'Asiointikieli',
  localeInvalid: 'Valitse asiointikieli.',
  submit: 'Luo tunnus',
  haveAccount: 'Onko sinulla jo tunnus?',
  signIn: 'Kirjaudu sisään',
  sentTitle: 'Tarkista sähköpostisi',
  sentText:
    'Lähetimme antamaasi sähköpostiosoitteeseen viestin, jossa kerrotaan, miten jatkat. Jos osoitteella on jo tunnus, viestissä on ohjeet kirjautumiseen.',
  sentHint: 'Jos viestiä ei kuulu muutamassa minuutissa, tarkista roskapostikansio ja että kirjoitit osoitteen oikein.',
  // The e-mails. The typed name is left out on purpose: the form must not become a way to mail chosen text to anyone.
  confirmSubject: (site: string) => `Vahvista sähköpostiosoitteesi: ${site}`,
  confirmBody: (site: string, link: string, until: string) =>
    `Hei,\n\nsähköpostiosoitteellesi on aloitettu tunnuksen luominen palveluun ${site}.\n\n` +
    `Vahvista osoite ja viimeistele tunnus valitsemalla salasana tästä linkistä:\n${link}\n\n` +
    `Linkki on voimassa ${until} asti ja toimii vain kerran. Jos linkki ehtii vanhentua, voit aloittaa alusta.\n\n` +
    `Jos et itse luonut tunnusta, voit jättää tämän viestin huomiotta. Tunnusta ei oteta käyttöön ilman vahvistusta.`,
  existsSubject: (site: string) => `Sinulla on jo tunnus: ${site}`,
  existsBody: (name: string, site: string, signIn: string, reset: string) =>
    `Hei ${name},\n\nsähköpostiosoitteellesi yritettiin luoda tunnus palveluun ${site}, mutta sinulla on jo tunnus.\n\n` +
    `Kirjaudu sisään:\n${signIn}\n\nJos et muista salasanaasi, voit vaihtaa sen:\n${reset}\n\n` +
    `Jos et itse yrittänyt luoda tunnusta, voit jättää tämän viestin huomiotta. Tunnuksesi on ennallaan.`,
  // The acceptance page of a self-registration link.
  acceptTitle: 'Viimeistele tunnuksesi',
  acceptLead: 'Sähköpostiosoitteesi on nyt vahvistettu. Tarkista nimesi ja valitse salasana, niin tunnuksesi on valmis.',
  acceptSubmit: 'Luo tunnus',
  goneRegister: 'Jos olit luomassa tunnusta itse, voit aloittaa alusta.',
  // The first page after the account is ready.
  welcomeTitle: 'Tervetuloa palveluun',
  welcome: 'Tunnuksesi on valmis ja olet kirjautunut sisään.',
  nextStep: 'Seuraavaksi tarvitset organisaation, jonka nimissä haet rahoitusta. Valitse tilanteeseesi sopiva vaihtoehto:',
  registerTitle: 'Organisaatiotasi ei ole vielä palvelussa',
  registerText: 'Rekisteröi organisaatio Y-tunnuksella. Sinusta tulee sen ylläpitäjä, ja voit kutsua muita mukaan.',
  registerLink: 'Rekisteröi organisaatio',
  joinTitle: 'Organisaatiosi on jo palvelussa',
  joinText:
    'Pyydä organisaatiosi ylläpitäjää kutsumaan sinut tällä sähköpostiosoitteella. Koska sinulla on jo tunnus, pääset organisaatioon heti kutsun jälkeen.',
  myOrganisations: 'Näytä omat organisaatiot',
};

export type RegistrationMessages = {
  [K in keyof typeof fi]: (typeof fi)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

const sv: RegistrationMessages = {
  title: 'Skapa konto',
  lead: 'Som sökande kan du skapa ett konto själv. Du bekräftar din e-postadress och kan sedan registrera din organisation i tjänsten eller ansluta dig till en organisation som redan finns där.',
  officials: 'Tjänsteinnehavare vid landskapsförbunden och medlemmar i expertgruppen får sitt konto genom en inbjudan och behöver inte skapa det själva.',
  name: 'Namn',
  nameHint: 'Ditt namn syns för de andra medlemmarna i din organisation och för dem som behandlar ansökningarna.',
  email: 'E-postadress',
  emailHint: 'Vi skickar en bekräftelselänk till den här adressen. Du loggar också in med den.',
  localeLegend: 'Språk',
  localeInvalid: 'Välj språk.',
  submit: 'Skapa konto',
  haveAccount: 'Har du redan ett konto?',
  signIn: 'Logga in',
  sentTitle: 'Kolla din e-post',
  sentText:
    'Vi har skickat ett meddelande till den e-postadress du angav med anvisningar om hur du går vidare. Om det redan finns ett konto med adressen får du anvisningar för att logga in.',
  sentHint: 'Om meddelandet inte kommer inom några minuter, kontrollera skräpposten och att du skrev adressen rätt.',
  confirmSubject: (site: string) => `Bekräfta din e-postadress: ${site}`,
  confirmBody: (site: string, link: string, until: string) =>
    `Hej,\n\nnågon har börjat skapa ett konto i ${site} med din e-postadress.\n\n` +
    `Bekräfta adressen och slutför kontot genom att välja ett lösenord via den här länken:\n${link}\n\n` +
    `Länken gäller till ${until} och fungerar bara en gång. Om länken hinner gå ut kan du börja om från början.\n\n` +
    `Om det inte var du som skapade kontot kan du lämna det här meddelandet utan åtgärd. Kontot tas inte i bruk utan bekräftelse.`,
  existsSubject: (site: string) => `Du har redan ett konto: ${site}`,
  existsBody: (name: string, site: string, signIn: string, reset: string) =>
    `Hej ${name},\n\nnågon försökte skapa ett konto i ${site} med din e-postadress, men du har redan ett konto.\n\n` +
    `Logga in:\n${signIn}\n\nOm du inte minns ditt lösenord kan du byta det:\n${reset}\n\n` +
    `Om det inte var du kan du lämna det här meddelandet utan åtgärd. Ditt konto är oförändrat.`,
  acceptTitle: 'Slutför ditt konto',
  acceptLead: 'Din e-postadress är nu bekräftad. Kontrollera ditt namn och välj ett lösenord, så är kontot klart.',
  acceptSubmit: 'Skapa konto',
  goneRegister: 'Om du höll på att skapa ett konto själv kan du börja om från början.',
  welcomeTitle: 'Välkommen till tjänsten',
  welcome: 'Ditt konto är klart och du är inloggad.',
  nextStep: 'Härnäst behöver du en organisation i vars namn du söker finansiering. Välj det alternativ som passar dig:',
  registerTitle: 'Din organisation finns inte ännu i tjänsten',
  registerText: 'Registrera organisationen med dess FO-nummer. Du blir dess administratör och kan bjuda in andra.',
  registerLink: 'Registrera organisationen',
  joinTitle: 'Din organisation finns redan i tjänsten',
  joinText:
    'Be din organisations administratör att bjuda in dig med den här e-postadressen. Eftersom du redan har ett konto kommer du med i organisationen direkt när du bjuds in.',
  myOrganisations: 'Visa mina organisationer',
};

const en: RegistrationMessages = {
  title: 'Create an account',
  lead: 'As an applicant you can create an account yourself. You confirm your email address, then register your organisation in the service or join one that is already there.',
  officials: 'Regional council officers and expert group members get their account by invitation and do not need to create one.',
  name: 'Name',
  nameHint: 'The other members of your organisation and the people handling applications see your name.',
  email: 'Email address',
  emailHint: 'We send a confirmation link to this address. You also sign in with it.',
  localeLegend: 'Language',
  localeInvalid: 'Choose a language.',
  submit: 'Create account',
  haveAccount: 'Already have an account?',
  signIn: 'Sign in',
  sentTitle: 'Check your email',
  sentText:
    'We have sent a message to the email address you gave, telling you how to continue. If the address already has an account, the message tells you how to sign in.',
  sentHint: 'If the message does not arrive within a few minutes, check your spam folder and that you typed the address correctly.',
  confirmSubject: (site: string) => `Confirm your email address: ${site}`,
  confirmBody: (site: string, link: string, until: string) =>
    `Hello,\n\nsomeone has started creating an account in ${site} with your email address.\n\n` +
    `Confirm the address and finish creating the account by choosing a password with this link:\n${link}\n\n` +
    `The link works once and until ${until}. If it expires, you can start again.\n\n` +
    `If it wasn't you, you can ignore this message. No account is taken into use without confirmation.`,
  existsSubject: (site: string) => `You already have an account: ${site}`,
  existsBody: (name: string, site: string, signIn: string, reset: string) =>
    `Hello ${name},\n\nsomeone tried to create an account in ${site} with your email address, but you already have one.\n\n` +
    `Sign in:\n${signIn}\n\nIf you do not remember your password, you can reset it:\n${reset}\n\n` +
    `If it wasn't you, you can ignore this message. Your account has not changed.`,
  acceptTitle: 'Create your account',
  acceptLead: 'Your email address is now confirmed. Check your name and choose a password, and your account is ready.',
  acceptSubmit: 'Create account',
  goneRegister: 'If you were creating an account yourself, you can start again.',
  welcomeTitle: 'Welcome to the service',
  welcome: 'Your account is ready and you are signed in.',
  nextStep: 'Next you need an organisation in whose name you apply for funding. Choose what fits you:',
  registerTitle: 'Your organisation is not in the service yet',
  registerText: 'Register it with its business ID. You become its administrator and can invite others.',
  registerLink: 'Register an organisation',
  joinTitle: 'Your organisation is already in the service',
  joinText:
    'Ask your organisation’s administrator to invite you with this email address. As you already have an account, you join the organisation as soon as they invite you.',
  myOrganisations: 'Show my organisations',
};

export const registrationMessages: Readonly<Record<Locale, RegistrationMessages>> = { fi, sv, en };
