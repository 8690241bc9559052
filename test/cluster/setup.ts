/**
 * Starts the 3-node Galera cluster once for `npm run test:cluster` and hands its nodes' admin
 * URLs and process ids to the test processes (GALERA_URLS, GALERA_PIDS, comma-separated, in
 * node order); the teardown kills every node, whatever the tests did.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGaleraCluster } from '../support/galera';

export default async function setup(): Promise<() => Promise<void>> {
  const runTmp = mkdtempSync(join(tmpdir(), 'specvet-cluster-test-'));
  process.env.TMPDIR = runTmp;
  const started = Date.now();
  const cluster = await startGaleraCluster(3);
  process.stderr.write(`galera: 3 nodes up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  process.env.GALERA_URLS = cluster.nodes.map((n) => n.url).join(',');
  process.env.GALERA_PIDS = cluster.nodes.map((n) => n.pid).join(',');
  return async () => {
    await cluster.stop();
    rmSync(runTmp, { recursive: true, force: true });
  };
}
