import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { toFieldIssues } from '@rework-radar/shared';
import type { z } from 'zod';

/** Validates one handler argument (query, body, params) against a contract schema. */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<
  unknown,
  z.output<Schema>
> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): z.output<Schema> {
    const result = this.schema.safeParse(value);
    if (!result.success) {
      throw new BadRequestException({
        code: 'invalid_input',
        message: 'The request has invalid fields',
        issues: toFieldIssues(result.error),
      });
    }
    return result.data;
  }
}
