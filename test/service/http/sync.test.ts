/**
 * Synchronous detection and transcript redaction over real HTTP: a card number read out digit by
 * digit is found (type, times, channel, score) and removed, the answer never holds the digits nor
 * the words that said them, the copy keeps its format, and oversize or unreadable input is refused
 * with a clear error. No log line holds the card.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CARD, call, cardTranscript, startApi, type TestApi } from './server.js';

const SYNC_LIMIT = 20_000;
const SPOKEN = 'four one one one one one one one one one one one one one one one';

const SRT = [
  '1',
  '00:00:00,000 --> 00:00:03,000',
  'AGENT: Can I take the card number please?',
  '',
  '2',
  '00:00:03,500 --> 00:00:09,000',
  `CUSTOMER: Sure, it is ${SPOKEN}.`,
  '',
  '3',
  '00:00:09,500 --> 00:00:11,000',
  'AGENT: Thank you.',
  '',
].join('\n');

describe('synchronous detection and redaction', () => {
  let api: TestApi;
  before(async () => {
    api = await startApi({ maxSyncBytes: SYNC_LIMIT });
  });
  after(async () => {
    const logs = api.logs.join('');
    await api.close();
    assert.ok(!logs.includes(CARD) && !logs.includes('four one one'), 'a log line holds the card');
  });

  const clean = (text: string) => {
    assert.ok(!text.includes(CARD), 'the answer holds the card digits');
    assert.ok(!text.includes('4111'), 'the answer holds card digits');
    assert.ok(!/four one one/i.test(text), 'the answer holds the spoken card');
  };

  test('detect finds the card read out as digits, with times and channel, and no value', async () => {
    const answer = await call(api, 'POST', '/v1/detect', { body: { transcript: cardTranscript() } });
    assert.equal(answer.status, 200, answer.text);
    clean(answer.text);
    assert.equal(answer.json.format, 'hush');
    assert.equal(answer.json.channels, 2);
    const cards = answer.json.entities.filter((entity: { type: string }) => entity.type === 'CREDIT_CARD');
    assert.equal(cards.length, 1, answer.text);
    const [card] = cards;
    assert.equal(card.channel, 1);
    assert.equal(card.category, 'PCI');
    // The digits are said from 3.9 s, one every 300 ms, the last ending at 8.65 s.
    assert.equal(card.start, 3.9);
    assert.equal(card.end, 8.65);
    assert.ok(card.score > 0 && card.score <= 1);
    assert.equal(card.text, undefined);
    assert.equal(answer.json.counts.CREDIT_CARD, 1);
    assert.ok(answer.json.regions.length >= 1);
  });

  test('patterns narrow what is detected, and a bad pattern is a 400 naming it', async () => {
    const none = await call(api, 'POST', '/v1/detect', {
      body: { transcript: cardTranscript(), patterns: ['US_SSN'] },
    });
    assert.equal(none.status, 200, none.text);
    assert.deepEqual(none.json.entities, []);
    const bad = await call(api, 'POST', '/v1/detect', {
      body: { transcript: cardTranscript(), patterns: ['[a-'] },
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.code, 'POLICY_INVALID');
    assert.match(bad.json.error.message, /patterns\[0\]/);
  });

  test('redact returns the JSON document redacted, as JSON, with the findings', async () => {
    const answer = await call(api, 'POST', '/v1/redact/transcript', {
      body: { transcript: cardTranscript() },
    });
    assert.equal(answer.status, 200, answer.text);
    clean(answer.text);
    assert.equal(answer.json.format, 'hush');
    assert.equal(answer.json.counts.CREDIT_CARD, 1);
    assert.ok(answer.json.edits >= 1);
    const words = answer.json.transcript.words as { text: string }[];
    assert.ok(
      words.some((word) => word.text.includes('[CREDIT_CARD]')),
      answer.text,
    );
    assert.deepEqual(
      words.slice(0, 3).map((word) => word.text),
      ['can', 'I', 'take'],
    );
    assert.equal(words.at(-1)!.text, 'you');
  });

  test('redact keeps a text format as text (SRT)', async () => {
    const answer = await call(api, 'POST', '/v1/redact/transcript', { body: { transcript: SRT } });
    assert.equal(answer.status, 200, answer.text);
    clean(answer.text);
    assert.equal(answer.json.format, 'srt');
    assert.equal(typeof answer.json.transcript, 'string');
    assert.match(
      answer.json.transcript,
      /^2\n00:00:03,500 --> 00:00:09,000\nCUSTOMER: Sure, it is \[CREDIT_CARD\]/m,
    );
    assert.match(answer.json.transcript, /AGENT: Thank you\./);
  });

  test('unreadable, unknown or oversize input: clear errors that quote nothing', async () => {
    const unknown = await call(api, 'POST', '/v1/detect', { body: { transcript: `hello ${CARD}` } });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.error.code, 'FORMAT_UNKNOWN');
    clean(unknown.text);

    const truncated = await call(api, 'POST', '/v1/detect', {
      body: { transcript: JSON.stringify(cardTranscript()).slice(0, 300) },
    });
    assert.equal(truncated.status, 400);
    assert.equal(truncated.json.error.code, 'FORMAT_INVALID');
    assert.match(truncated.json.error.message, /^transcript: /);

    const badFormat = await call(api, 'POST', '/v1/detect', { body: { transcript: SRT, format: 'docx' } });
    assert.equal(badFormat.status, 400);
    assert.match(badFormat.json.error.message, /body\.format/);

    const wrongFormat = await call(api, 'POST', '/v1/detect', {
      body: { transcript: SRT, format: 'deepgram' },
    });
    assert.equal(wrongFormat.status, 400, wrongFormat.text);
    clean(wrongFormat.text);

    const big = { transcript: SRT.repeat(Math.ceil(SYNC_LIMIT / SRT.length) + 1) };
    const oversize = await call(api, 'POST', '/v1/redact/transcript', { body: big });
    assert.equal(oversize.status, 413);
    assert.equal(oversize.json.error.code, 'PAYLOAD_TOO_LARGE');
    assert.match(oversize.json.error.message, new RegExp(`limit of ${SYNC_LIMIT} bytes`));
  });
});
