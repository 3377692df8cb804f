import type { Locale } from '../../i18n/locales.js';

const fi = {
  signInTitle: 'Kirjaudu sisään',
  signInLead: 'Kirjaudu hakijan, maakuntaliiton tai asiantuntijaryhmän tunnuksellasi.',
  email: 'Sähköpostiosoite',
  password: 'Salasana',
  submit: 'Kirjaudu',
  forgotPassword: 'Unohditko salasanasi?',
  orUse: 'tai',
  oidcButton: (label: string) => `Kirjaudu: ${label}`,
  noAccount: 'Eikö sinulla ole vielä tunnusta?',
  createAccount: 'Luo tunnus',
  officialsInvited: 'Maakuntaliittojen virkailijat ja asiantuntijaryhmän jäsenet saavat tunnuksen kutsulla.',
  invalid: 'Sähköpostiosoite tai salasana on väärin.',
  locked: (minutes: number) =>
    `Tilille on yritetty kirjautua liian monta kertaa väärällä salasanalla. Yritä uudelleen ${minutes} minuutin kuluttua tai vaihda salasana sähköpostilla.`,
  addressLimited: 'Tästä osoitteesta on yritetty kirjautua liian monta kertaa. Odota 15 minuuttia ja yritä uudelleen.',
  signedOut: 'Olet kirjautunut ulos.',
  sessionEnded: 'Istuntosi päättyi. Kirjaudu uudelleen.',
  ssoNoAccount: 'Kertakirjautuminen onnistui, mutta tällä sähköpostiosoitteella ei ole tunnusta palvelussa. Pyydä kutsu maakuntaliittosi ylläpitäjältä.',
  ssoFailed: 'Kertakirjautuminen epäonnistui. Yritä uudelleen tai kirjaudu salasanalla.',
};

export type AuthMessages = { [K in keyof typeof fi]: (typeof fi)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const sv: AuthMessages = {
  signInTitle: 'Logga in',
  signInLead: 'Logga in med ditt konto som sökande, vid ett landskapsförbund eller i expertgruppen.',
  email: 'E-postadress',
  password: 'Lösenord',
  submit: 'Logga in',
  forgotPassword: 'Har du glömt ditt lösenord?',
  orUse: 'eller',
  oidcButton: (label: string) => `Logga in: ${label}`,
  noAccount: 'Har du inget konto ännu?',
  createAccount: 'Skapa konto',
  officialsInvited: 'Tjänsteinnehavare vid landskapsförbunden och medlemmar i expertgruppen får sitt konto genom en inbjudan.',
  invalid: 'E-postadressen eller lösenordet är fel.',
  locked: (minutes: number) =>
    `Någon har försökt logga in på kontot för många gånger med fel lösenord. Försök igen om ${minutes} minuter eller byt lösenord via e-post.`,
  addressLimited: 'Det har gjorts för många inloggningsförsök från den här adressen. Vänta 15 minuter och försök igen.',
  signedOut: 'Du har loggat ut.',
  sessionEnded: 'Din session har gått ut. Logga in igen.',
  ssoNoAccount: 'Inloggningen lyckades, men det finns inget konto med den här e-postadressen. Be administratören vid ditt landskapsförbund om en inbjudan.',
  ssoFailed: 'Inloggningen misslyckades. Försök igen eller logga in med lösenord.',
};

const en: AuthMessages = {
  signInTitle: 'Sign in',
  signInLead: 'Sign in with your account as an applicant, a council officer or an expert group member.',
  email: 'Email address',
  password: 'Password',
  submit: 'Sign in',
  forgotPassword: 'Forgotten your password?',
  orUse: 'or',
  oidcButton: (label: string) => `Sign in with ${label}`,
  noAccount: 'No account yet?',
  createAccount: 'Create one',
  officialsInvited: 'Regional council officers and expert group members get their account by invitation.',
  invalid: 'The email address or the password is wrong.',
  locked: (minutes: number) =>
    `There have been too many sign-in attempts with a wrong password. Try again in ${minutes} minutes, or reset your password by email.`,
  addressLimited: 'There have been too many sign-in attempts from this address. Wait 15 minutes and try again.',
  signedOut: 'You have signed out.',
  sessionEnded: 'Your session ended. Sign in again.',
  ssoNoAccount: 'Single sign-on worked, but no account has this email address. Ask your regional council’s administrator for an invitation.',
  ssoFailed: 'Single sign-on did not work. Try again, or sign in with your password.',
};

export const authMessages: Readonly<Record<Locale, AuthMessages>> = { fi, sv, en };
