/**
 * Bundles the `hush` command into dist/bin/ (`npm run build` runs it after tsc): the entry point
 * with everything `hush detect` needs in one ESM file, and each lazily imported piece (the other
 * subcommands) in a chunk of its own. A fresh process then reads a handful of files instead of
 * resolving and compiling some 150 modules one by one, which was a third of its start-up time.
 * The library (`import … from 'hush-redact'`) is still tsc's dist/, with its type declarations.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outdir = `${root}dist/bin`;

// Chunk names carry a content hash: clear the folder so old chunks do not pile up.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { hush: `${root}src/cli/main.ts` },
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies written as CommonJS (commander) call `require`, which an ES module lacks.
  banner: {
    js: "import { createRequire as __hushCreateRequire } from 'node:module'; const require = __hushCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
