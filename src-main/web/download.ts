/**
 * The web edition's export (POST /api/exportCatalogue, behind the same Host/Origin and secret
 * checks as every API call): the catalogue is written to a temporary file by the same writer
 * as Electron's and the CLI's (a FITS header is finished only when the row count is known),
 * then streamed to the browser as an attachment and removed. A failure before the first byte
 * is the usual one-line JSON error; the browser keeps nothing of it.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { exportFileName, type ExportInput } from '../../shared/desk';
import type { WriteCatalogue } from '../app/exportHandlers';
import { SAFETY_HEADERS } from './reply';

const TYPES = { csv: 'text/csv; charset=utf-8', fits: 'application/fits' } as const;

export async function sendCatalogue(input: ExportInput, res: ServerResponse, write: WriteCatalogue): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'specvet-export-'));
  try {
    const name = exportFileName(input);
    const file = join(dir, name);
    const rows = await write(input, file);
    res.writeHead(200, {
      ...SAFETY_HEADERS,
      'Content-Type': TYPES[input.format],
      'Content-Length': (await stat(file)).size,
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-SpecVet-Rows': String(rows),
      'Cache-Control': 'no-store',
    });
    await pipeline(createReadStream(file), res);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
