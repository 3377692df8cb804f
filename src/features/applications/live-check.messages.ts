import type { ApplicationDraft, CallRules } from '../../domain/eligibility.js';
import type { Locale } from '../../i18n/locales.js';
import type { ProblemNames } from './applications.messages.js';

/**
 * Texts of the editor's script (live checks and autosave) and of the autosave endpoints' answers.
 * Plain strings with {placeholders}, so that they travel to the browser in the page's JSON data block.
 */
export interface LiveCheckMessages {
  /** The status after an automatic save; {time} is the Helsinki wall-clock time, e.g. 10.02. */
  autosaved: string;
  /** The automatic save failed (network, server); the Save button still works. */
  failed: string;
  /** Someone else saved the part; {name} and {time}. */
  conflict: string;
  /** The call closed; {time} is its closing time. */
  closed: string;
  /** The application was submitted or withdrawn. */
  notDraft: string;
  /** The form has values that cannot be saved; the messages follow. */
  invalid: string;
  /** A polite summary of the live check after a change; {count} problems. */
  problemsNone: string;
  problemsOne: string;
  problemsMany: string;
  someone: string;
}

const fi: LiveCheckMessages = {
  autosaved: 'Tallennettu automaattisesti klo {time}.',
  failed: 'Automaattinen tallennus ei onnistunut. Muutoksesi ovat yhä lomakkeessa: tallenna ne Tallenna-painikkeella.',
  conflict:
    '{name} tallensi tämän osan klo {time}. Automaattinen tallennus on keskeytetty, jotta kummankaan muutokset eivät katoa. Tallenna lomake Tallenna-painikkeella, niin näet erot ja voit valita, kumpi versio jää voimaan.',
  closed: 'Haku päättyi {time}. Muutoksia ei voi enää tallentaa.',
  notDraft: 'Hakemus on jo jätetty tai peruttu, joten muutoksia ei tallennettu.',
  invalid: 'Lomaketta ei voitu tallentaa automaattisesti. Korjaa nämä kohdat:',
  problemsNone: 'Hakemus täyttää kaikki haun ehdot.',
  problemsOne: 'Yksi kohta on korjattava.',
  problemsMany: '{count} kohtaa on korjattava.',
  someone: 'Toinen käyttäjä',
};

const sv: LiveCheckMessages = {
  autosaved: 'Sparat automatiskt kl. {time}.',
  failed: 'Den automatiska sparningen misslyckades. Dina ändringar finns kvar i formuläret: spara dem med knappen Spara.',
  conflict:
    '{name} sparade den här delen kl. {time}. Den automatiska sparningen har avbrutits så att ingens ändringar går förlorade. Spara formuläret med knappen Spara, så ser du skillnaderna och kan välja vilken version som gäller.',
  closed: 'Utlysningen stängdes {time}. Ändringar kan inte längre sparas.',
  notDraft: 'Ansökan har redan lämnats in eller återtagits, så ändringarna sparades inte.',
  invalid: 'Formuläret kunde inte sparas automatiskt. Rätta de här punkterna:',
  problemsNone: 'Ansökan uppfyller alla villkor i utlysningen.',
  problemsOne: 'En punkt behöver rättas.',
  problemsMany: '{count} punkter behöver rättas.',
  someone: 'En annan användare',
};

const en: LiveCheckMessages = {
  autosaved: 'Saved automatically at {time}.',
  failed: 'Saving automatically did not work. Your changes are still in the form: save them with the Save button.',
  conflict:
    '{name} saved this part at {time}. Automatic saving has stopped so that nobody’s changes are lost. Save the form with the Save button to see the differences and choose which version stays.',
  closed: 'The call closed on {time}. Changes can no longer be saved.',
  notDraft: 'The application has already been submitted or withdrawn, so the changes were not saved.',
  invalid: 'The form could not be saved automatically. Correct these points:',
  problemsNone: 'The application meets every rule of the call.',
  problemsOne: 'One point needs correcting.',
  problemsMany: '{count} points need correcting.',
  someone: 'Another user',
};

export const liveCheckMessages: Readonly<Record<Locale, LiveCheckMessages>> = { fi, sv, en };

/** Fills {placeholders} of a message. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/**
 * What the editor page gives its script in <script type="application/json" id="eligibility-data">
 * (see views/collaboration.eligibility-data.tsx): the call's rules, the application as stored, which
 * part the page edits, the names problem messages need, and the script's own texts.
 */
export interface EditorPayload {
  /** The page's language; absent when the page did not say (the script then reads <html lang>). */
  locale?: Locale;
  rules: CallRules;
  draft: ApplicationDraft;
  /** 'general' for the lead's general part, a partner's key (its id) for a partner's part, 'overview' for a page without a form. */
  partKey: string;
  /** The lead partner's id, for placing application-wide problems (see problemLocation). */
  leadPartnerId: number | null;
  names: ProblemNames;
  /** Where the form is saved automatically, when the form does not name it in data-autosave. */
  autosaveUrl?: string;
  /** The script's texts: in the page's language, or in every language when the page did not say. */
  messages: LiveCheckMessages | Readonly<Record<Locale, LiveCheckMessages>>;
}
