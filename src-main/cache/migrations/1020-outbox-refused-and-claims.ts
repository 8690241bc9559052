/**
 * Two outbox states that must outlive the process that set them:
 * - `refused`: the central server refused the row (its data, or a spectrum no longer the
 *   person's); it is set aside with the server's one-line reason — kept, shown, not pushed
 *   again until the person asks (or edits it) — so it cannot block the rows behind it.
 * - `verdict_sending`: a push handed the verdict to the server and its outcome is not known
 *   yet. Undo refuses such a verdict in every process: it may already be committed centrally.
 *   A claim is dropped when the push committed (the verdict is then pushed) or the server
 *   rolled it back; a claim left by a killed process stays until the next push settles it.
 */
import type { Migration } from './types';

export const migration1020: Migration = {
  version: 1020,
  name: 'outbox-refused-and-claims',
  sql: `
    ALTER TABLE verdict ADD COLUMN refused TEXT;
    ALTER TABLE verdict ADD COLUMN refused_at TEXT;
    ALTER TABLE problem ADD COLUMN refused TEXT;
    ALTER TABLE problem ADD COLUMN refused_at TEXT;
    ALTER TABLE bookmark ADD COLUMN refused TEXT;
    ALTER TABLE bookmark ADD COLUMN refused_at TEXT;

    -- One row per verdict per push attempt that may have reached the server.
    CREATE TABLE verdict_sending (
      verdict_id TEXT NOT NULL,
      claim TEXT NOT NULL,
      since TEXT NOT NULL,
      PRIMARY KEY (verdict_id, claim)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX verdict_sending_by_claim ON verdict_sending (claim);

    -- Once central has the verdict (a push resolved, or a pull confirmed it) no claim matters.
    CREATE TRIGGER verdict_sent AFTER UPDATE OF pushed ON verdict
    WHEN new.pushed = 1 AND old.pushed = 0
    BEGIN
      DELETE FROM verdict_sending WHERE verdict_id = new.id;
    END;
  `,
};
