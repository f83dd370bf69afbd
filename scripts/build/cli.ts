/**
 * Bundles the `hush` command into dist/bin/ (`npm run build` runs it after tsc): the entry point
 * with what `hush detect` needs in one ESM file, and each lazily imported piece (the other
 * subcommands, the policy schema) in a chunk of its own. A fresh process then reads a handful of
 * files instead of resolving and compiling some 150 modules one by one, which took a third of its
 * start-up time. The library (`import … from 'hush-redact'`) is still tsc's dist/, with its types.
 */
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

await bundle({ hush: `${root}src/cli/main.ts` }, `${root}dist/bin`);
