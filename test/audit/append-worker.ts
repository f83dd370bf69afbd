/**
 * Child process for the concurrent-append test: appends COUNT sample entries labelled LABEL to the
 * log at DB, each in its own transaction, as separate `hush redact` jobs would.
 * Usage: node --import tsx test/audit/append-worker.ts DB LABEL COUNT
 */
import { openSqliteAudit } from '../../src/audit/sqlite-store.js';
import { sampleEntry } from './helpers.js';

const [path, label, count] = process.argv.slice(2);
const store = openSqliteAudit(path!);
for (let n = 1; n <= Number(count); n++) await store.append(sampleEntry(n, { jobId: `${label}-${n}` }));
await store.close();
