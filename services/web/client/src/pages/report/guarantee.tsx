import { useJson } from '../../api';

/** The anonymity promise, in the words of the feedback service itself. */
export function Guarantee() {
  const status = useJson<{ guarantee: string }>('/api/feedback/v1/denial-patterns/publication');
  return status.state === 'ok' ? (
    <p className="guarantee" data-testid="guarantee">
      {status.data.guarantee}
    </p>
  ) : null;
}
