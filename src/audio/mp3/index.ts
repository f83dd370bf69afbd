/** MP3 redaction without re-encoding: recognise, describe, silence. */
export { looksLikeMp3, readMp3Info, type Mp3Info } from './info.js';
export { redactMp3, type Mp3Redaction } from './redact.js';
