import type { NextFunction, Request, Response } from 'express';
import type { ApiError } from '@rework-radar/shared';

interface BodyParserError {
  status: number;
  type: string;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as Partial<BodyParserError>).status === 'number' &&
    typeof (error as Partial<BodyParserError>).type === 'string'
  );
}

const messages: Record<string, string> = {
  'entity.parse.failed': 'The body is not valid JSON',
  'entity.too.large': 'The body is larger than this route accepts',
  'encoding.unsupported': 'The body encoding is not supported',
  'charset.unsupported': 'The body charset is not supported',
};

/**
 * Errors raised while reading a body (malformed JSON, too large) happen before Nest's routes;
 * answer them in the same JSON shape as every other error instead of Express's HTML page.
 */
export function answerBodyParseErrors(
  error: unknown,
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (!isBodyParserError(error) || error.status >= 500) {
    next(error);
    return;
  }
  const body: ApiError = {
    statusCode: error.status,
    code: error.status === 413 ? 'payload_too_large' : 'invalid_input',
    message: messages[error.type] ?? error.message,
  };
  response.status(error.status).json(body);
}
