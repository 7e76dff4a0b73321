import { useEffect, useState } from 'react';
import { session } from '../api/client';

/** Re-renders on sign-in/sign-out; `ready` once a refresh token from this tab has been tried. */
export function useSession() {
  const [signedIn, setSignedIn] = useState(session.signedIn);
  const [ready, setReady] = useState(session.signedIn);
  useEffect(() => {
    const off = session.onChange(setSignedIn);
    if (!ready) {
      void session.resume().finally(() => {
        setSignedIn(session.signedIn);
        setReady(true);
      });
    }
    return () => {
      off();
    };
  }, [ready]);
  return { signedIn, ready, expired: session.expired };
}
