/**
 * Which node of a cluster to use (issue 16, finding 13): the listed nodes in order, the first
 * that answers and can serve. A node that is down, refuses connections, or is cut off from the
 * cluster's primary component (Galera's 1047) is skipped; anything else — a wrong password, a
 * disabled account, a missing schema — is the same answer on every node and stops the search.
 */
import type { Connection } from 'mysql2/promise';
import type { NodeAddress } from '../../shared/centralUrl';
import type { CentralLogin } from './centralClient';
import { connect } from './connection';
import { isNetworkError } from './mysqlErrors';

export interface PickedNode {
  node: NodeAddress;
  /** Listed before `node` and did not answer. */
  skipped: NodeAddress[];
  /** `@@wsrep_on`: a Galera node. */
  cluster: boolean;
}

export function loginNodes(login: CentralLogin): readonly NodeAddress[] {
  return login.nodes && login.nodes.length > 0 ? login.nodes : [{ host: login.host, port: login.port }];
}

export async function pickNode(login: CentralLogin): Promise<PickedNode> {
  const skipped: NodeAddress[] = [];
  let lastFailure: unknown = null;
  for (const node of loginNodes(login)) {
    let c: Connection | null = null;
    try {
      c = await connect({ ...login, host: node.host, port: node.port });
      const cluster = await wsrepOn(c);
      // A Galera node outside the primary component accepts logins but refuses reads (1047).
      if (cluster) await c.query('SELECT 1 FROM schema_version LIMIT 1');
      return { node, skipped, cluster };
    } catch (err) {
      if (!isNetworkError(err)) throw err;
      skipped.push(node);
      lastFailure = err;
    } finally {
      await c?.end().catch(() => {});
    }
  }
  throw lastFailure;
}

/** MySQL has no @@wsrep_on (1193): not a Galera node. */
async function wsrepOn(c: Connection): Promise<boolean> {
  try {
    const [rows] = await c.query('SELECT @@wsrep_on AS w');
    return Number((rows as { w: unknown }[])[0]?.w) === 1;
  } catch (err) {
    if (isNetworkError(err)) throw err;
    return false;
  }
}
