import type { PublicEditAccuracyAnswer as PublicEditAccuracy } from '@claimflow/contracts';
import { useJson } from '../api';
import { Empty, ErrorState, Loading } from '../components/states';

const percent = (p: number | null) => (p === null ? '–' : `${Math.round(p * 100)}%`);

/** How well each ClaimFlow edit predicts what payers deny, from posted remittances (835s), all submitters together. */
export function EditAccuracyPage() {
  const result = useJson<PublicEditAccuracy>('/api/ingest/v1/edit-accuracy/public');
  return (
    <section className="edit-accuracy">
      <h1>How good are the edits?</h1>
      <p className="lead">
        When billers post the payer&apos;s remittance (X12 835) for claims ClaimFlow checked, each line&apos;s real outcome is set beside
        ClaimFlow&apos;s prediction. Figures appear only once enough different submitters stand behind them.
      </p>
      {result.state === 'loading' ? <Loading what="edit accuracy" /> : null}
      {result.state === 'error' ? (
        <ErrorState error={result.error} title="Edit accuracy could not be loaded." retry={result.reload} />
      ) : null}
      {result.state === 'ok' ? <Figures data={result.data} /> : null}
    </section>
  );
}

function Figures({ data }: { data: PublicEditAccuracy }) {
  return (
    <>
      {data.lines === null ? (
        <Empty>No figures yet: each needs remittances from at least {data.minReporters} submitters.</Empty>
      ) : (
        <p role="status">
          {data.lines} answered lines{data.denied === null ? '' : `, ${data.denied} denied by the payer`} (rounded to a multiple of{' '}
          {data.rounding}).
        </p>
      )}
      {data.byEdit.length ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>Per edit: lines it flagged and how many the payer denied</caption>
            <thead>
              <tr>
                <th scope="col">Edit</th>
                <th scope="col">Flagged</th>
                <th scope="col">Payer denied</th>
                <th scope="col">Precision</th>
              </tr>
            </thead>
            <tbody>
              {data.byEdit.map((r) => (
                <tr key={r.edit}>
                  <th scope="row">{r.edit}</th>
                  <td>{r.flagged}</td>
                  <td>{r.denied}</td>
                  <td>{percent(r.precision)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data.missed.byReason.length ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>What ClaimFlow missed: lines it passed clean that the payer denied, by reason code</caption>
            <thead>
              <tr>
                <th scope="col">Reason (CARC)</th>
                <th scope="col">Lines</th>
              </tr>
            </thead>
            <tbody>
              {data.missed.byReason.map((r) => (
                <tr key={r.reason}>
                  <th scope="row">{r.reason}</th>
                  <td>{r.lines}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
