/**
 * One spectrum's story on the trace screen: where it was observed and what the pipelines made
 * of it, the assistant's fit from the local copy, then its history — batches, every verdict
 * and recheck with who and when, problem reports on its fibre — and the state it is in.
 */
import type { DeskTrace } from '../../shared/desk';
import { TableHead } from './DeskTable';
import { TraceFit } from './TraceFit';

const num = (v: number | null, digits = 2) => (v === null ? '—' : v.toFixed(digits));
const when = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');

export function TraceStory({ story: t }: { story: DeskTrace }) {
  return (
    <div className="trace-story" data-testid="trace-story">
      <p className="trace-head">
        <strong>{t.obsid}</strong> · {t.designation ?? 'no designation (no target row)'} · {t.planid} sp{t.spid}-{t.fiberid} · lmjd {t.lmjd} ·{' '}
        <span className="trace-state" data-testid="trace-state">
          {t.state}
          {t.problemReported ? ', problem reported' : ''}
        </span>{' '}
        <span className="hint">{t.at ? `as it stood at ${when(t.at)}` : 'now'}</span>
      </p>
      <Facts t={t} />
      <History t={t} />
    </div>
  );
}

function Facts({ t }: { t: DeskTrace }) {
  const r1 = t.result1d;
  return (
    <dl className="trace-facts">
      <dt>target</dt>
      <dd>
        {t.target
          ? `${t.target.objtype} from ${t.target.tsource} (${t.target.fibertype}) · ra ${t.target.ra.toFixed(5)} dec ${t.target.dec.toFixed(5)} · g ${num(t.target.mag.g)} r ${num(t.target.mag.r)} i ${num(t.target.mag.i)}`
          : 'no target row'}
      </dd>
      <dt>plan</dt>
      <dd>{t.plan ? `${t.plan.obsdate} · seeing ${num(t.plan.seeing)}″ · moon ${num(t.plan.moon)}` : 'no plan row'}</dd>
      <dt>2D</dt>
      <dd>{t.result2d ? `${t.result2d.version} · S/N u ${num(t.result2d.snr.u, 1)} g ${num(t.result2d.snr.g, 1)} r ${num(t.result2d.snr.r, 1)} i ${num(t.result2d.snr.i, 1)} z ${num(t.result2d.snr.z, 1)}` : 'no 2D row'}</dd>
      <dt>1D</dt>
      <dd>
        {r1.version} · {r1.class} {r1.subclass} z={r1.z.toFixed(4)} ± {r1.zErr.toFixed(4)}
      </dd>
      <dt>assistant</dt>
      <TraceFit obsid={t.obsid} />
    </dl>
  );
}

function History({ t }: { t: DeskTrace }) {
  const answers = [
    ...t.verdicts.map((v) => ({ id: v.id, at: v.createdAt, who: v.reviewer, what: 'verdict', class: v.class, subclass: v.subclass, z: v.z, quality: v.quality, note: [v.flags.join(', '), v.comment].filter(Boolean).join(' · ') })),
    ...t.rechecks.map((r) => ({ id: r.id, at: r.createdAt, who: r.coordinator, what: 'recheck', class: r.class, subclass: r.subclass, z: r.z, quality: r.quality, note: r.comment })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <>
      <h2>batches</h2>
      {t.batches.length === 0 ? (
        <p className="hint">in no batch{t.at ? ' then' : ''}</p>
      ) : (
        <p data-testid="trace-batches">{t.batches.map((b) => `${b.name} (${b.assignee}, ${b.mode}, ${b.state}, since ${when(b.createdAt)})`).join(' · ')}</p>
      )}
      <h2>verdicts and rechecks</h2>
      {answers.length === 0 ? (
        <p className="hint">none{t.at ? ' then' : ''}</p>
      ) : (
        <table>
          <TableHead columns={['when', 'who', '', 'class', 'subclass', 'z', 'quality', 'flags · comment']} />
          <tbody>
            {answers.map((a) => (
              <tr key={a.id} data-testid={`trace-${a.what}`}>
                <td>{when(a.at)}</td>
                <td>{a.who}</td>
                <td>{a.what}</td>
                <td>{a.class}</td>
                <td>{a.subclass || '—'}</td>
                <td>{a.z.toFixed(4)}</td>
                <td>{a.quality}</td>
                <td>{a.note || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>problem reports on its fibre</h2>
      {t.problems.length === 0 ? (
        <p className="hint">none{t.at ? ' then' : ''}</p>
      ) : (
        <table>
          <TableHead columns={['reported', 'by', 'fibres', 'type', 'state', 'note']} />
          <tbody>
            {t.problems.map((p) => (
              <tr key={p.id} data-testid="trace-problem">
                <td>{when(p.createdAt)}</td>
                <td>{p.reporter}</td>
                <td>
                  {p.fiberFrom}–{p.fiberTo}
                </td>
                <td title={p.text}>{p.type}</td>
                <td>{p.stateAt}</td>
                <td>{p.handledAt !== null && (t.at === null || p.handledAt <= t.at) ? (p.note ?? '—') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
