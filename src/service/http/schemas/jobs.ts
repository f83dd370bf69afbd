/** Redaction jobs: what creating one takes, and how a job reads back. */
import * as z from 'zod';
import { JOB_STATES, type ReplacementType } from '../../jobs/job.js';
import {
  counts,
  formatId,
  httpUrl,
  isoTime,
  jsonField,
  nextCursor,
  pageQuery,
  span,
  uploadedFile,
  verification,
} from './common.js';

export const REPLACEMENT_TYPES = ['silence', 'beep', 'customAudioUrl'] as const satisfies ReplacementType[];

export const MAX_PATTERNS = 50;
export const MAX_REGIONS = 10_000;
const MAX_METADATA_KEYS = 20;

const metadata = z
  .record(
    z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'keys are 1 to 64 letters, digits, `_`, `.` or `-`'),
    z.string().max(512),
  )
  .refine((value) => Object.keys(value).length <= MAX_METADATA_KEYS, `at most ${MAX_METADATA_KEYS} keys`)
  .describe('Free key → value pairs, returned with the job and in webhooks');

export const patterns = z
  .array(z.string().min(1))
  .max(MAX_PATTERNS)
  .default([])
  .describe(
    'Entity type names (`CREDIT_CARD`, `US_SSN`, …), `all`, or regular expressions; none means every built-in type',
  );

const optionFields = {
  patterns,
  replacementType: z.enum(REPLACEMENT_TYPES).default('silence').describe('What replaces the redacted audio'),
  customAudioUrl: httpUrl.optional().describe('The clip to play, with `replacementType: customAudioUrl`'),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 tag such as en-US')
    .optional()
    .describe('BCP 47 tag, recorded with the job'),
  includeTranscript: z.boolean().default(true).describe('Keep the redacted transcript as an output'),
  metadata: metadata.default({}),
  transcriptFormat: formatId.optional(),
};

export const jobOptions = z.strictObject(optionFields);
export type JobOptions = z.output<typeof jobOptions>;

/** Explicit regions take no transcript, so no patterns, transcript format or transcript output. */
const { replacementType, customAudioUrl, language, metadata: metadataField } = optionFields;
export const regionOptions = z.strictObject({
  replacementType,
  customAudioUrl,
  language,
  metadata: metadataField,
});
export type RegionOptions = z.output<typeof regionOptions>;

const regionTime = z
  .union([z.number().min(0), z.string().max(32)])
  .describe('Seconds, or a time such as "00:01:02.500"');
export const regionList = z
  .array(
    z.object({
      start: regionTime,
      end: regionTime,
      channel: z.number().int().min(0).nullable().optional().describe('0-based; absent for every channel'),
    }),
  )
  .min(1)
  .max(MAX_REGIONS);

const recordingUrl = httpUrl.describe('Where the worker fetches the recording (the SSRF guard applies)');
const transcriptUrl = httpUrl.describe('Where the worker fetches the transcript');

export const jobJsonBody = z.strictObject({
  recordingUrl,
  transcriptUrl,
  ...optionFields,
});

export const jobMultipartBody = z.strictObject({
  recording: uploadedFile.optional().describe('The recording; required unless `recordingUrl`'),
  recordingUrl: recordingUrl.optional(),
  transcript: uploadedFile
    .optional()
    .describe('The transcript, in any format Hush reads; required unless `transcriptUrl`'),
  transcriptUrl: transcriptUrl.optional(),
  options: jsonField(jobOptions, 'the job options (patterns, replacementType, …)').optional(),
});

export const regionsJsonBody = z.strictObject({
  recordingUrl,
  regions: regionList,
  replacementType,
  customAudioUrl,
  language,
  metadata: metadataField,
});

export const regionsMultipartBody = z.strictObject({
  recording: uploadedFile.optional().describe('The recording; required unless `recordingUrl`'),
  recordingUrl: recordingUrl.optional(),
  regions: jsonField(regionList, 'a list of { start, end, channel? }'),
  options: jsonField(regionOptions, 'the job options (replacementType, …)').optional(),
});

export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe('A repeat with the same key returns the first job (200) instead of creating another'),
});

const links = z.object({
  self: z.string(),
  recording: z.string().describe('The redacted recording, once the job has completed'),
  transcript: z.string().nullable().describe('The redacted transcript; null when the job keeps none'),
  report: z.string().describe('The report, once the job has ended'),
});

export const jobCreated = z.object({
  id: z.string(),
  state: z.enum(JOB_STATES),
  links,
});

const inputView = z.object({
  source: z.enum(['upload', 'url']),
  name: z.string(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
});

const outputFile = z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string() });

export const jobView = z.object({
  id: z.string(),
  state: z.enum(JOB_STATES),
  progress: z.number().describe('0 to 1'),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  failure: z.string().nullable().describe('Why the job (or its last attempt) failed'),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  request: z.object({
    recording: inputView,
    transcript: inputView.nullable(),
    regions: z.array(span).nullable(),
    transcriptFormat: z.string().nullable(),
    patterns: z.array(z.string()),
    replacementType: z.enum(REPLACEMENT_TYPES),
    language: z.string().nullable(),
    includeTranscript: z.boolean(),
    metadata: z.record(z.string(), z.string()),
  }),
  result: z
    .object({
      recording: outputFile.nullable(),
      transcript: outputFile.nullable(),
      report: outputFile,
      regions: z.array(span).describe('Regions silenced'),
      counts,
      verification,
      auditSeq: z.number().int().nullable().describe("The audit record's place in the chain"),
    })
    .nullable(),
  links,
});

export const jobListQuery = z.strictObject({
  state: z.enum(JOB_STATES).optional(),
  createdFrom: isoTime.optional().describe('Created at or after'),
  createdTo: isoTime.optional().describe('Created before'),
  ...pageQuery,
});

export const jobPage = z.object({ jobs: z.array(jobView), nextCursor });
