import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  affectedSpan,
  framesShaping,
  mergeRuns,
  regionSamples,
  silentSpan,
  spanMs,
  timeline,
  type Mp3Timeline,
} from '../../../src/audio/mp3/timeline.js';

const LINES: [string, Mp3Timeline][] = [
  [
    'MPEG-1 44.1 kHz, LAME delay 576',
    timeline({
      sampleRate: 44100,
      samplesPerFrame: 1152,
      frameCount: 400,
      gapless: { encoderDelay: 576, encoderPadding: 700 },
    }),
  ],
  [
    'MPEG-2.5 8 kHz, no LAME tag',
    timeline({ sampleRate: 8000, samplesPerFrame: 576, frameCount: 150, gapless: null }),
  ],
];

describe('timeline', () => {
  test('gapless trimming: offset = encoder delay + 529, samples = frames · 1152 − delay − padding', () => {
    const [, line] = LINES[0]!;
    assert.equal(line.offset, 576 + 529);
    assert.equal(line.samples, 400 * 1152 - 576 - 700);
    assert.equal(LINES[1]![1].offset, 0);
  });

  test('a region maps to every sample it touches, clamped to the recording', () => {
    const [, line] = LINES[1]!; // 8 samples a ms
    assert.deepEqual(regionSamples({ start: 1000, end: 1001 }, line), { start: 8000, end: 8008 });
    assert.deepEqual(regionSamples({ start: 10.0625, end: 10.1 }, line), { start: 80, end: 81 });
    assert.deepEqual(regionSamples({ start: 10_700, end: 99_000 }, line), { start: 85_600, end: 86_400 });
    assert.equal(regionSamples({ start: 20_000, end: 21_000 }, line), null);
  });

  for (const [name, line] of LINES) {
    test(`${name}: the frames silenced are the fewest whose silence covers the region`, () => {
      for (let k = 0; k < 500; k++) {
        const start = (k * 7_919) % (line.samples - 1);
        const span = { start, end: Math.min(line.samples, start + 1 + ((k * 104_729) % 30_000)) };
        const run = framesShaping(span, line)!;
        const silent = silentSpan(run, line);
        assert.ok(
          silent.start <= span.start && silent.end >= span.end,
          `span ${span.start}–${span.end} is covered`,
        );
        // Less than a frame more than needed, except where the silence runs to either end of the file.
        if (run.first > 0) assert.ok(span.start - silent.start < line.samplesPerFrame);
        if (run.last < line.frameCount - 1) assert.ok(silent.end - span.end < line.samplesPerFrame);
        if (run.first < run.last && run.first > 0) {
          assert.ok(
            silentSpan({ ...run, first: run.first + 1 }, line).start > span.start,
            'one frame fewer leaks',
          );
        }
        if (run.first < run.last && run.last < line.frameCount - 1) {
          assert.ok(silentSpan({ ...run, last: run.last - 1 }, line).end < span.end, 'one frame fewer leaks');
        }
        const affected = affectedSpan(run, line);
        assert.ok(affected.start <= silent.start && affected.end >= silent.end);
      }
    });
  }

  test('runs merge when they overlap or touch', () => {
    assert.deepEqual(
      mergeRuns([
        { first: 10, last: 12 },
        { first: 1, last: 3 },
        { first: 4, last: 5 },
        { first: 11, last: 20 },
      ]),
      [
        { first: 1, last: 5 },
        { first: 10, last: 20 },
      ],
    );
  });

  test('spans in ms round inwards for what is silent, outwards for what changed', () => {
    assert.deepEqual(spanMs({ start: 44_101, end: 88_199 }, 44100, 'inwards'), { start: 1001, end: 1999 });
    assert.deepEqual(spanMs({ start: 44_101, end: 88_199 }, 44100, 'outwards'), { start: 1000, end: 2000 });
  });
});
