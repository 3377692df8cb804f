import type { AssignedRole } from '../../db/schema.js';
import type { Locale } from '../../i18n/locales.js';

/** What an invitation gives, in words: a role at a council or a place in an organisation. */
export interface InvitationSubject {
  role?: { role: AssignedRole; regionName: string | null };
  organisation?: { name: string; isAdmin: boolean };
}

const fi = {
  roleAdmin: 'palvelun pääkäyttäjä',
  roleOfficer: (region: string | null) => (region ? `maakuntaliiton virkailija (${region})` : 'maakuntaliiton virkailija'),
  roleExpert: (region: string | null) => (region ? `asiantuntijaryhmän jäsen (${region})` : 'asiantuntijaryhmän jäsen'),
  orgMember: (org: string) => `organisaation ${org} jäsen`,
  orgAdmin: (org: string) => `organisaation ${org} ylläpitäjä`,
  someone: 'Palvelun ylläpitäjä',
  inviteSubject: (site: string) => `Kutsu palveluun: ${site}`,
  inviteBody: (name: string, inviter: string, what: string, site: string, link: string, until: string) =>
    `Hei ${name},\n\n${inviter} kutsui sinut palveluun ${site}${what ? ` tehtävään: ${what}` : ''}.\n\n` +
    `Ota tunnus käyttöön ja valitse salasana tästä linkistä:\n${link}\n\n` +
    `Linkki on voimassa ${until} asti ja toimii vain kerran. Jos linkki on vanhentunut, pyydä kutsujalta uusi kutsu.\n\n` +
    `Jos et odottanut tätä viestiä, voit jättää sen huomiotta.`,
  grantSubject: (site: string) => `Uusi käyttöoikeus: ${site}`,
  grantBody: (name: string, inviter: string, what: string, site: string, link: string) =>
    `Hei ${name},\n\n${inviter} antoi sinulle palvelussa ${site} uuden oikeuden: ${what}.\n\n` +
    `Kirjaudu tavalliseen tapaan:\n${link}\n\nJos oikeus ei mielestäsi kuulu sinulle, ota yhteyttä maakuntaliittosi ylläpitäjään.`,
  // The acceptance page.
  title: 'Ota tunnus käyttöön',
  lead: (inviter: string, what: string) => (what ? `${inviter} kutsui sinut palveluun tehtävään: ${what}.` : `${inviter} kutsui sinut palveluun.`),
  accountEmail: (email: string) => `Tunnuksesi on sähköpostiosoitteesi ${email}.`,
  name: 'Nimi',
  nameHint: 'Nimesi näkyy muille palvelun käyttäjille.',
  password: 'Uusi salasana',
  passwordHint: 'Vähintään 12 merkkiä. Helposti muistettava lause on hyvä salasana.',
  passwordConfirm: 'Uusi salasana uudelleen',
  passwordMismatch: 'Salasanat eivät ole samat. Kirjoita sama salasana molempiin kenttiin.',
  submit: 'Ota tunnus käyttöön',
  goneTitle: 'Kutsulinkki ei ole enää voimassa',
  goneText:
    'Linkki on vanhentunut tai sitä on jo käytetty. Pyydä kutsujalta uusi kutsu. Jos otit tunnuksen jo käyttöön, voit kirjautua sisään.',
  goneSignIn: 'Siirry kirjautumaan',
  welcome: 'Tervetuloa! Tunnuksesi on nyt käytössä.',
};

export type InvitationMessages = {
  [K in keyof typeof fi]: (typeof fi)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

const sv: InvitationMessages = {
  roleAdmin: 'huvudanvändare av tjänsten',
  roleOfficer: (region: string | null) => (region ? `tjänsteinnehavare vid landskapsförbundet (${region})` : 'tjänsteinnehavare vid landskapsförbundet'),
  roleExpert: (region: string | null) => (region ? `medlem i expertgruppen (${region})` : 'medlem i expertgruppen'),
  orgMember: (org: string) => `medlem i organisationen ${org}`,
  orgAdmin: (org: string) => `administratör för organisationen ${org}`,
  someone: 'Tjänstens administratör',
  inviteSubject: (site: string) => `Inbjudan till ${site}`,
  inviteBody: (name: string, inviter: string, what: string, site: string, link: string, until: string) =>
    `Hej ${name},\n\n${inviter} har bjudit in dig till ${site}${what ? ` som ${what}` : ''}.\n\n` +
    `Ta i bruk ditt konto och välj ett lösenord via den här länken:\n${link}\n\n` +
    `Länken gäller till ${until} och fungerar bara en gång. Om länken har gått ut kan du be den som bjöd in dig om en ny inbjudan.\n\n` +
    `Om du inte väntade dig det här meddelandet kan du lämna det utan åtgärd.`,
  grantSubject: (site: string) => `Ny behörighet: ${site}`,
  grantBody: (name: string, inviter: string, what: string, site: string, link: string) =>
    `Hej ${name},\n\n${inviter} har gett dig en ny behörighet i ${site}: ${what}.\n\n` +
    `Logga in som vanligt:\n${link}\n\nOm du anser att behörigheten inte hör till dig, kontakta administratören vid ditt landskapsförbund.`,
  title: 'Ta i bruk ditt konto',
  lead: (inviter: string, what: string) => (what ? `${inviter} har bjudit in dig till tjänsten som ${what}.` : `${inviter} har bjudit in dig till tjänsten.`),
  accountEmail: (email: string) => `Ditt användarnamn är din e-postadress ${email}.`,
  name: 'Namn',
  nameHint: 'Ditt namn syns för andra användare av tjänsten.',
  password: 'Nytt lösenord',
  passwordHint: 'Minst 12 tecken. En mening som är lätt att komma ihåg är ett bra lösenord.',
  passwordConfirm: 'Nytt lösenord en gång till',
  passwordMismatch: 'Lösenorden är inte lika. Skriv samma lösenord i båda fälten.',
  submit: 'Ta i bruk kontot',
  goneTitle: 'Inbjudningslänken gäller inte längre',
  goneText:
    'Länken har gått ut eller har redan använts. Be den som bjöd in dig om en ny inbjudan. Om du redan har tagit kontot i bruk kan du logga in.',
  goneSignIn: 'Gå till inloggningen',
  welcome: 'Välkommen! Ditt konto är nu i bruk.',
};

const en: InvitationMessages = {
  roleAdmin: 'administrator of the service',
  roleOfficer: (region: string | null) => (region ? `regional council officer (${region})` : 'regional council officer'),
  roleExpert: (region: string | null) => (region ? `expert group member (${region})` : 'expert group member'),
  orgMember: (org: string) => `member of ${org}`,
  orgAdmin: (org: string) => `administrator of ${org}`,
  someone: 'An administrator of the service',
  inviteSubject: (site: string) => `Invitation to ${site}`,
  inviteBody: (name: string, inviter: string, what: string, site: string, link: string, until: string) =>
    `Hello ${name},\n\n${inviter} has invited you to ${site}${what ? ` as ${what}` : ''}.\n\n` +
    `Set up your account and choose a password with this link:\n${link}\n\n` +
    `The link works once and until ${until}. If it has expired, ask the person who invited you for a new invitation.\n\n` +
    `If you were not expecting this message, you can ignore it.`,
  grantSubject: (site: string) => `New access: ${site}`,
  grantBody: (name: string, inviter: string, what: string, site: string, link: string) =>
    `Hello ${name},\n\n${inviter} has given you new access in ${site}: ${what}.\n\n` +
    `Sign in as usual:\n${link}\n\nIf you think this access is not meant for you, contact your regional council’s administrator.`,
  title: 'Set up your account',
  lead: (inviter: string, what: string) => (what ? `${inviter} has invited you to the service as ${what}.` : `${inviter} has invited you to the service.`),
  accountEmail: (email: string) => `You sign in with your email address ${email}.`,
  name: 'Name',
  nameHint: 'Other users of the service see your name.',
  password: 'New password',
  passwordHint: 'At least 12 characters. A sentence that is easy to remember makes a good password.',
  passwordConfirm: 'New password again',
  passwordMismatch: 'The passwords are not the same. Type the same password in both fields.',
  submit: 'Set up account',
  goneTitle: 'This invitation link no longer works',
  goneText:
    'The link has expired or has already been used. Ask the person who invited you for a new invitation. If you have already set up your account, you can sign in.',
  goneSignIn: 'Go to sign-in',
  welcome: 'Welcome! Your account is ready.',
};

export const invitationMessages: Readonly<Record<Locale, InvitationMessages>> = { fi, sv, en };

/** The invitation's subject in words, e.g. "regional council officer (North Savo), member of X". */
export function describeInvitation(locale: Locale, subject: InvitationSubject): string {
  const m = invitationMessages[locale];
  const parts: string[] = [];
  if (subject.role) {
    const { role, regionName } = subject.role;
    parts.push(role === 'admin' ? m.roleAdmin : role === 'officer' ? m.roleOfficer(regionName) : m.roleExpert(regionName));
  }
  if (subject.organisation) {
    parts.push(subject.organisation.isAdmin ? m.orgAdmin(subject.organisation.name) : m.orgMember(subject.organisation.name));
  }
  return parts.join(', ');
}
