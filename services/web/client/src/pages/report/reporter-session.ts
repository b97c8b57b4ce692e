import { useCallback, useState } from 'react';

const KEY = 'claimflow.reporterKey';

/**
 * The biller's reporter key, kept for this browser session only: sessionStorage (gone when the tab
 * or browser closes), never the URL, a cookie or localStorage. Sent as Authorization: Bearer.
 */
function read(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function useReporterSession() {
  const [key, setKey] = useState<string | null>(read);
  const signIn = useCallback((value: string) => {
    try {
      sessionStorage.setItem(KEY, value);
    } catch {
      // Storage refused (private mode): the key then lives in memory for this page only.
    }
    setKey(value);
  }, []);
  const signOut = useCallback(() => {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // nothing stored
    }
    setKey(null);
  }, []);
  return { key, signIn, signOut };
}
