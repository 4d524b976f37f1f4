import {
  BadGatewayException,
  Controller,
  GatewayTimeoutException,
  Get,
  Headers,
  Query,
  ServiceUnavailableException,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiGatewayTimeoutResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '../auth/access';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ExportError } from './export-error';
import {
  exportFileName,
  quarterlyExportQuerySchema,
  type ExportFormat,
  type QuarterlyExportQuery,
} from './export-request';
import { QuarterlyExportService } from './quarterly-export.service';

const contentTypes: Record<ExportFormat, string> = { pdf: 'application/pdf', png: 'image/png' };

/** Server-side exports of the quarterly review: the page itself, printed by headless Chromium. */
@ApiTags('export')
@Controller('export')
export class ExportController {
  constructor(private readonly exports: QuarterlyExportService) {}

  @Get('quarterly.pdf')
  @Access('read')
  @ApiOperation({
    summary:
      'The quarterly review page as a multi-page PDF in its print layout (same query as GET /api/quarterly), rendered by headless Chromium as the caller',
  })
  @ApiOkResponse({ content: { 'application/pdf': {} } })
  @ApiServiceUnavailableResponse({ description: 'Chromium or the built web app is missing' })
  @ApiGatewayTimeoutResponse({ description: 'The page did not finish loading in time' })
  pdf(
    @Query(new ZodValidationPipe(quarterlyExportQuerySchema)) query: QuarterlyExportQuery,
    @Headers('authorization') authorization: string | undefined,
    @Headers('cookie') cookie: string | undefined,
  ): Promise<StreamableFile> {
    return this.export(query, 'pdf', authorization, cookie);
  }

  @Get('quarterly.png')
  @Access('read')
  @ApiOperation({
    summary:
      'The quarterly review page as a full-page PNG at 1280 px wide (same query as GET /api/quarterly), rendered by headless Chromium as the caller',
  })
  @ApiOkResponse({ content: { 'image/png': {} } })
  @ApiServiceUnavailableResponse({ description: 'Chromium or the built web app is missing' })
  @ApiGatewayTimeoutResponse({ description: 'The page did not finish loading in time' })
  png(
    @Query(new ZodValidationPipe(quarterlyExportQuerySchema)) query: QuarterlyExportQuery,
    @Headers('authorization') authorization: string | undefined,
    @Headers('cookie') cookie: string | undefined,
  ): Promise<StreamableFile> {
    return this.export(query, 'png', authorization, cookie);
  }

  private async export(
    query: QuarterlyExportQuery,
    format: ExportFormat,
    authorization: string | undefined,
    cookie: string | undefined,
  ): Promise<StreamableFile> {
    try {
      const file = await this.exports.render(query, format, { authorization, cookie });
      return new StreamableFile(file, {
        type: contentTypes[format],
        disposition: `attachment; filename="${exportFileName(query, format)}"`,
        length: file.length,
      });
    } catch (error) {
      if (error instanceof ExportError) throw toHttp(error);
      throw error;
    }
  }
}

function toHttp(error: ExportError): Error {
  const body = { code: error.code, message: error.message };
  switch (error.code) {
    case 'browser_unavailable':
    case 'web_app_unavailable':
      return new ServiceUnavailableException(body);
    case 'render_timeout':
      return new GatewayTimeoutException(body);
    case 'page_not_rendered':
      return new BadGatewayException(body);
  }
}
