/**
 * The one catalogue of errors. Codes are stable: clients and tests rely on them. Each error answers
 * as an HTML page or as RFC 9457 problem details by what the client asked for (see error-handler.ts).
 */
export const errorCatalogue = {
  NOT_FOUND: { status: 404, title: 'The resource was not found' },
  REGION_NOT_FOUND: { status: 404, title: 'No region has this code' },
  STRATEGY_NOT_FOUND: { status: 404, title: 'No strategy has this identifier' },
  CALL_NOT_FOUND: { status: 404, title: 'No call has this identifier' },
  APPLICATION_NOT_FOUND: { status: 404, title: 'No application has this identifier' },
  ATTACHMENT_NOT_FOUND: { status: 404, title: 'No attachment has this identifier' },
  CALL_NOT_OPEN: { status: 409, title: 'The call is not open for applications' },
  DEADLINE_PASSED: { status: 409, title: 'The call has closed; the application can no longer be changed or submitted' },
  NOT_ELIGIBLE: { status: 422, title: 'The application does not meet every rule of the call' },
  CALL_STATE: { status: 409, title: 'The call is not in a state that allows this' },
  APPLICATION_STATE: { status: 409, title: 'The application is not in a state that allows this' },
  ASSIGNMENT_NOT_FOUND: { status: 404, title: 'No review assignment has this identifier' },
  REVIEW_STATE: { status: 409, title: 'The review is not in a state that allows this' },
  DISQUALIFIED: { status: 403, title: 'The reviewer is disqualified from this application' },
  DECISION_STATE: { status: 409, title: 'The decisions of this call are not in a state that allows this' },
  LETTER_NOT_FOUND: { status: 404, title: 'No decision letter has been issued for this application' },
  PROJECT_NOT_FOUND: { status: 404, title: 'No project has this identifier' },
  REPORT_NOT_FOUND: { status: 404, title: 'No report or reporting period has this identifier' },
  REPORT_STATE: { status: 409, title: 'The report is not in a state that allows this' },
  INDICATOR_NOT_FOUND: { status: 404, title: 'No indicator has this identifier' },
  NEWS_NOT_FOUND: { status: 404, title: 'No news item has this identifier' },
  WEBHOOK_NOT_FOUND: { status: 404, title: 'No webhook subscription or delivery has this identifier' },
  CHAIR_NOT_SET: { status: 404, title: 'No chair region is set for this year' },
  UNAUTHENTICATED: { status: 401, title: 'Sign-in or a valid API token is required' },
  FORBIDDEN: { status: 403, title: 'You do not have the right to do this' },
  CSRF_FAILED: { status: 403, title: 'The form could not be verified; reload the page and send it again' },
  CONFLICT: { status: 409, title: 'The record was changed by someone else in the meantime' },
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  BAD_REQUEST: { status: 400, title: 'The request could not be understood' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'The method is not allowed here' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The request body has a type this endpoint does not take' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Too many requests' },
  INTERNAL_ERROR: { status: 500, title: 'An unexpected error occurred' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'The service is temporarily unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface FieldError {
  /** The field's name as sent (e.g. "year", "email"), or a JSON pointer into the body. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(detail ?? errorCatalogue[code].title);
    this.name = 'AppError';
    this.status = errorCatalogue[code].status;
  }
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export function problemDetails(
  error: AppError,
  baseUrl: string,
  extras: { instance?: string; requestId?: string } = {},
): ProblemDetails {
  return {
    type: `${baseUrl}/api/docs#error-${error.code}`,
    title: errorCatalogue[error.code].title,
    status: error.status,
    code: error.code,
    ...(error.detail !== undefined ? { detail: error.detail } : {}),
    ...extras,
    ...(error.fieldErrors.length > 0 ? { errors: [...error.fieldErrors] } : {}),
  };
}
