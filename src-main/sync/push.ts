/**
 * Pushing the outbox: batches oldest first, each one central transaction of idempotent inserts.
 * Before the call a batch is claimed in the cache file (undo in any process respects the claim);
 * after the commit resolved it is marked sent. A batch the server refuses for what it contains
 * is split in halves until the refused rows are found: those are set aside with the server's
 * reason — kept and shown, never dropped — and every other row goes through, so one poisoned
 * row no longer blocks the rows behind it.
 */
import { CentralError, type CentralClient } from '../central/centralClient';
import type { ClaimedBatch, PushBatch, SyncLedger } from './contract';

export interface PushDeps {
  client: CentralClient;
  ledger: SyncLedger;
  clock(): Date;
  onProgress?(done: number, total: number): void;
}

export interface PushOutcome {
  pushed: number;
  /** Rows this push set aside as refused. */
  refused: number;
}

/**
 * `outcome` is filled in as batches commit, so a caller whose push failed part way still knows
 * what landed (a failed sync reports it, rather than "pushed": 0).
 */
export async function pushOutbox(deps: PushDeps, size: number, outcome: PushOutcome = { pushed: 0, refused: 0 }): Promise<PushOutcome> {
  const total = deps.ledger.outboxPending();
  const pusher = new Pusher(deps, outcome);
  deps.onProgress?.(0, total);
  for (;;) {
    const batch = deps.ledger.outbox({ verdicts: size, problems: size, bookmarks: size });
    if (rowsIn(batch) === 0) return outcome;
    await pusher.send(batch);
    const done = outcome.pushed + outcome.refused;
    deps.onProgress?.(Math.min(done, total), Math.max(total, done));
  }
}

class Pusher {
  private memberConfirmed = false;

  constructor(
    private readonly deps: PushDeps,
    private readonly outcome: PushOutcome,
  ) {}

  /** Pushes `batch`; on a refusal of its contents, isolates the refused rows by halving. */
  async send(batch: PushBatch): Promise<void> {
    const { ledger, client } = this.deps;
    const claimed = ledger.claim(batch);
    const n = rowsIn(claimed);
    if (n === 0) return;
    try {
      await client.push({ verdicts: claimed.verdicts, problems: claimed.problems, bookmarks: claimed.bookmarks });
    } catch (err) {
      await this.failed(claimed, n, err);
      return;
    }
    // Only now, after the central commit: a kill before this line means pushing again, harmlessly.
    ledger.markSent(claimed);
    this.outcome.pushed += n;
  }

  private async failed(claimed: ClaimedBatch, n: number, err: unknown): Promise<void> {
    // The server answered and rolled back: nothing was committed, undo may have the rows again.
    // Otherwise (connection lost, unknown) the commit may have happened: the claim stays until
    // a later push settles it.
    if (err instanceof CentralError && err.kind !== 'offline') this.deps.ledger.release(claimed);
    if (!refusesInput(err)) throw err;
    await this.confirmMember();
    if (n === 1) {
      this.deps.ledger.setRefused(claimed, (err as CentralError).message, this.deps.clock());
      this.outcome.refused++;
      return;
    }
    const [first, second] = halves(claimed);
    await this.send(first);
    await this.send(second);
  }

  /** A disabled person's pushes are refused too, but that is about them, not about the rows. */
  private async confirmMember(): Promise<void> {
    if (this.memberConfirmed) return;
    const me = await this.deps.client.me();
    if (!me.active) {
      throw new CentralError('disabled', `account ${me.user} is not active on the central server; your unsent work is kept — ask a SpecVet admin to re-enable it`);
    }
    this.memberConfirmed = true;
  }
}

function refusesInput(err: unknown): err is CentralError {
  return err instanceof CentralError && err.kind === 'denied' && err.refusedInput;
}

export function rowsIn(b: PushBatch): number {
  return b.verdicts.length + b.problems.length + b.bookmarks.length;
}

/** The first ceil(n/2) rows in push order (verdicts, problems, bookmarks), and the rest. */
function halves(b: PushBatch): [PushBatch, PushBatch] {
  let left = Math.ceil(rowsIn(b) / 2);
  const take = <T>(rows: T[]): [T[], T[]] => {
    const k = Math.min(left, rows.length);
    left -= k;
    return [rows.slice(0, k), rows.slice(k)];
  };
  const [v1, v2] = take(b.verdicts);
  const [p1, p2] = take(b.problems);
  const [b1, b2] = take(b.bookmarks);
  return [
    { verdicts: v1, problems: p1, bookmarks: b1 },
    { verdicts: v2, problems: p2, bookmarks: b2 },
  ];
}
