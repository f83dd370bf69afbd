import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunSummary, SetRun } from '../../scripts/eval/report.js';
import {
  falseAlarmReport,
  markdown,
  missCounts,
  missList,
  missReport,
  setComparison,
} from '../../scripts/eval/report.js';
import { addCall, checkTargets, newSystemResult } from '../../scripts/eval/results.js';
import { scoreCall } from '../../scripts/eval/score.js';
import { chooseRotatedSets, chooseSets, EVAL_SETS, loadCalls, loadLabels } from '../../scripts/eval/sets.js';
import { EvalSetupError } from '../../scripts/eval/systems.js';

/** The hand-written sets, in the order the eval runs them. */
const HAND_WRITTEN_SETS = [
  'holdout',
  'holdout-b',
  'holdout-c',
  'holdout-d',
  'holdout-e',
  'holdout-f',
  'holdout-g',
  'holdout-h',
  'holdout-i',
];

describe('eval sets', () => {
  test('--set picks one set or all, and names the choices when it is wrong', () => {
    assert.deepEqual(
      chooseSets('all').map((set) => set.name),
      ['generated', ...HAND_WRITTEN_SETS],
    );
    assert.deepEqual(
      chooseSets('holdout-b').map((set) => set.name),
      ['holdout-b'],
    );
    assert.throws(
      () => chooseSets('tuned'),
      (error: unknown) =>
        error instanceof EvalSetupError &&
        /generated, holdout, holdout-b, holdout-c, holdout-d, holdout-e, holdout-f, holdout-g, holdout-h, holdout-i or all/.test(
          error.message,
        ),
    );
  });

  test('--rotate rebuilds a hand-written set with every call in another format, same labels', () => {
    const holdout = chooseSets('holdout-b')[0]!;
    const committed = loadCalls(holdout, undefined, 0);
    const rotated = loadCalls(holdout, undefined, 1);
    assert.equal(rotated.length, committed.length);
    for (const [index, call] of rotated.entries()) {
      const before = committed[index]!;
      assert.equal(call.labels.call, before.labels.call);
      assert.notEqual(call.labels.format, before.labels.format);
      assert.equal(call.labels.spans.length, before.labels.spans.length);
      assert.ok(call.content().length > 0);
    }
    assert.throws(() => loadCalls(chooseSets('generated')[0]!, undefined, 1), EvalSetupError);
    assert.ok(chooseRotatedSets('all').every((set) => set.name !== 'generated' && !set.unseen));
  });

  test('each set writes its own results file', () => {
    const files = EVAL_SETS.map((set) => set.resultsFile);
    assert.equal(new Set(files).size, files.length);
  });

  for (const name of HAND_WRITTEN_SETS) {
    test(`the ${name} labels load, filtered by format, and every file stays inside the set`, () => {
      const holdout = chooseSets(name)[0]!;
      const all = loadLabels(holdout, undefined);
      assert.ok(all.length >= 40);
      const srt = loadLabels(holdout, 'srt');
      assert.ok(srt.length > 0 && srt.length < all.length);
      assert.ok(srt.every((call) => call.format === 'srt' && call.file.startsWith('calls/')));
      assert.throws(() => loadLabels(holdout, 'mp3'), EvalSetupError);
    });
  }
});

describe('reporting two sets', () => {
  const run = (index: number, found: boolean): SetRun => {
    const set = EVAL_SETS[index]!;
    const labels = loadLabels(set, undefined)[0]!;
    const hush = newSystemResult('Hush', 'test');
    const span = labels.spans[0]!;
    const regions = found ? span.parts.map((part) => ({ ...part })) : [];
    const entities = found
      ? [{ type: span.type, parts: span.parts, interpolated: false, tokens: [], text: span.text }]
      : [];
    addCall(hush, labels, scoreCall({ ...labels, spans: [span] }, { entities, regions }));
    const summary: RunSummary = {
      calls: 1,
      spans: 1,
      negatives: labels.negatives.length,
      importErrors: [],
      callsByFormat: new Map([[labels.format, 1]]),
    };
    return { set, summary, results: [hush], targets: checkTargets(hush) };
  };

  test('each set is printed under its own heading; the comparison has one row per set', () => {
    const [generated, holdout] = [run(0, true), run(1, false)];
    const text = markdown(holdout.summary, holdout.results, holdout.targets, holdout.set);
    assert.match(text, /^## Detection quality on the holdout set\n\nHand-written calls/);
    assert.match(
      markdown(generated.summary, generated.results, generated.targets, generated.set),
      /^## Detection quality on the labelled corpus\n\n1 calls,/,
    );
    assert.match(missList(holdout.results[0]!, 'holdout'), /^### Hush: 1 missed spans \(holdout set\)/);
    const rows = setComparison([generated, holdout])
      .split('\n')
      .filter((line) => /^\| (generated|holdout) /.test(line));
    assert.equal(rows.length, 2);
    assert.match(rows[0]!, /\| 100\.0% \/ 100\.0% \|$/);
    assert.match(rows[1]!, /\| 0\.0% \/ — \|$/);
  });

  test('misses of a set kept unseen are counted per type, never quoted', () => {
    const unseen = EVAL_SETS.filter((set) => set.unseen);
    assert.deepEqual(
      unseen.map((set) => set.name),
      ['holdout-i'],
    );
    for (const set of unseen) {
      const missed = run(EVAL_SETS.indexOf(set), false);
      const hush = missed.results[0]!;
      const text = missCounts(hush, set.name);
      assert.ok(text.startsWith(`### Hush: 1 missed spans (${set.name} set, kept unseen: counts only)`));
      assert.match(text, new RegExp(`\\| ${hush.misses[0]!.type} \\| 1 \\|`));
      assert.ok(!text.includes(hush.misses[0]!.text));
    }
  });

  test('false alarms follow the rule of misses: words for an opened set, counts per type for an unseen one', () => {
    const hush = newSystemResult('Hush', 'test');
    hush.misses.push({
      call: 'q1',
      file: 'calls/q1.srt',
      type: 'CARD_CVV',
      start: 100,
      end: 900,
      channel: null,
      form: 'words',
      detected: false,
      text: 'nine nine one',
    });
    hush.falseAlarms.push({
      call: 'q1',
      file: 'calls/q1.srt',
      type: 'PHONE_NUMBER',
      start: 4000,
      end: 5200,
      channel: 1,
      lookAlike: 'tracking_number',
      text: 'parcel 20 33 41 87 66',
    });
    const opened = { name: 'opened', unseen: false };
    const unseen = { name: 'kept', unseen: true };
    const openedAlarms = falseAlarmReport(hush, opened);
    assert.match(openedAlarms, /^### Hush: 1 false alarms \(opened set\)/);
    assert.match(
      openedAlarms,
      /- q1 PHONE_NUMBER 4000–5200 ms ch 1 \(on tracking_number\): parcel 20 33 41 87 66/,
    );
    const unseenAlarms = falseAlarmReport(hush, unseen);
    assert.match(unseenAlarms, /^### Hush: 1 false alarms \(kept set, kept unseen: counts only\)/);
    assert.match(unseenAlarms, /\| PHONE_NUMBER \| 1 \|/);
    assert.ok(!unseenAlarms.includes('parcel') && !unseenAlarms.includes('q1'));
    assert.match(missReport(hush, opened), /nine nine one/);
    assert.ok(!missReport(hush, unseen).includes('nine nine one'));
  });
});
