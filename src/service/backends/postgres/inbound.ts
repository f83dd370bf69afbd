/** Inbound events already acted on, in PostgreSQL: the primary key makes a replay a no-op. */
import type pg from 'pg';
import type { InboundEventLog } from '../../backend.js';

export const INBOUND_DDL = (schema: string): string => `
CREATE TABLE IF NOT EXISTS ${schema}.hush_inbound_events (
  source text NOT NULL,
  event_id text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (source, event_id)
);
`;

export class PostgresInboundEventLog implements InboundEventLog {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {}

  async firstSeen(source: string, eventId: string, at: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO ${this.schema}.hush_inbound_events (source, event_id, at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [source, eventId, at],
    );
    return rowCount === 1;
  }
}
