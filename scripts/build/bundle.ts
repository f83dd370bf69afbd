/**
 * How Hush bundles a command-line entry point: everything it imports in one ESM file, with each
 * lazily imported piece in a chunk of its own. Shared by the `hush` build and the benchmark's
 * start-up probe, so the probe measures code bundled exactly as `hush` is.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/** Bundles `entryPoints` (output name → source file) into `outdir`, which is emptied first. */
export async function bundle(entryPoints: Record<string, string>, outdir: string): Promise<void> {
  // Chunk names carry a content hash: clear the folder so old chunks do not pile up.
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints,
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
    // Native code and binaries cannot be bundled (better-sqlite3's addon, the ffmpeg binary's
    // package, which finds its binary beside itself), nor can piscina, which loads its own worker
    // script from its package folder.
    external: ['better-sqlite3', '@ffmpeg-installer/*', 'piscina'],
    logLevel: 'warning',
  });
}
