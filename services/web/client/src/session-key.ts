import { useCallback, useState } from 'react';

/**
 * An API key kept for this browser session only, under `name`: sessionStorage (gone when the tab or browser
 * closes), never the URL, a cookie or localStorage. Callers send it as Authorization: Bearer.
 */
export function useSessionKey(name: string) {
  const [key, setKey] = useState<string | null>(() => {
    try {
      return sessionStorage.getItem(name);
    } catch {
      return null;
    }
  });
  const signIn = useCallback(
    (value: string) => {
      try {
        sessionStorage.setItem(name, value);
      } catch {
        // Storage refused (private mode): the key then lives in memory for this page only.
      }
      setKey(value);
    },
    [name],
  );
  const signOut = useCallback(() => {
    try {
      sessionStorage.removeItem(name);
    } catch {
      // nothing stored
    }
    setKey(null);
  }, [name]);
  return { key, signIn, signOut };
}

export type SessionKey = ReturnType<typeof useSessionKey>;
