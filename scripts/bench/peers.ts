/**
 * The peer libraries as a speed benchmark uses them: each redacts one turn's text at a time, with
 * its default settings, through its plain redaction call (no result mapping, so only the library's
 * own work is timed).
 */
import { readFileSync } from 'node:fs';

export interface SpeedPeer {
  name: string;
  version: string;
  redact(text: string): unknown;
}

function versionOf(packageName: string): string {
  const url = new URL(`../../node_modules/${packageName}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

export async function loadSpeedPeers(): Promise<SpeedPeer[]> {
  const { SyncRedactor } = await import('redact-pii');
  const { OpenRedaction } = await import('openredaction');
  const { Redactor } = await import('@redactpii/node');
  const redactPii = new SyncRedactor();
  const openRedaction = new OpenRedaction({ redactionMode: 'placeholder' });
  const redactpiiNode = new Redactor();
  return [
    {
      name: 'redact-pii (SyncRedactor)',
      version: versionOf('redact-pii'),
      redact: (text) => redactPii.redact(text),
    },
    {
      name: 'openredaction',
      version: versionOf('openredaction'),
      redact: (text) => openRedaction.detect(text),
    },
    {
      name: '@redactpii/node',
      version: versionOf('@redactpii/node'),
      redact: (text) => redactpiiNode.redact(text),
    },
  ];
}
