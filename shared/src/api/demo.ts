import { z } from 'zod';

/** `GET /api/demo/status`: whether the demo organisation is in use, and how far its load got. */
export const demoStatusSchema = z.object({
  enabled: z.boolean(),
  state: z.enum(['disabled', 'loading', 'ready', 'failed']),
  stage: z.string().nullable(),
  message: z.string().nullable(),
  done: z.number().int().nonnegative().nullable(),
  total: z.number().int().nonnegative().nullable(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type DemoStatus = z.infer<typeof demoStatusSchema>;
