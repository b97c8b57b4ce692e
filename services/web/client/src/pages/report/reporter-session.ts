import { useSessionKey } from '../../session-key';

/** The biller's reporter key, kept for this browser session only (see useSessionKey). Sent as Authorization: Bearer. */
export function useReporterSession() {
  return useSessionKey('claimflow.reporterKey');
}
