/**
 * The rates the audio floor in docs/audio.md ("Where the time goes") is computed from, on this
 * machine, one core each: sha256 (Node's, OpenSSL), reading a file already in the page cache in
 * 1 MiB chunks as Hush reads, and comparing bytes (Buffer.compare, as the outside-bytes proof
 * does). Best of five runs each, as the floor is a bound.
 *
 *   npx tsx scripts/bench/audio/rates.ts [FILE]   (default: the bench's 635 MB recording)
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file =
  process.argv[2] ?? fileURLToPath(new URL('../../../.bench-out/audio/wav-s16-44k.wav', import.meta.url));
const RUNS = 5;

/** The shortest of `RUNS` timings of `work`, ms. */
function best(work: () => void): number {
  let shortest = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    shortest = Math.min(shortest, performance.now() - start);
  }
  return shortest;
}

const rate = (bytes: number, ms: number): string => `${(bytes / ms / 1e6).toFixed(2)} GB/s`;

const memory = Buffer.alloc(64 * 1024 * 1024, 7);
const copy = Buffer.from(memory);
console.log(
  `sha256, in memory: ${rate(
    memory.length,
    best(() => createHash('sha256').update(memory).digest()),
  )}`,
);
console.log(
  `compare, in memory: ${rate(
    memory.length,
    best(() => memory.compare(copy)),
  )}`,
);

const size = statSync(file).size;
const chunk = Buffer.allocUnsafe(1024 * 1024);
const readWhole = (): void => {
  const fd = openSync(file, 'r');
  try {
    for (let position = 0, read; (read = readSync(fd, chunk, 0, chunk.length, position)) > 0;)
      position += read;
  } finally {
    closeSync(fd);
  }
};
readWhole(); // into the page cache
console.log(`read, page cache, 1 MiB chunks: ${rate(size, best(readWhole))} (${(size / 1e6).toFixed(1)} MB)`);
