/**
 * Bundles the `hush` command into dist/bin/ (`npm run build` runs it after tsc): the entry point
 * with what `hush detect` needs in one ESM file, and each lazily imported piece (the other
 * subcommands, the policy schema) in a chunk of its own. A fresh process then reads a handful of
 * files instead of resolving and compiling some 150 modules one by one, which took a third of its
 * start-up time. The library (`import … from 'hush-redact'`) is still tsc's dist/, with its types.
 *
 * `hush batch` runs its jobs on worker threads, whose module is an entry point of its own: it is
 * written to chunks/worker.js, beside the chunk holding the pool, which finds it at `./worker.js`
 * as it finds worker.ts beside src/cli/batch/pool.ts. The hashing worker of a redaction
 * (src/audio/verify/hash-worker.ts) is placed the same way, at chunks/hash-worker.js, beside the
 * chunk holding hashing.ts.
 */
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

await bundle(
  {
    hush: `${root}src/cli/main.ts`,
    'chunks/worker': `${root}src/cli/batch/worker.ts`,
    'chunks/hash-worker': `${root}src/audio/verify/hash-worker.ts`,
  },
  `${root}dist/bin`,
);
