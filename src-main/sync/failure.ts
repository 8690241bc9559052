/**
 * Turns whatever stopped a sync into the one line the person reads, and says whether trying
 * again later could help (offline) or they must act first (password, account, app version).
 */
import { CentralError } from '../central/centralClient';
import { nodeName, type NodeAddress } from '../../shared/centralUrl';

/** The server as the offline line names it: its node, or every listed node of a cluster. */
export interface ServerName extends NodeAddress {
  nodes?: readonly NodeAddress[];
}

export interface SyncFailure {
  kind: CentralError['kind'] | 'failed';
  message: string;
  /** Worth retrying on its own (the background helper backs off and tries again). */
  transient: boolean;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_CON_COUNT_ERROR', 'ECONNABORTED',
]);

export function offlineMessage(server: ServerName): string {
  const names = server.nodes && server.nodes.length > 1 ? `any of ${server.nodes.map(nodeName).join(', ')}` : nodeName(server);
  return `offline: cannot reach ${names}; your work is kept and will be pushed on the next sync`;
}

export function describeFailure(err: unknown, server: ServerName): SyncFailure {
  if (err instanceof CentralError) {
    if (err.kind === 'offline') return { kind: 'offline', message: offlineMessage(server), transient: true };
    if (err.kind === 'busy') return { kind: 'busy', message: firstLine(err.message), transient: true };
    return { kind: err.kind, message: firstLine(err.message), transient: false };
  }
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return { kind: 'offline', message: offlineMessage(server), transient: true };
  const text = err instanceof Error ? err.message : String(err);
  return { kind: 'failed', message: `sync failed: ${firstLine(text)}; your work is kept (run with --debug for details)`, transient: true };
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0] ?? '';
}
