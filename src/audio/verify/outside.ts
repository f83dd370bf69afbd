/**
 * The "bytes outside the regions unchanged" proof of the native paths. A redactor reports the
 * byte ranges it rewrote; everything else in the output must be the input's bytes. The proof is
 * recorded as the sha256 of every byte outside those ranges, in the input and in the output.
 *
 * Speed matters here (hashing is most of a job's work: sha256 runs at about 1.5 GB/s a core):
 * files are read in 1 MiB chunks with the next read under way while the current one is used
 * (larger chunks hash no faster, and a job holds up to three such pairs at once),
 * every hash a job records of one file is taken from one read of it (`hashViews`), and the output
 * is compared byte for byte with the input (memcmp, many GB/s) rather than hashed a second time,
 * since identical bytes have one hash.
 */
import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { HushError } from '../../errors.js';
import { ioError } from '../../files.js';
import type { ByteRange } from '../layout.js';

const CHUNK_BYTES = 1024 * 1024;

/** Sorted, merged [start, end) spans of the ranges (empty ones dropped). */
function normalise(changed: readonly ByteRange[]): [number, number][] {
  const spans = changed
    .filter((range) => range.length > 0)
    .map((range): [number, number] => [range.offset, range.offset + range.length])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** Walks a file's chunks in order, splitting each into the parts outside and inside the changed spans. */
class Outside {
  private next = 0;

  constructor(private readonly spans: readonly [number, number][]) {}

  /**
   * [from, to, inside] pieces tiling a chunk at `position` of `length` bytes (offsets within the
   * chunk, empty pieces left out); chunks must come in order.
   */
  *pieces(position: number, length: number): Generator<[number, number, boolean]> {
    const end = position + length;
    let at = position;
    while (at < end) {
      while (this.next < this.spans.length && this.spans[this.next]![1] <= at) this.next++;
      const span = this.spans[this.next];
      if (span === undefined || span[0] >= end) {
        yield [at - position, length, false];
        return;
      }
      if (span[0] > at) yield [at - position, span[0] - position, false];
      const to = Math.min(span[1], end);
      if (to > Math.max(at, span[0])) yield [Math.max(at, span[0]) - position, to - position, true];
      at = to;
    }
  }

  /** The pieces of a chunk outside the changed spans. */
  parts(position: number, length: number): [number, number][] {
    const parts: [number, number][] = [];
    for (const [from, to, inside] of this.pieces(position, length)) if (!inside) parts.push([from, to]);
    return parts;
  }
}

interface Chunk {
  position: number;
  bytes: Buffer;
}

/**
 * Chunk buffers not in use. A job reads several files one after another (and some at once): each
 * read takes its buffers from here and puts them back when done, where fresh ones for every file
 * would pile up as garbage, megabytes at a time, until the collector got round to them.
 */
const spare: Buffer[] = [];

/**
 * A file's chunks in order, reading one ahead into a second buffer; a chunk's bytes are valid
 * until the next one is asked for.
 */
async function* chunksOf(handle: FileHandle): AsyncGenerator<Chunk> {
  const buffers = [0, 1].map(() => spare.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES));
  const read = (position: number, index: number) =>
    handle.read(buffers[index]!, 0, CHUNK_BYTES, position).then(({ bytesRead }) => ({
      position,
      bytes: buffers[index]!.subarray(0, bytesRead),
    }));
  let pending = read(0, 0);
  try {
    for (let index = 0; ; index ^= 1) {
      const chunk = await pending;
      if (chunk.bytes.length === 0) return;
      pending = read(chunk.position + chunk.bytes.length, index ^ 1);
      yield chunk;
    }
  } finally {
    // A consumer that stops early leaves a read in flight: let it land before the file closes.
    await pending.catch(() => undefined);
    spare.push(...buffers);
  }
}

async function withFile<T>(path: string, use: (handle: FileHandle) => Promise<T>): Promise<T> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw ioError(path, error, 'read the file');
  }
  try {
    return await use(handle);
  } finally {
    await handle.close();
  }
}

function update(hash: Hash, chunk: Chunk, parts: readonly [number, number][]): void {
  for (const [from, to] of parts) hash.update(chunk.bytes.subarray(from, to));
}

/**
 * One way of looking at a file's bytes, for `hashViews`: the file with the `changed` ranges left
 * out (`inside: 'omit'`), or with them replaced by the bytes stored one range after another from
 * `offset` in another file (`inside: { file, offset }`: an in-place journal's replacements, so the
 * file's hash after the rewrite is known before it happens). Replaced ranges must be sorted and
 * disjoint, as a journal holds them; an empty list views the whole file.
 */
export interface FileView {
  changed: readonly ByteRange[];
  inside: 'omit' | { file: string; offset: number };
}

/** Feeds `length` bytes of `file` from `position` to `hash`, in chunks the size of `buffer`. */
async function hashStretch(
  handle: FileHandle,
  file: string,
  buffer: Buffer,
  hash: Hash,
  position: number,
  length: number,
): Promise<void> {
  for (let done = 0; done < length;) {
    const want = Math.min(buffer.length, length - done);
    const { bytesRead } = await handle.read(buffer, 0, want, position + done);
    if (bytesRead === 0)
      throw new HushError('IO', `${file}: it ends at byte ${position + done}, before its data`);
    hash.update(buffer.subarray(0, bytesRead));
    done += bytesRead;
  }
}

/**
 * sha256 (hex) of each view of `path`, all from one read of the file: a recording is read once
 * however many hashes a job records of it.
 */
export async function hashViews(path: string, views: readonly FileView[]): Promise<string[]> {
  return withFile(path, async (handle) => {
    const walks = views.map((view) => ({
      hash: createHash('sha256'),
      outside: new Outside(normalise(view.changed)),
      inside: view.inside,
      source: null as FileHandle | null,
      consumed: 0,
    }));
    // For journal views only: a plain hash needs no buffer besides its chunks'.
    let buffer: Buffer | null = null;
    try {
      for (const walk of walks) {
        const { inside } = walk;
        if (inside !== 'omit')
          walk.source = await open(inside.file, 'r').catch((error: unknown) =>
            Promise.reject(ioError(inside.file, error, 'read the file')),
          );
      }
      for await (const chunk of chunksOf(handle)) {
        for (const walk of walks) {
          for (const [from, to, inside] of walk.outside.pieces(chunk.position, chunk.bytes.length)) {
            if (!inside) walk.hash.update(chunk.bytes.subarray(from, to));
            else if (walk.inside !== 'omit') {
              const { file, offset } = walk.inside;
              buffer ??= Buffer.allocUnsafe(CHUNK_BYTES);
              await hashStretch(walk.source!, file, buffer, walk.hash, offset + walk.consumed, to - from);
              walk.consumed += to - from;
            }
          }
        }
      }
      return walks.map((walk) => walk.hash.digest('hex'));
    } finally {
      await Promise.all(walks.map((walk) => walk.source?.close()));
    }
  });
}

/** sha256 (hex) of every byte of `path` that lies in none of the `changed` ranges. */
export async function hashOutside(path: string, changed: readonly ByteRange[]): Promise<string> {
  const [hash] = await hashViews(path, [{ changed, inside: 'omit' }]);
  return hash!;
}

/**
 * Whether `input` and `output` hold the same bytes outside `spans` (and are the same size),
 * read in lockstep; the output's bytes are fed to `hashes.whole` (all of them) and
 * `hashes.outside` (those outside the spans), where given.
 */
async function compareOutside(
  input: string,
  output: string,
  spans: readonly [number, number][],
  hashes: { whole: Hash | null; outside: Hash | null },
): Promise<boolean> {
  return withFile(input, (inputHandle) =>
    withFile(output, async (outputHandle) => {
      const outside = new Outside(spans);
      const inputChunks = chunksOf(inputHandle);
      let identical = true;
      try {
        for await (const chunk of chunksOf(outputHandle)) {
          const parts = outside.parts(chunk.position, chunk.bytes.length);
          hashes.whole?.update(chunk.bytes);
          if (hashes.outside) update(hashes.outside, chunk, parts);
          if (!identical) continue;
          const before = await inputChunks.next();
          identical =
            !before.done &&
            before.value.bytes.length === chunk.bytes.length &&
            parts.every(([from, to]) => before.value.bytes.compare(chunk.bytes, from, to, from, to) === 0);
        }
        return identical && (await inputChunks.next()).done === true;
      } finally {
        await inputChunks.return(undefined);
      }
    }),
  );
}

export interface OutsideProof {
  inputSha256: string;
  outputSha256: string;
  passed: boolean;
}

export interface ProofOptions {
  /** That hash of the input, already taken (on a worker thread, hashing.ts): the output is then only compared. */
  inputOutside?: Promise<string>;
  /** Called with the whole output's sha256, from the same read (the audit record needs it). */
  onOutputSha256?: (sha256: string) => void;
}

/**
 * Compares `input` and `output` byte for byte outside the `changed` ranges, and hashes the bytes
 * there. Identical bytes have one hash, so when every byte matches (and the files are the same
 * size) one hash serves both; when one differs, each file's is taken on its own and the record
 * shows the two.
 */
export async function proveOutsideUnchanged(
  input: string,
  output: string,
  changed: readonly ByteRange[],
  options: ProofOptions = {},
): Promise<OutsideProof> {
  const whole = options.onOutputSha256 ? createHash('sha256') : null;
  const outsideHash = options.inputOutside ? null : createHash('sha256');
  const identical = await compareOutside(input, output, normalise(changed), { whole, outside: outsideHash });
  if (whole) options.onOutputSha256!(whole.digest('hex'));
  if (outsideHash) {
    const outputSha256 = outsideHash.digest('hex');
    const inputSha256 = identical ? outputSha256 : await hashOutside(input, changed);
    return { inputSha256, outputSha256, passed: identical };
  }
  const inputSha256 = await options.inputOutside!;
  const outputSha256 = identical ? inputSha256 : await hashOutside(output, changed);
  return { inputSha256, outputSha256, passed: identical };
}

/** sha256 of a file's bytes, hex: the hash of every byte outside no changed range at all. */
export function sha256File(path: string): Promise<string> {
  return hashOutside(path, []);
}
