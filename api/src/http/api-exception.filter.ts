import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiError, FieldIssue } from '@rework-radar/shared';
import type { Response } from 'express';

const codeByStatus: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

/** Every error leaves the api in one shape (`ApiError` from shared), and internals never leak. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body =
      exception instanceof HttpException ? fromHttpException(exception) : internalError();
    if (body.statusCode >= 500) this.logger.error(exception);
    response.status(body.statusCode).json(body);
  }
}

function fromHttpException(exception: HttpException): ApiError {
  const statusCode = exception.getStatus();
  const answer = exception.getResponse();
  const details = typeof answer === 'object' ? (answer as Record<string, unknown>) : {};
  const message = typeof details.message === 'string' ? details.message : exception.message;
  const issues = Array.isArray(details.issues) ? (details.issues as FieldIssue[]) : undefined;
  return {
    statusCode,
    code: typeof details.code === 'string' ? details.code : (codeByStatus[statusCode] ?? 'error'),
    message,
    ...(issues === undefined ? {} : { issues }),
  };
}

function internalError(): ApiError {
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    code: 'internal',
    message: 'Something went wrong on our side; it has been logged.',
  };
}
