/** Inbound events already acted on, keyed by source and the source's event id. */
import type Database from 'better-sqlite3';
import type { InboundEventLog } from '../../backend.js';
import { toMs } from './sql.js';

export class SqliteInboundEventLog implements InboundEventLog {
  constructor(private readonly db: Database.Database) {}

  async firstSeen(source: string, eventId: string, at: string): Promise<boolean> {
    const inserted = this.db
      .prepare(
        'INSERT INTO inbound_events (source, event_id, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(source, eventId, toMs(at, 'at'));
    return inserted.changes === 1;
  }
}
