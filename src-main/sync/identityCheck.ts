/**
 * A cache belongs to one central database. Its identity (`central_identity`, migration 1150) is
 * recorded at the first sync; a later sync that reaches a database with another identity — the
 * address now points at a reinstalled or different SpecVet database — pushes and pulls nothing:
 * this cache's revisions and outbox mean nothing there, and its unsent work must not land in the
 * wrong catalogue.
 */
import { CentralError, type ServerInfo } from '../central/centralClient';
import { nodeName } from '../../shared/centralUrl';
import type { SyncLedger } from './contract';

const META_KEY = 'centralIdentity';

export function checkIdentity(ledger: SyncLedger, server: ServerInfo): void {
  const known = ledger.meta(META_KEY);
  if (known === null) {
    ledger.putMeta(META_KEY, server.databaseId);
    return;
  }
  if (known === server.databaseId) return;
  const unsent = ledger.outboxPending();
  throw new CentralError(
    'wrong-database',
    `${nodeName(server.node)} is now another SpecVet database (${short(server.databaseId)}, this cache's is ${short(known)}); ` +
      `nothing was sent and your ${unsent} unsent change${unsent === 1 ? ' is' : 's are'} kept here — ask an admin whether it was replaced, then sign in again to work on it`,
  );
}

const short = (id: string) => id.slice(0, 8);
