/**
 * Password rules that help rather than annoy (NIST SP 800-63B, OWASP ASVS 5.0 V6): a length of
 * 12 to 128 characters, any characters at all, and a refusal of passwords that appear in breach
 * lists or are built from the user's own details or from this service's name. No composition rules.
 */
export const passwordLength = { min: 12, max: 128 } as const;

export type PasswordProblem =
  | { rule: 'too-short'; min: number }
  | { rule: 'too-long'; max: number }
  | { rule: 'common' }
  | { rule: 'personal' }
  | { rule: 'repetitive' };

/**
 * Bases of the passwords most often seen in public breach corpora, in Finnish, Swedish and English.
 * A password is refused when, after dropping digits and symbols around it and undoing common letter
 * substitutions, what remains is one of these (so "Salasana2024!" and "P@ssw0rd123456" are refused).
 */
const commonBases = new Set(
  [
    'password', 'passw', 'passwd', 'passord', 'losenord', 'lösenord', 'salasana', 'salasanani', 'qwerty', 'qwertyuiop',
    'asdfgh', 'asdfghjkl', 'zxcvbnm', 'abc', 'abcdef', 'abcdefgh', 'letmein', 'welcome', 'tervetuloa', 'valkommen',
    'välkommen', 'admin', 'administrator', 'root', 'login', 'iloveyou', 'rakastan', 'monkey', 'dragon', 'master',
    'sunshine', 'princess', 'football', 'baseball', 'jalkapallo', 'jääkiekko', 'jaakiekko', 'hockey', 'starwars',
    'superman', 'batman', 'trustno', 'secret', 'salainen', 'hemlig', 'changeme', 'vaihda', 'default', 'guest',
    'summer', 'winter', 'spring', 'autumn', 'kesä', 'kesa', 'talvi', 'kevät', 'kevat', 'syksy', 'sommar', 'vinter',
    'suomi', 'finland', 'helsinki', 'oulu', 'kuopio', 'joensuu', 'kajaani', 'rovaniemi', 'kokkola', 'mikkeli',
    'perkele', 'kissa', 'koira', 'hevonen', 'mansikka', 'katt', 'hund', 'qazwsx', 'zaq', 'azerty', 'hello',
    'moikka', 'hei', 'hej', 'test', 'testi', 'testing', 'demo', 'user', 'käyttäjä', 'kayttaja', 'username',
    'whatever', 'freedom', 'shadow', 'michael', 'charlie', 'jordan', 'hunter', 'killer', 'pokemon', 'minecraft',
    'google', 'facebook', 'microsoft', 'apple', 'samsung', 'nokia', 'linux', 'windows', 'computer', 'internet',
    'maakuntaliitto', 'liitto', 'councils', 'smartspecialisation', 's3enf', 's3', 'elmo', 'strategy', 'strategia',
  ].map((w) => w.normalize('NFC')),
);

const substitutions: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't' };

const nonLetterEdges = /^[^\p{L}]+|[^\p{L}]+$/gu;

/** What a password may be built from: its letters with the dressing taken off in a few ways. */
function cores(password: string): string[] {
  const lower = password.normalize('NFC').toLowerCase().replace(/\s+/g, '');
  const substituted = [...lower].map((c) => substitutions[c] ?? c).join('');
  return [
    lower.replace(nonLetterEdges, ''),
    substituted.replace(nonLetterEdges, ''),
    [...lower.replace(nonLetterEdges, '')].map((c) => substitutions[c] ?? c).join(''),
    lower.replace(/[^\p{L}]+/gu, ''),
  ];
}

function isCommon(core: string): boolean {
  if (core === '' || commonBases.has(core) || isSequence(core)) return true;
  const repeated = /^(.+?)\1+$/u.exec(core);
  return repeated !== null && (repeated[1]!.length <= 6 || commonBases.has(repeated[1]!));
}

function trimmedNumbers(password: string): string {
  return password.normalize('NFC').toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function isSequence(value: string): boolean {
  const digits = '01234567890123456789';
  const letters = 'abcdefghijklmnopqrstuvwxyzåäö';
  const keyboard = 'qwertyuiopåasdfghjklöäzxcvbnm';
  const v = value.toLowerCase();
  return [digits, letters, keyboard].some((s) => s.includes(v) || [...s].reverse().join('').includes(v));
}

export interface PasswordContext {
  email?: string | undefined;
  name?: string | undefined;
}

/** Every rule the password breaks; an empty list means it is acceptable. */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const length = [...password.normalize('NFC')].length;
  if (length < passwordLength.min) return [{ rule: 'too-short', min: passwordLength.min }];
  if (length > passwordLength.max) return [{ rule: 'too-long', max: passwordLength.max }];
  const problems: PasswordProblem[] = [];
  const plain = trimmedNumbers(password);
  if (new Set([...password]).size <= 3 || isSequence(plain) || /^(.{1,4})\1+$/u.test(plain)) problems.push({ rule: 'repetitive' });
  else if (cores(password).some(isCommon)) problems.push({ rule: 'common' });
  const lower = password.normalize('NFC').toLowerCase();
  const personal = [
    ...(context.email ? [context.email.toLowerCase(), context.email.toLowerCase().split('@')[0] ?? ''] : []),
    ...(context.name ? context.name.toLowerCase().split(/\s+/) : []),
  ].filter((part) => part.length >= 4);
  if (personal.some((part) => lower.includes(part) && lower.length - part.length < 8)) problems.push({ rule: 'personal' });
  return problems;
}
