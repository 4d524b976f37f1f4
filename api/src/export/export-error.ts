/** Why an export could not be made; mapped to HTTP in one place (`export.controller.ts`). */
export type ExportErrorCode =
  'browser_unavailable' | 'web_app_unavailable' | 'render_timeout' | 'page_not_rendered';

export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}
