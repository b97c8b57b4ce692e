import { Link } from '../../router';

/** The confirmation once a report is stored, with the way to send another. */
export function ReportThanks({ id, replayed, code, onAnother }: { id: string; replayed: boolean; code: string; onAnother: () => void }) {
  return (
    <section aria-labelledby="thanks-title" className="panel confirmation" role="status">
      <h1 id="thanks-title">Thank you: your report is stored</h1>
      <p>
        Reference <code>{id}</code>
        {replayed ? ' (this report had already arrived; it was not counted twice)' : ''}. It holds no patient or personal data and counts
        toward the denial patterns for <Link to={`/codes/${code}`}>{code}</Link>, which show once enough different billers have reported it.
      </p>
      <button type="button" className="button" onClick={onAnother}>
        Report another denial
      </button>
    </section>
  );
}
