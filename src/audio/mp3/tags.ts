/**
 * Metadata tags around the frames of an MP3 file, which redaction keeps byte for byte: ID3v2 at
 * the start, and at the end (outermost last) ID3v1 (with the optional 227-byte "TAG+" block before
 * it), Lyrics3 v2, APEv2, or an appended ID3v2.4 with its footer.
 */

const ID3V2_HEADER = 10;
const ID3V2_FOOTER_FLAG = 0x10;
export const ID3V1_LENGTH = 128;
const ID3V1_EXTENDED_LENGTH = 227;
export const APE_FOOTER_LENGTH = 32;
const APE_HAS_HEADER = 0x80000000;
export const LYRICS3_TRAILER_LENGTH = 15;

/** Four 7-bit bytes, most significant first; null when a high bit is set (not a syncsafe size). */
function syncsafe(bytes: Uint8Array, at: number): number | null {
  let value = 0;
  for (let i = at; i < at + 4; i++) {
    const byte = bytes[i]!;
    if (byte & 0x80) return null;
    value = value * 128 + byte;
  }
  return value;
}

function ascii(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * Length of the ID3v2 tag whose 10-byte header is `header`: header + size (the size counts the tag
 * after unsynchronisation, so no unsync rule changes it) + 10 when the v2.4 footer flag is set.
 * 0 when `header` does not start a tag; -1 when it starts one whose header is malformed.
 */
export function id3v2Length(header: Uint8Array): number {
  if (header.length < ID3V2_HEADER || !ascii(header, 0, 'ID3')) return 0;
  const size = syncsafe(header, 6);
  if (header[3] === 0xff || header[4] === 0xff || size === null) return -1;
  return ID3V2_HEADER + size + (header[5]! & ID3V2_FOOTER_FLAG ? ID3V2_HEADER : 0);
}

/** Length of an ID3v2.4 tag appended at the end, from its 10-byte footer ("3DI"); 0 when none. */
export function appendedId3v2Length(footer: Uint8Array): number {
  if (footer.length < ID3V2_HEADER || !ascii(footer, 0, '3DI')) return 0;
  const size = syncsafe(footer, 6);
  return size === null ? 0 : 2 * ID3V2_HEADER + size;
}

/** Length of ID3v1 (+ "TAG+") given the last 128 bytes and the 227 before them; 0 when none. */
export function id3v1Length(last: Uint8Array, before: Uint8Array): number {
  if (last.length < ID3V1_LENGTH || !ascii(last, 0, 'TAG')) return 0;
  const extended = before.length >= ID3V1_EXTENDED_LENGTH && ascii(before, 0, 'TAG+');
  return ID3V1_LENGTH + (extended ? ID3V1_EXTENDED_LENGTH : 0);
}

/** Length of the APEv2 tag whose 32-byte footer is `footer`, header included; 0 when none. */
export function apeLength(footer: Uint8Array): number {
  if (footer.length < APE_FOOTER_LENGTH || !ascii(footer, 0, 'APETAGEX')) return 0;
  const view = new DataView(footer.buffer, footer.byteOffset, footer.byteLength);
  const size = view.getUint32(12, true); // items + footer, not the header
  const flags = view.getUint32(20, true);
  return size + (flags & APE_HAS_HEADER ? APE_FOOTER_LENGTH : 0);
}

/** Length of a Lyrics3 v2 block from its 15-byte trailer (6-digit size, "LYRICS200"); 0 when none. */
export function lyrics3Length(trailer: Uint8Array): number {
  if (trailer.length < LYRICS3_TRAILER_LENGTH || !ascii(trailer, 6, 'LYRICS200')) return 0;
  const digits = String.fromCharCode(...trailer.subarray(0, 6));
  return /^\d{6}$/.test(digits) ? Number(digits) + LYRICS3_TRAILER_LENGTH : 0;
}

/** How far each trailing tag reaches back from the end, read through `readTail(bytesFromEnd, length)`. */
export async function trailingTagsLength(
  fileLength: number,
  readTail: (bytesFromEnd: number, length: number) => Promise<Uint8Array>,
): Promise<number> {
  let end = 0; // bytes of tags found so far, counted from the end of the file
  const room = () => fileLength - end;
  if (room() >= ID3V1_LENGTH) {
    const extendedRoom = Math.min(ID3V1_EXTENDED_LENGTH, room() - ID3V1_LENGTH);
    end += id3v1Length(
      await readTail(ID3V1_LENGTH, ID3V1_LENGTH),
      await readTail(ID3V1_LENGTH + extendedRoom, extendedRoom),
    );
  }
  const probes: readonly [number, (bytes: Uint8Array) => number][] = [
    [APE_FOOTER_LENGTH, apeLength],
    [LYRICS3_TRAILER_LENGTH, lyrics3Length],
    [ID3V2_HEADER, appendedId3v2Length],
  ];
  for (let grew = true; grew;) {
    grew = false;
    for (const [probeLength, measure] of probes) {
      if (room() < probeLength) continue;
      const length = measure(await readTail(end + probeLength, probeLength));
      if (length > 0 && length <= room()) {
        end += length;
        grew = true;
      }
    }
  }
  return end;
}
