import type { PasswordProblem } from '../../domain/password-policy.js';
import type { Locale } from '../../i18n/locales.js';

const fi = {
  title: 'Salasana unohtui',
  lead: 'Kirjoita sähköpostiosoite, jolla kirjaudut palveluun. Lähetämme siihen linkin, jolla voit valita uuden salasanan.',
  email: 'Sähköpostiosoite',
  submit: 'Lähetä linkki',
  sentTitle: 'Tarkista sähköpostisi',
  sentText:
    'Jos antamallasi sähköpostiosoitteella on tunnus palvelussa, lähetimme siihen linkin salasanan vaihtamiseen. Linkki on voimassa tunnin ja toimii kerran.',
  sentHint: 'Jos viestiä ei kuulu muutamassa minuutissa, tarkista roskapostikansio. Voit myös pyytää uuden linkin.',
  backToSignIn: 'Takaisin kirjautumiseen',
  newTitle: 'Valitse uusi salasana',
  newLead: (email: string) => `Valitse uusi salasana tunnukselle ${email}. Kaikki avoimet istunnot päättyvät, kun salasana vaihtuu.`,
  password: 'Uusi salasana',
  passwordHint: 'Vähintään 12 merkkiä. Helposti muistettava lause on hyvä salasana.',
  passwordConfirm: 'Uusi salasana uudelleen',
  passwordMismatch: 'Salasanat eivät ole samat. Kirjoita sama salasana molempiin kenttiin.',
  save: 'Vaihda salasana',
  doneTitle: 'Salasana on vaihdettu',
  doneText: 'Voit nyt kirjautua uudella salasanalla. Kaikki aiemmat istunnot on päätetty.',
  signIn: 'Kirjaudu sisään',
  goneTitle: 'Linkki ei ole enää voimassa',
  goneText: 'Salasanan vaihtolinkki on vanhentunut tai sitä on jo käytetty. Pyydä uusi linkki.',
  requestNew: 'Pyydä uusi linkki',
  resetSubject: (site: string) => `Salasanan vaihtaminen: ${site}`,
  resetBody: (name: string, site: string, link: string) =>
    `Hei ${name},\n\nSaimme pyynnön vaihtaa salasanasi palvelussa ${site}. Valitse uusi salasana tästä linkistä:\n${link}\n\n` +
    `Linkki on voimassa tunnin ja toimii vain kerran.\n\nJos et pyytänyt salasanan vaihtamista, voit jättää viestin huomiotta: salasanasi ei muutu.`,
  changedSubject: (site: string) => `Salasanasi vaihdettiin: ${site}`,
  changedBody: (name: string, site: string, at: string, link: string) =>
    `Hei ${name},\n\nSalasanasi palvelussa ${site} vaihdettiin ${at}, ja kaikki avoimet istunnot päätettiin.\n\n` +
    `Jos et vaihtanut salasanaa itse, vaihda se heti uudelleen tästä osoitteesta ja ilmoita asiasta maakuntaliittosi ylläpitäjälle:\n${link}`,
  // Password rules, naming the field they concern.
  tooShort: (field: string, min: number) => `${field}: kirjoita vähintään ${min} merkkiä.`,
  tooLong: (field: string, max: number) => `${field}: salasana voi olla enintään ${max} merkkiä pitkä.`,
  common: (field: string) => `${field}: salasana on liian yleinen, ja se löytyy vuodettujen salasanojen listoilta. Valitse jokin muu.`,
  personal: (field: string) => `${field}: salasanassa ei saa olla nimeäsi tai sähköpostiosoitettasi.`,
  repetitive: (field: string) => `${field}: salasanassa on liikaa toistoa tai perättäisiä merkkejä. Valitse vaikeammin arvattava.`,
};

export type PasswordResetMessages = {
  [K in keyof typeof fi]: (typeof fi)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

const sv: PasswordResetMessages = {
  title: 'Glömt lösenord',
  lead: 'Skriv den e-postadress som du loggar in med. Vi skickar en länk dit med vilken du kan välja ett nytt lösenord.',
  email: 'E-postadress',
  submit: 'Skicka länken',
  sentTitle: 'Kontrollera din e-post',
  sentText:
    'Om det finns ett konto med den e-postadress du angav har vi skickat en länk dit för att byta lösenord. Länken gäller en timme och fungerar en gång.',
  sentHint: 'Om meddelandet inte kommer inom några minuter, kontrollera skräppostmappen. Du kan också be om en ny länk.',
  backToSignIn: 'Tillbaka till inloggningen',
  newTitle: 'Välj ett nytt lösenord',
  newLead: (email: string) => `Välj ett nytt lösenord för kontot ${email}. Alla öppna sessioner avslutas när lösenordet byts.`,
  password: 'Nytt lösenord',
  passwordHint: 'Minst 12 tecken. En mening som är lätt att komma ihåg är ett bra lösenord.',
  passwordConfirm: 'Nytt lösenord en gång till',
  passwordMismatch: 'Lösenorden är inte lika. Skriv samma lösenord i båda fälten.',
  save: 'Byt lösenord',
  doneTitle: 'Lösenordet har bytts',
  doneText: 'Du kan nu logga in med det nya lösenordet. Alla tidigare sessioner har avslutats.',
  signIn: 'Logga in',
  goneTitle: 'Länken gäller inte längre',
  goneText: 'Länken för att byta lösenord har gått ut eller har redan använts. Be om en ny länk.',
  requestNew: 'Be om en ny länk',
  resetSubject: (site: string) => `Byte av lösenord: ${site}`,
  resetBody: (name: string, site: string, link: string) =>
    `Hej ${name},\n\nVi har fått en begäran om att byta ditt lösenord i ${site}. Välj ett nytt lösenord via den här länken:\n${link}\n\n` +
    `Länken gäller en timme och fungerar bara en gång.\n\nOm du inte bad om att byta lösenord kan du lämna meddelandet utan åtgärd: ditt lösenord ändras inte.`,
  changedSubject: (site: string) => `Ditt lösenord har bytts: ${site}`,
  changedBody: (name: string, site: string, at: string, link: string) =>
    `Hej ${name},\n\nDitt lösenord i ${site} byttes ${at} och alla öppna sessioner avslutades.\n\n` +
    `Om du inte själv bytte lösenordet, byt det genast på nytt via den här adressen och meddela administratören vid ditt landskapsförbund:\n${link}`,
  tooShort: (field: string, min: number) => `${field}: skriv minst ${min} tecken.`,
  tooLong: (field: string, max: number) => `${field}: lösenordet får vara högst ${max} tecken långt.`,
  common: (field: string) => `${field}: lösenordet är för vanligt och finns på listor över läckta lösenord. Välj ett annat.`,
  personal: (field: string) => `${field}: lösenordet får inte innehålla ditt namn eller din e-postadress.`,
  repetitive: (field: string) => `${field}: lösenordet har för många upprepningar eller tecken i följd. Välj ett som är svårare att gissa.`,
};

const en: PasswordResetMessages = {
  title: 'Forgotten password',
  lead: 'Enter the email address you sign in with. We will send a link to it for choosing a new password.',
  email: 'Email address',
  submit: 'Send the link',
  sentTitle: 'Check your email',
  sentText:
    'If there is an account with the email address you gave, we have sent it a link for changing the password. The link works once, for one hour.',
  sentHint: 'If the message does not arrive within a few minutes, check your spam folder. You can also ask for a new link.',
  backToSignIn: 'Back to sign-in',
  newTitle: 'Choose a new password',
  newLead: (email: string) => `Choose a new password for ${email}. All open sessions end when the password changes.`,
  password: 'New password',
  passwordHint: 'At least 12 characters. A sentence that is easy to remember makes a good password.',
  passwordConfirm: 'New password again',
  passwordMismatch: 'The passwords are not the same. Type the same password in both fields.',
  save: 'Change password',
  doneTitle: 'Your password has been changed',
  doneText: 'You can now sign in with the new password. All earlier sessions have ended.',
  signIn: 'Sign in',
  goneTitle: 'This link no longer works',
  goneText: 'The password link has expired or has already been used. Ask for a new link.',
  requestNew: 'Ask for a new link',
  resetSubject: (site: string) => `Changing your password: ${site}`,
  resetBody: (name: string, site: string, link: string) =>
    `Hello ${name},\n\nWe received a request to change your password in ${site}. Choose a new password with this link:\n${link}\n\n` +
    `The link works once, for one hour.\n\nIf you did not ask to change your password, you can ignore this message: your password stays the same.`,
  changedSubject: (site: string) => `Your password was changed: ${site}`,
  changedBody: (name: string, site: string, at: string, link: string) =>
    `Hello ${name},\n\nYour password in ${site} was changed on ${at}, and all open sessions were ended.\n\n` +
    `If you did not change it yourself, change it again at once at this address and tell your regional council’s administrator:\n${link}`,
  tooShort: (field: string, min: number) => `${field}: use at least ${min} characters.`,
  tooLong: (field: string, max: number) => `${field}: the password can be at most ${max} characters long.`,
  common: (field: string) => `${field}: this password is too common and appears in lists of leaked passwords. Choose another one.`,
  personal: (field: string) => `${field}: the password must not contain your name or email address.`,
  repetitive: (field: string) => `${field}: the password has too much repetition or too many characters in sequence. Choose one that is harder to guess.`,
};

export const passwordResetMessages: Readonly<Record<Locale, PasswordResetMessages>> = { fi, sv, en };

/** One localised message per broken password rule, each naming the field. */
export function passwordProblemMessages(locale: Locale, field: string, problems: readonly PasswordProblem[]): string[] {
  const m = passwordResetMessages[locale];
  return problems.map((p) => {
    switch (p.rule) {
      case 'too-short':
        return m.tooShort(field, p.min);
      case 'too-long':
        return m.tooLong(field, p.max);
      case 'common':
        return m.common(field);
      case 'personal':
        return m.personal(field);
      case 'repetitive':
        return m.repetitive(field);
    }
  });
}
