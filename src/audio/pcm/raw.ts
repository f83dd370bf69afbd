/**
 * Headerless PCM: the whole file is sample data, laid out as the user says (`--rate`,
 * `--channels`, `--encoding`), since nothing in the file can say it.
 */
import { HushError } from '../../errors.js';
import { BYTES_PER_SAMPLE, type SampleEncoding } from '../encoding.js';
import type { PcmLayout } from '../layout.js';

export interface RawFormat {
  sampleRate: number;
  channels: number;
  encoding: SampleEncoding;
}

/** The layout of a raw file of `fileBytes` bytes; refuses a size that is not whole frames. */
export function rawLayout(fileBytes: number, options: RawFormat, file: string): PcmLayout {
  const { sampleRate, channels, encoding } = options;
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) {
    throw new HushError(
      'USAGE',
      `${file}: a raw recording needs a positive whole sample rate, got ${sampleRate}`,
    );
  }
  if (!Number.isInteger(channels) || channels <= 0) {
    throw new HushError(
      'USAGE',
      `${file}: a raw recording needs a positive whole channel count, got ${channels}`,
    );
  }
  const frame = channels * BYTES_PER_SAMPLE[encoding];
  if (fileBytes % frame !== 0) {
    throw new HushError(
      'AUDIO_INVALID',
      `${file}: ${fileBytes} bytes is not a whole number of ${frame}-byte frames (${channels} channel(s) of ${encoding}); ` +
        'is the file truncated, or are --channels / --encoding wrong?',
    );
  }
  return { encoding, sampleRate, channels, dataOffset: 0, dataLength: fileBytes };
}
