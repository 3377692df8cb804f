import { hash, verify, type Options } from '@node-rs/argon2';

/** argon2id with the OWASP-recommended minimum: 19 MiB of memory, 2 passes, 1 lane. */
// Algorithm 2 is Argon2id in @node-rs/argon2's const enum, which cannot be imported under verbatimModuleSyntax.
const options: Options = { algorithm: 2 as NonNullable<Options['algorithm']>, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), options);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/**
 * A hash to verify against when the account does not exist, so that a sign-in with an unknown
 * e-mail takes as long as one with a known e-mail and a wrong password.
 */
let dummy: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-only-for-timing');
  return dummy;
}
