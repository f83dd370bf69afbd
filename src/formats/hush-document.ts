/**
 * The Hush transcript document: its zod schema, which validates it, types it and names the first
 * problem, and a fast reader for well-formed documents. On a long call zod took most of the import
 * time; the reader applies the same rules by hand and gives up at anything it is unsure of, so zod
 * still judges every doubtful document and words the error.
 */
import * as z from 'zod';

const ROLES = ['agent', 'customer', 'unknown'] as const;
const TIMINGS = ['native', 'interpolated'] as const;

export const wordSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  channel: z.number().int().nonnegative().nullable().default(null),
  speaker: z.string().nullable().default(null),
  role: z.enum(ROLES).default('unknown'),
  confidence: z.number().min(0).max(1).nullable().default(null),
  timing: z.enum(TIMINGS).default('native'),
});

export const documentSchema = z.object({
  hush: z.literal('transcript/v1'),
  channels: z.number().int().positive().optional(),
  words: z.array(wordSchema),
});

export type HushWord = z.output<typeof wordSchema>;
export type HushDocument = z.output<typeof documentSchema>;

/**
 * The document as documentSchema outputs it, when it certainly satisfies the schema; undefined
 * otherwise (then documentSchema decides). Only ever stricter than the schema, never looser.
 */
export function readWellFormed(json: unknown): HushDocument | undefined {
  if (!isRecord(json) || json.hush !== 'transcript/v1' || !Array.isArray(json.words)) return undefined;
  const { channels } = json;
  if (channels !== undefined && !(isCount(channels) && channels > 0)) return undefined;
  const source: unknown[] = json.words;
  const words: HushWord[] = [];
  for (const item of source) {
    const word = readWord(item);
    if (!word) return undefined;
    words.push(word);
  }
  return channels === undefined
    ? { hush: 'transcript/v1', words }
    : { hush: 'transcript/v1', channels, words };
}

function readWord(item: unknown): HushWord | undefined {
  if (!isRecord(item)) return undefined;
  // Defaults as the schema's: they apply to absent fields.
  const { text, start, end, channel = null, speaker = null, role = 'unknown', confidence = null } = item;
  const { timing = 'native' } = item;
  if (typeof text !== 'string' || !isCount(start) || !isCount(end)) return undefined;
  if (!(channel === null || isCount(channel)) || !(speaker === null || typeof speaker === 'string')) {
    return undefined;
  }
  if (!(confidence === null || (typeof confidence === 'number' && confidence >= 0 && confidence <= 1))) {
    return undefined;
  }
  if (!isOneOf(role, ROLES) || !isOneOf(timing, TIMINGS)) return undefined;
  return { text, start, end, channel, speaker, role, confidence, timing };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole number the schema's `int().nonnegative()` accepts. */
function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return (options as readonly unknown[]).includes(value);
}
