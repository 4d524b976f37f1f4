import { z } from 'zod';

/** Where Chromium is and how long a render may take; read from the environment once. */
export interface ExportSettings {
  chromiumPath: string;
  /** Launch and render budget, each. */
  timeoutMs: number;
  /** The web app's origin as Chromium should open it; undefined = this process on 127.0.0.1. */
  baseUrl: string | undefined;
}

const exportEnvSchema = z.object({
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  EXPORT_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(45_000),
  EXPORT_BASE_URL: z.url().optional(),
});

export function parseExportSettings(env: NodeJS.ProcessEnv): ExportSettings {
  const parsed = exportEnvSchema.parse({
    CHROMIUM_PATH: env.CHROMIUM_PATH === '' ? undefined : env.CHROMIUM_PATH,
    EXPORT_TIMEOUT_MS: env.EXPORT_TIMEOUT_MS === '' ? undefined : env.EXPORT_TIMEOUT_MS,
    EXPORT_BASE_URL: env.EXPORT_BASE_URL === '' ? undefined : env.EXPORT_BASE_URL,
  });
  return {
    chromiumPath: parsed.CHROMIUM_PATH,
    timeoutMs: parsed.EXPORT_TIMEOUT_MS,
    baseUrl: parsed.EXPORT_BASE_URL,
  };
}
