import type { ErrorCode } from '../../contract/index.ts';

/** An error the client caused or may retry; the one error handler turns it into the JSON error body. */
export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: Readonly<Record<string, string>> | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: ErrorCode,
    message: string,
    options: { fields?: Record<string, string>; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.fields = options.fields;
    this.headers = options.headers ?? {};
  }
}

export class ValidationError extends AppError {
  constructor(fields: Record<string, string>, message = 'The request has fields that are missing or not valid.') {
    super(400, 'validation_failed', message, { fields });
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Nothing was found here.') {
    super(404, 'not_found', message);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends AppError {
  constructor(code: ErrorCode, message: string) {
    super(409, code, message);
    this.name = 'ConflictError';
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(retryAfterSeconds: number, cause?: unknown) {
    super(503, 'service_unavailable', 'The service is temporarily unavailable. Please try again shortly.', {
      headers: { 'Retry-After': String(retryAfterSeconds) },
      cause,
    });
    this.name = 'ServiceUnavailableError';
  }
}
