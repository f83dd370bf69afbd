import { readFileSync } from 'node:fs';
import { importTranscript } from '../../src/formats/index.js';
import { detect } from '../../src/core/engine.js';
import { DEFAULT_POLICY } from '../../src/core/policy.js';
for (const f of process.argv.slice(2)) {
  const { transcript } = importTranscript(readFileSync(f, 'utf8'), f);
  const d = detect(transcript, DEFAULT_POLICY);
  for (const e of d.entities) if (e.type === 'PASSWORD' || process.env.ALL) console.log(f.split('/').pop(), e.type, e.score, e.start, e.end, JSON.stringify(e.parts.map(p=>p.value)), e.reasons.join(','));
}
