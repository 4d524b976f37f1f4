import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../app.tokens';
import { ExportBrowser } from './export-browser';
import { ExportController } from './export.controller';
import { parseExportSettings, type ExportSettings } from './export-settings';
import { QuarterlyExportService } from './quarterly-export.service';

const EXPORT_SETTINGS = Symbol('EXPORT_SETTINGS');

/** `GET /api/export/quarterly.pdf|png`; the one Chromium of this process closes with the app. */
@Module({
  controllers: [ExportController],
  providers: [
    {
      provide: EXPORT_SETTINGS,
      useFactory: (): ExportSettings => parseExportSettings(process.env),
    },
    {
      provide: ExportBrowser,
      inject: [EXPORT_SETTINGS, APP_LOGGER],
      useFactory: (settings: ExportSettings, logger: Logger) =>
        new ExportBrowser(settings.chromiumPath, settings.timeoutMs, logger),
    },
    {
      provide: QuarterlyExportService,
      inject: [ExportBrowser, EXPORT_SETTINGS, HttpAdapterHost],
      useFactory: (browser: ExportBrowser, settings: ExportSettings, host: HttpAdapterHost) =>
        new QuarterlyExportService(browser, settings, host),
    },
  ],
})
export class ExportModule implements OnApplicationShutdown {
  constructor(@Inject(ExportBrowser) private readonly browser: ExportBrowser) {}

  async onApplicationShutdown(): Promise<void> {
    await this.browser.close();
  }
}
