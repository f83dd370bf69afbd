/** Schema pieces several resources share: ids, pages, URLs, times and uploaded files. */
import * as z from 'zod';
import { FORMATS } from '../../../formats/index.js';
import type { FormatId } from '../../../core/transcript.js';

export const idParams = z.object({ id: z.string().min(1).max(100) });

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Items per page, newest first'),
  cursor: z.string().min(1).max(500).optional().describe('`nextCursor` of the previous page'),
};

export const nextCursor = z
  .string()
  .nullable()
  .describe('Pass as `cursor` for the next page; null on the last');

export const isoTime = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time');

/** URLs the service fetches (inputs, clips) or posts to (webhooks). */
export const httpUrl = z.url({ protocol: /^https?$/ }).max(4096);

export const FORMAT_IDS = FORMATS.map((format) => format.id) as [FormatId, ...FormatId[]];
export const formatId = z
  .enum(FORMAT_IDS)
  .describe('The transcript format; recognised from the content when absent');

/** An uploaded file part, streamed to a temporary file before the route sees it (see uploads.ts). */
export interface Upload {
  /** The temporary file. */
  path: string;
  /** The file name the client gave, unchecked. */
  filename: string;
  bytes: number;
}

export function isUpload(value: unknown): value is Upload {
  return typeof value === 'object' && value !== null && 'path' in value && 'bytes' in value;
}

export const uploadedFile = z
  .custom<Upload>(isUpload, 'must be a file part')
  .meta({ type: 'string', format: 'binary' });

/**
 * A multipart field holding JSON: text parsed here, or a part sent as `application/json` that the
 * multipart parser already parsed.
 */
export function jsonField<T extends z.ZodType>(schema: T, description: string) {
  return z
    .unknown()
    .transform((value, ctx) => {
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema)
    .meta({ type: 'string', description: `JSON: ${description}` });
}

/** Times in seconds, channel null for every channel. */
export const span = z.object({
  start: z.number().describe('Seconds'),
  end: z.number().describe('Seconds'),
  channel: z.number().int().nullable().describe('0-based channel; null for every channel'),
});

export const verification = z.object({
  passed: z.boolean(),
  checks: z.array(z.object({ name: z.string(), passed: z.boolean(), detail: z.string().optional() })),
});

export const counts = z.record(z.string(), z.number().int()).describe('Entities found per type');
