// temp (not committed): free-text false alarms per set
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTranscript } from '../../src/formats/index.js';
import { chooseSets, loadLabels, shownDir } from './sets.js';
import { loadHush } from './systems.js';
import { tokensOf } from './systems.js';
const TYPES = new Set(['PERSON_NAME', 'PASSWORD', 'USERNAME', 'STREET_ADDRESS', 'SECURITY_ANSWER']);
const setName = process.argv[2] ?? 'holdout';
const hush = await loadHush();
for (const set of chooseSets(setName)) {
  for (const labels of loadLabels(set, undefined)) {
    const t = importTranscript(readFileSync(join(set.dir, labels.file), 'utf8'), `${shownDir(set)}/${labels.file}`).transcript;
    const p = await hush.predict(t);
    for (const e of p.entities) {
      if (!TYPES.has(e.type)) continue;
      const hit = labels.spans.some((s) => e.parts.some((part) => s.parts.some((sp) => part.start < sp.end + 1 && sp.start < part.end + 1)));
      if (!hit) console.log(`${labels.call} ${e.type} ${e.parts[0]!.start}: ${e.tokens.join(' ')}`);
    }
  }
}
