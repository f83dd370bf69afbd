/**
 * Multipart uploads: each file part streams to a temporary folder of its request (never into
 * memory), with the upload size limit enforced while it streams (413 once the body is read), and
 * the folder is removed when the response is sent or the client goes away. Routes see the parts as
 * `Upload`s in the validated body; the job code copies them into the FileStore.
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { ApiError, handleError, sendError } from './errors.js';
import type { Upload } from './schemas/common.js';

/** The file parts a job takes; any other file part is drained and refused by the body schema. */
const FILE_FIELDS = new Set(['recording', 'transcript']);

const folders = new WeakMap<FastifyRequest, Promise<string>>();

function uploadFolder(request: FastifyRequest, root: string): Promise<string> {
  let folder = folders.get(request);
  if (folder === undefined) {
    folder = mkdtemp(join(root, 'hush-upload-'));
    folders.set(request, folder);
  }
  return folder;
}

async function discardUploads(request: FastifyRequest): Promise<void> {
  const folder = folders.get(request);
  if (folder === undefined) return;
  folders.delete(request);
  const path = await folder.catch(() => null); // never created: nothing to remove
  if (path !== null) await rm(path, { recursive: true, force: true });
}

async function saveFile(request: FastifyRequest, part: MultipartFile, root: string): Promise<void> {
  if (!FILE_FIELDS.has(part.fieldname)) {
    part.file.resume();
    await finished(part.file);
    // Present but not a file the schema knows: the strict body schema names it.
    part.value = null;
    return;
  }
  const folder = await uploadFolder(request, root);
  const path = join(folder, `${part.fieldname}-${randomUUID()}`);
  // A file over the limit is cut short here and the parser raises FST_REQ_FILE_TOO_LARGE (413)
  // once the rest of the body has been read, so the client reads its answer.
  await pipeline(part.file, createWriteStream(path));
  const upload: Upload = { path, filename: part.filename, bytes: (await stat(path)).size };
  part.value = upload;
}

export interface UploadOptions {
  /** Largest file part, bytes. */
  fileBytes: number;
  /** Largest non-file field (options, regions), bytes. */
  fieldBytes: number;
  /** Where uploads wait until they are in the FileStore; the system's temp folder by default. */
  tempRoot?: string;
}

/** Multipart parsing for the routes registered in `app` (an encapsulated plugin). */
export async function addUploads(app: FastifyInstance, options: UploadOptions): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: options.fileBytes, fieldSize: options.fieldBytes, files: 2, fields: 8, parts: 10 },
    onFile(part) {
      return saveFile(this, part, options.tempRoot ?? tmpdir());
    },
  });
  // The parser's own error names no limit: say which file and what the limit is.
  app.setErrorHandler((error, request, reply) => {
    const { code, part } = error as FastifyError & { part?: MultipartFile };
    if (code !== 'FST_REQ_FILE_TOO_LARGE') return handleError(error, request, reply);
    const file = part === undefined ? 'an uploaded file' : `the "${part.fieldname}" file`;
    const message = `${file} is over the upload limit of ${options.fileBytes} bytes`;
    return sendError(reply, new ApiError(413, 'PAYLOAD_TOO_LARGE', message));
  });
  app.addHook('onResponse', discardUploads);
  app.addHook('onRequestAbort', discardUploads);
}
