/** Outbound webhook endpoints and deliveries (admin). */
import * as z from 'zod';
import { JOB_STATES } from '../../jobs/job.js';
import { counts, httpUrl, nextCursor, pageQuery, span, verification } from './common.js';

export const JOB_EVENT_TYPES = JOB_STATES.map((state) => `job.${state}` as const);

export const endpointCreate = z.strictObject({
  url: httpUrl.describe('Where deliveries are POSTed'),
  events: z
    .array(z.enum(JOB_EVENT_TYPES))
    .max(JOB_EVENT_TYPES.length)
    .default([])
    .describe('Event types sent; every type when empty'),
  description: z.string().max(200).optional(),
});

export const endpointView = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  description: z.string().nullable(),
  createdAt: z.string(),
});

export const endpointCreated = endpointView.extend({
  secret: z.string().describe('The signing secret (`whsec_…`), shown only now'),
});

const jobEvent = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  data: z.object({
    jobId: z.string(),
    state: z.enum(JOB_STATES),
    progress: z.number(),
    attempts: z.number().int(),
    failure: z.string().nullable(),
    metadata: z.record(z.string(), z.string()),
    result: z.object({ counts, verification, regions: z.array(span) }).nullable(),
  }),
});

const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;

export const deliveryView = z.object({
  id: z.string(),
  endpointId: z.string(),
  event: jobEvent,
  state: z.enum(DELIVERY_STATES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const deliveryWithAttempts = deliveryView.extend({
  attemptLog: z.array(
    z.object({
      attempt: z.number().int(),
      at: z.string(),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      durationMs: z.number(),
    }),
  ),
});

export const deliveryQuery = z.strictObject({
  state: z.enum(DELIVERY_STATES).optional(),
  endpointId: z.string().max(100).optional(),
  jobId: z.string().max(100).optional(),
  ...pageQuery,
});

export const deliveryPage = z.object({ deliveries: z.array(deliveryView), nextCursor });
