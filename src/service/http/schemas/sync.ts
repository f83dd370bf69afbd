/** Synchronous detection and transcript redaction: one small transcript in, findings out (never values). */
import * as z from 'zod';
import { counts, formatId, span } from './common.js';
import { patterns } from './jobs.js';

const document = z
  .union([z.string().min(1), z.record(z.string(), z.unknown()), z.array(z.unknown())])
  .describe("The transcript: a JSON format's document as JSON, or any format's file content as a string");

export const syncBody = z.strictObject({ transcript: document, format: formatId.optional(), patterns });

const entity = z.object({
  type: z.string(),
  category: z.string().describe('PCI, PII or PHI'),
  role: z.string().describe('Who said it: agent, customer or unknown'),
  start: z.number().describe('Seconds'),
  end: z.number().describe('Seconds'),
  channel: z.number().int().nullable(),
  score: z.number(),
  parts: z.array(span).describe('Where each piece was said, when a value was spread over turns'),
});

const findings = {
  format: z.string().describe('The format read'),
  entities: z.array(entity),
  regions: z.array(span).describe('Regions a recording of this call would have silenced'),
  counts,
};

export const detectResponse = z.object({
  ...findings,
  words: z.number().int(),
  channels: z.number().int(),
});

export const redactResponse = z.object({
  ...findings,
  transcript: document.describe('The redacted transcript, in its own format and in the form it was sent'),
  edits: z.number().int().describe('Word replacements made'),
});
