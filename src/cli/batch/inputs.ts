/**
 * What `hush batch` works through: recordings with the transcript (or regions document) that says
 * what to redact in each, from a folder or a manifest.
 *
 * Folder: every recording in it and its subfolders (by extension: .wav .mp3 .ogg .opus .oga .flac
 * .m4a .webm, and .raw .pcm when --rate/--channels/--encoding describe headerless PCM), skipping
 * hidden folders and the output folder. A recording `call-17.wav` pairs with the one file beside it
 * named `call-17.<anything>.json|.vtt|.srt` or `call-17.json|.vtt|.srt` (`call-17.deepgram.json`,
 * `call-17.vtt`); `call-17.regions.json` is a regions document instead. None, or more than one,
 * is an error for that recording (name the pair in a manifest instead).
 *
 * Manifest: JSON lines (`{"audio": "a.wav", "transcript": "a.json"}` or `"regions": …`) or CSV with
 * a header row naming the columns `audio` and `transcript` and/or `regions`. Relative paths are
 * relative to the manifest's folder.
 *
 * Outputs mirror each recording's place under the folder (or the manifest's folder) in --out.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { HushError } from '../../errors.js';
import { readText } from '../../files.js';

export interface BatchItem {
  audio: string;
  transcript?: string;
  regions?: string;
  /** Output folder for this recording. */
  outDir: string;
  /** Why this recording cannot be processed (pairing problems); it is reported as failed. */
  problem?: string;
}

const AUDIO_EXTENSIONS = new Set(['.wav', '.mp3', '.ogg', '.opus', '.oga', '.flac', '.m4a', '.webm']);
const RAW_EXTENSIONS = new Set(['.raw', '.pcm']);
const TRANSCRIPT_EXTENSIONS = new Set(['.json', '.vtt', '.srt']);
const REGIONS_SUFFIX = '.regions.json';
const REPORT_SUFFIX = '.report.json';

const stemOf = (file: string): string => basename(file, extname(file));

/** Where a recording's outputs go: its folder's place under `root`, inside `out`. */
function outDirFor(audio: string, root: string, out: string): string {
  const place = relative(root, dirname(audio));
  return place === '' || place.startsWith('..') || isAbsolute(place) ? out : join(out, place);
}

async function walk(dir: string, skip: string, found: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && resolve(path) !== skip) await walk(path, skip, found);
    } else if (entry.isFile()) found.push(path);
  }
}

function pairInFolder(
  audio: string,
  siblings: readonly string[],
): Pick<BatchItem, 'transcript' | 'regions' | 'problem'> {
  const prefix = `${stemOf(audio)}.`;
  const named = siblings.filter((file) => basename(file).startsWith(prefix) && file !== audio);
  const regions = named.filter((file) => basename(file) === `${stemOf(audio)}${REGIONS_SUFFIX}`);
  const transcripts = named.filter(
    (file) =>
      TRANSCRIPT_EXTENSIONS.has(extname(file).toLowerCase()) &&
      !regions.includes(file) &&
      !file.endsWith(REPORT_SUFFIX),
  );
  const candidates = [...transcripts, ...regions];
  if (candidates.length === 0) return { problem: `no transcript or regions file named ${prefix}*` };
  if (candidates.length > 1) {
    return {
      problem: `several files could say what to redact (${candidates.map((file) => basename(file)).join(', ')}); pair them in a manifest`,
    };
  }
  return transcripts.length === 1 ? { transcript: transcripts[0]! } : { regions: regions[0]! };
}

async function fromFolder(dir: string, out: string, raw: boolean): Promise<BatchItem[]> {
  const files: string[] = [];
  await walk(dir, resolve(out), files);
  files.sort();
  const isAudio = (file: string): boolean => {
    const extension = extname(file).toLowerCase();
    return AUDIO_EXTENSIONS.has(extension) || (raw && RAW_EXTENSIONS.has(extension));
  };
  const byFolder = new Map<string, string[]>();
  for (const file of files) byFolder.set(dirname(file), [...(byFolder.get(dirname(file)) ?? []), file]);
  const items: BatchItem[] = [];
  for (const siblings of byFolder.values()) {
    for (const audio of siblings.filter(isAudio)) {
      items.push({ audio, outDir: outDirFor(audio, dir, out), ...pairInFolder(audio, siblings) });
    }
  }
  return items;
}

/** One manifest row: its cells by column name. */
type Row = Record<string, string | undefined>;

/** CSV as spreadsheets write it: comma-separated, fields optionally in double quotes ("" inside is a quote). */
function csvRows(text: string, origin: string): Row[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      field = '';
      record = [];
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header, ...rows] = records.filter((cells) => cells.some((cell) => cell.trim() !== ''));
  const columns = (header ?? []).map((name) => name.trim().toLowerCase());
  if (!columns.includes('audio')) {
    throw new HushError('USAGE', `${origin}: the CSV manifest needs a header row with an "audio" column`);
  }
  return rows.map((cells) => Object.fromEntries(columns.map((name, index) => [name, cells[index]?.trim()])));
}

function jsonLines(text: string, origin: string): Row[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw new HushError('USAGE', `${origin}: line ${number}: not valid JSON`);
      }
      if (typeof row !== 'object' || row === null || typeof (row as Row).audio !== 'string') {
        throw new HushError('USAGE', `${origin}: line ${number}: expected an object with an "audio" path`);
      }
      return row as Row;
    });
}

async function fromManifest(manifest: string, out: string): Promise<BatchItem[]> {
  const text = await readText(manifest);
  const rows = text.trimStart().startsWith('{') ? jsonLines(text, manifest) : csvRows(text, manifest);
  const root = dirname(manifest);
  const at = (path: string | undefined): string | undefined => (path ? resolve(root, path) : undefined);
  return rows.map((row, index) => {
    const audio = at(row.audio) ?? '';
    const transcript = at(row.transcript);
    const regions = at(row.regions);
    const item: BatchItem = {
      audio,
      outDir: outDirFor(audio, root, out),
      ...(transcript ? { transcript } : {}),
      ...(regions ? { regions } : {}),
    };
    if (!audio) return { ...item, audio: `${manifest} row ${index + 1}`, problem: 'no audio path' };
    if (!transcript === !regions) return { ...item, problem: 'give one of a transcript or a regions file' };
    return item;
  });
}

/** The recordings to process, in a stable order. */
export async function batchInputs(
  input: string,
  options: { out: string; raw: boolean },
): Promise<BatchItem[]> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(input)).isDirectory();
  } catch {
    throw new HushError('IO', `${input}: no such folder or manifest`);
  }
  const items = isFolder
    ? await fromFolder(input, options.out, options.raw)
    : await fromManifest(input, options.out);
  // Two recordings whose outputs would land on the same names (a manifest can list such) fail.
  const seen = new Map<string, BatchItem>();
  for (const item of items) {
    const key = join(item.outDir, stemOf(item.audio)).split(sep).join('/');
    const first = seen.get(key);
    if (first && !item.problem) item.problem = `its outputs would collide with those of ${first.audio}`;
    else seen.set(key, item);
  }
  return items;
}
