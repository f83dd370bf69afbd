import { readFileSync } from 'node:fs';
import { importTranscript } from '../../src/formats/index.js';
import { normaliseConversation } from '../../src/core/normalise/index.js';
import { divideConversation } from '../../src/core/streams.js';
const [f, pat] = process.argv.slice(2);
const { transcript } = importTranscript(readFileSync(f!, 'utf8'), f!);
for (const v of normaliseConversation(transcript, divideConversation(transcript))) {
  for (const line of v.text.split('\n')) if (new RegExp(pat!, 'i').test(line)) console.log(v.stream.role, '|', line);
}
