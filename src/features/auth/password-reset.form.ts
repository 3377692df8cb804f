import { checkPassword, type PasswordContext } from '../../domain/password-policy.js';
import type { FieldError } from '../../http/errors.js';
import type { Locale } from '../../i18n/locales.js';
import { messages } from '../../i18n/messages/index.js';
import { passwordProblemMessages, passwordResetMessages } from './password-reset.messages.js';

export function formField(body: unknown, name: string): string {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/**
 * Checks a new password and its confirmation: each broken rule gets its own message at the
 * password field, naming it; a differing confirmation gets one at the confirmation field.
 */
export function validateNewPassword(locale: Locale, password: string, confirmation: string, context: PasswordContext): FieldError[] {
  const m = passwordResetMessages[locale];
  if (password === '') return [{ field: 'password', message: messages(locale).errors.required(m.password) }];
  const errors: FieldError[] = passwordProblemMessages(locale, m.password, checkPassword(password, context)).map((message) => ({
    field: 'password',
    message,
  }));
  if (password !== confirmation) errors.push({ field: 'passwordConfirm', message: m.passwordMismatch });
  return errors;
}
