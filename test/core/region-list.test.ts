import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRegionList } from '../../src/core/region-list.js';
import { HushError } from '../../src/errors.js';

const parse = (document: unknown) => parseRegionList(JSON.stringify(document), 'regions.json');
const times = (document: unknown) =>
  parse(document).map(({ start, end, channel }) => ({ start, end, channel }));

function assertRejected(document: unknown, message: RegExp): void {
  assert.throws(
    () => (typeof document === 'string' ? parseRegionList(document, 'regions.json') : parse(document)),
    (error: unknown) =>
      error instanceof HushError && error.code === 'REGIONS_INVALID' && message.test(error.message),
  );
}

describe('parseRegionList', () => {
  test('seconds become whole ms, start rounded down and end up', () => {
    assert.deepEqual(times([{ start: 1.1, end: 2.3 }]), [{ start: 1100, end: 2300, channel: null }]);
    assert.deepEqual(times([{ start: 0.0005, end: 0.0015, channel: 1 }]), [{ start: 0, end: 2, channel: 1 }]);
  });

  test('clock strings as platforms write them, with a point or a comma', () => {
    assert.deepEqual(
      times([
        { start: '01:02:03.450', end: '01:02:04,5' },
        { start: '02:03.4', end: '02:05' },
        { start: '3.0001', end: '4.0009' },
      ]),
      [
        { start: 3000, end: 4001, channel: null },
        { start: 123_400, end: 125_000, channel: null },
        { start: 3_723_450, end: 3_724_500, channel: null },
      ],
    );
  });

  test('an object with a regions list; regions come back sorted, without entity types', () => {
    const regions = parse({
      regions: [
        { start: 5, end: 6, channel: 0 },
        { start: 1, end: 2 },
      ],
      source: 'x',
    });
    assert.deepEqual(regions, [
      { start: 1000, end: 2000, channel: null, types: [], entities: [] },
      { start: 5000, end: 6000, channel: 0, types: [], entities: [] },
    ]);
    assert.deepEqual(parse([]), []);
  });

  test('errors name the file, the index and the field', () => {
    assertRejected(
      [
        { start: 1, end: 2 },
        { start: 'soon', end: 3 },
      ],
      /^regions\.json: at \[1\]\.start: expected seconds/,
    );
    assertRejected({ regions: [{ start: 1 }] }, /^regions\.json: at regions\[0\]\.end: expected seconds/);
    assertRejected([{ start: 3, end: 2 }], /at \[0\]\.end: must be after start/);
    assertRejected([{ start: -1, end: 2 }], /at \[0\]\.start: expected seconds/);
    assertRejected([{ start: '00:61.0', end: '00:62.0' }], /at \[0\]\.start/);
    assertRejected([{ start: 1, end: 2, channel: 1.5 }], /at \[0\]\.channel/);
    assertRejected(
      [
        { start: 1, end: 'x' },
        { start: 'y', end: 2 },
      ],
      /2 problems:\n {2}at \[0\]\.end: .*\n {2}at \[1\]\.start: /,
    );
    assertRejected({ times: [] }, /expected a list of regions/);
    assertRejected('[{"start": 1,', /regions\.json: not valid JSON/);
  });
});
