/**
 * A real 3-node MariaDB Galera cluster on loopback for `npm run test:cluster`: each node is a
 * throwaway mariadbd (startMariaDb's way: --no-defaults, its own temp dir, socket and ports)
 * with the wsrep provider on; the first bootstraps (--wsrep-new-cluster), the others join it.
 * The first node starts on a freshly installed data directory; the others start empty and get
 * the donor's state by rsync (Galera's default). rsync's daemon, started as root, writes as
 * `nobody`, so as root a joiner's data folder is given to `nobody` (a throwaway test dir).
 * `stop()` kills every node, also after a failed start, and the process's exit takes any node
 * still running along.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import mysql from 'mysql2/promise';
import { createServer } from 'node:net';
import { mariadbd, run, waitForSocket } from './mariadb';

export const GALERA_PROVIDER = '/usr/lib/galera/libgalera_smm.so';

export interface GaleraNode {
  /** 1, 2, 3 */
  index: number;
  port: number;
  /** Admin URL without a database: mysql://root@127.0.0.1:PORT */
  url: string;
  /** mariadbd's process id (a test in another process SIGKILLs it with this). */
  pid: number;
  /** SIGKILLs the node (a crash: no goodbye to the cluster). */
  kill(): Promise<void>;
  alive(): boolean;
}

export interface GaleraCluster {
  nodes: GaleraNode[];
  stop(): Promise<void>;
}

interface Ports {
  sql: number;
  group: number;
  ist: number;
  sst: number;
}

export async function startGaleraCluster(size = 3): Promise<GaleraCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'specvet-galera-'));
  await chmod(dir, 0o711);
  const children: ChildProcess[] = [];
  const killAll = () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  };
  const onExit = () => {
    killAll();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    killAll();
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const ports: Ports[] = [];
    for (let i = 0; i < size; i++) ports.push(await nodePorts());
    const clusterAddress = () => `gcomm://${ports.map((p) => `127.0.0.1:${p.group}`).join(',')}`;
    const nodes: GaleraNode[] = [];
    const sockets: string[] = [];
    // One at a time: a joiner needs a primary component to join.
    for (let i = 0; i < size; i++) {
      const nodeDir = join(dir, `node${i + 1}`);
      const datadir = join(nodeDir, 'data');
      if (i === 0) {
        await run('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve']);
      } else {
        await mkdir(datadir, { recursive: true });
        await chmod(nodeDir, 0o711);
        // Only root's rsync daemon changes user; anyone else's writes as themselves.
        if (process.getuid?.() === 0) {
          const nobody = await nobodyIds();
          await chown(datadir, nobody.uid, nobody.gid);
        }
      }
      let child: ChildProcess | undefined;
      // A port picked free can still be taken before the node binds it; then pick again.
      for (let attempt = 1; !child; attempt++) {
        try {
          child = await startNode(nodeDir, ports[i]!, i === 0 ? 'gcomm://' : clusterAddress(), i === 0);
        } catch (err) {
          if (attempt >= 3 || !/Address already in use/.test((err as Error).message)) throw err;
          ports[i] = await nodePorts();
        }
      }
      children.push(child);
      nodes.push(nodeHandle(i + 1, ports[i]!.sql, child));
      sockets.push(join(nodeDir, 'mysqld.sock'));
    }
    // Tests connect over TCP from 127.0.0.1; made on one node, the account replicates.
    const c = await mysql.createConnection({ socketPath: sockets[0]!, user: 'root' });
    try {
      await c.query("CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'");
      await c.query("GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION");
    } finally {
      await c.end();
    }
    for (const n of nodes) await waitForClusterSize(n.url, size);
    return { nodes, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * Four free ports for a node, below Linux's ephemeral range (32768+), so that no outgoing
 * connection on the machine takes one between the pick and the node's bind.
 */
async function nodePorts(): Promise<Ports> {
  const taken = new Set<number>();
  const pick = async (): Promise<number> => {
    for (;;) {
      const port = 20_000 + Math.floor(Math.random() * 12_000);
      if (!taken.has(port) && (await canListen(port))) return taken.add(port), port;
    }
  };
  return { sql: await pick(), group: await pick(), ist: await pick(), sst: await pick() };
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function startNode(dir: string, p: Ports, clusterAddress: string, bootstrap: boolean): Promise<ChildProcess> {
  const datadir = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  const args = [
    '--no-defaults',
    `--datadir=${datadir}`,
    `--socket=${socket}`,
    `--pid-file=${join(dir, 'mysqld.pid')}`,
    `--port=${p.sql}`,
    '--bind-address=127.0.0.1',
    '--user=root',
    '--skip-name-resolve',
    '--innodb-buffer-pool-size=64M',
    '--innodb-log-file-size=48M',
    '--innodb-flush-log-at-trx-commit=2',
    '--max-connections=300',
    `--log-error=${join(dir, 'error.log')}`,
    // Galera's requirements, as docs/central.md lists them.
    '--binlog-format=ROW',
    '--default-storage-engine=InnoDB',
    '--innodb-autoinc-lock-mode=2',
    '--wsrep-on=ON',
    `--wsrep-provider=${GALERA_PROVIDER}`,
    `--wsrep-cluster-address=${clusterAddress}`,
    '--wsrep-cluster-name=specvet_test',
    `--wsrep-node-address=127.0.0.1:${p.group}`,
    `--wsrep-node-name=node-${p.sql}`,
    '--wsrep-sst-method=rsync',
    `--wsrep-sst-receive-address=127.0.0.1:${p.sst}`,
    // A dead peer is noticed in ~3 s instead of the default 5+ s: the test waits less.
    `--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${p.group};ist.recv_addr=127.0.0.1:${p.ist};gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.install_timeout=PT6S`,
    ...(bootstrap ? ['--wsrep-new-cluster'] : []),
  ];
  const child = spawn(mariadbd(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
  try {
    await waitForSocket(socket, child, () => stderr, 120_000);
    const c = await mysql.createConnection({ socketPath: socket, user: 'root' });
    try {
      await waitSynced(c);
    } finally {
      await c.end();
    }
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${await logProblems(dirname(dir))}`);
  }
  return child;
}

async function nobodyIds(): Promise<{ uid: number; gid: number }> {
  const line = (await readFile('/etc/passwd', 'utf8')).split('\n').find((l) => l.startsWith('nobody:'));
  if (!line) throw new Error('no user "nobody" in /etc/passwd: rsync state transfer needs it');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Every node's error and state-transfer lines: a joiner's failure is often told by its donor. */
async function logProblems(clusterDir: string): Promise<string> {
  const out: string[] = [];
  for (const node of await readdir(clusterDir)) {
    const log = await readFile(join(clusterDir, node, 'error.log'), 'utf8').catch(() => '');
    const lines = log.split('\n').filter((l) => /ERROR|rsync|SST/i.test(l) && !/Running: /.test(l));
    out.push(`${node}/error.log:`, ...lines.slice(-15).map((l) => l.slice(0, 300)));
  }
  return out.join('\n');
}

function nodeHandle(index: number, port: number, child: ChildProcess): GaleraNode {
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    index,
    port,
    url: `mysql://root@127.0.0.1:${port}`,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

async function waitSynced(c: mysql.Connection): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [rows] = await c.query("SHOW STATUS LIKE 'wsrep_local_state_comment'");
    if ((rows as { Value: string }[])[0]?.Value === 'Synced') return;
    if (Date.now() > deadline) throw new Error('a Galera node did not reach Synced within 120 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until the node (admin URL or socket path) sees `size` members in its primary component. */
export async function waitForClusterSize(node: string, size: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const c = node.startsWith('mysql:') ? await mysql.createConnection(node) : await mysql.createConnection({ socketPath: node, user: 'root' });
  try {
    for (;;) {
      const [rows] = await c.query("SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_cluster_status', 'wsrep_ready')");
      const s = Object.fromEntries((rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]));
      if (Number(s.wsrep_cluster_size) === size && s.wsrep_cluster_status === 'Primary' && s.wsrep_ready === 'ON') return;
      if (Date.now() > deadline) throw new Error(`the cluster did not reach ${size} nodes within ${timeoutMs / 1000} s (${JSON.stringify(s)})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await c.end();
  }
}
