/** `--in-place` redaction and the recovery of an interrupted run (see redact.ts and journal.ts). */
export { pendingJournal, recoverInPlace, redactPcmInPlace, type InPlaceRedaction } from './redact.js';
export { journalPath } from './journal.js';
