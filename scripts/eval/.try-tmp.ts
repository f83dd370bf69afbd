// temp (not committed): run detect on "A:/C:/M:" lines from a file; M: = mono (no channel)
import { readFileSync } from 'node:fs';
import { detect } from '../../src/core/engine.js';
import { policySchema } from '../../src/core/policy.js';
import { buildTranscript } from '../../test/helpers/transcript.js';
const lines = readFileSync(process.argv[2]!, 'utf8').split('\n').filter((l) => /^[ACMN]: /.test(l));
const mono = lines.some((l) => l.startsWith('M') || l.startsWith('N'));
const turns = lines.map((l) => {
  const who = l[0]!;
  const text = l.slice(3);
  if (mono) return { text, channel: null, role: 'unknown' as const, speaker: who === 'M' ? 'A' : 'B' };
  return who === 'A' ? { text, channel: 0, role: 'agent' as const } : { text, channel: 1, role: 'customer' as const };
});
const d = detect(buildTranscript(turns), policySchema.parse({ pciStrict: false }));
for (const v of d.views) console.log(`VIEW ${v.stream.id}: ${JSON.stringify(v.text)}`);
for (const e of d.entities) console.log(`${e.type} ${e.parts.map((p) => p.value).join('|')}  [${e.reasons.join(',')}] ${e.score ?? ''}`);
