/**
 * `download` for every store, from its `read`: the object's stream staged into a local file, so
 * the two stores share one way of writing a file and of naming a missing key or a broken read.
 */
import type { Readable } from 'node:stream';
import { HushError } from '../../errors.js';
import { writeStreamStaged } from '../../files.js';
import type { FileStore } from './store.js';

/** The stream's chunks; an error that breaks the stream becomes `failure(error)`, which names the source. */
export function chunksOf(stream: Readable, failure: (error: unknown) => HushError): AsyncGenerator<Buffer> {
  // Until reading starts (after the target's folder is made), an error would have no listener and
  // crash the process; the iteration below still sees it.
  stream.on('error', () => {});
  return (async function* () {
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (error) {
      throw failure(error);
    }
  })();
}

export async function downloadObject(
  store: Pick<FileStore, 'read'>,
  key: string,
  file: string,
  where: string,
): Promise<void> {
  const object = await store.read(key);
  if (object === null) throw new HushError('IO', `${where}: no such object`);
  await writeStreamStaged(
    file,
    chunksOf(object.stream, (error) => {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      return new HushError('IO', `${where}: reading the object failed (${code})`);
    }),
  );
}
