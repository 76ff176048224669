// A page whose code is loaded the first time it is shown, so that the first load of the
// dashboard carries the portfolio alone. While the code loads the page shows "Loading";
// when it cannot be loaded (the server stopped), the error box offers to try again.

import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox, Loading } from './components';

export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function LazyPage(props: P) {
    const [, setReady] = useState(loaded !== null);
    const [error, setError] = useState<Error | null>(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      loading ??= load();
      loading.then(
        (component) => {
          loaded = component;
          if (live) setReady(true);
        },
        (reason: unknown) => {
          loading = null;
          if (live) setError(reason instanceof Error ? reason : new Error(String(reason)));
        },
      );
      return () => {
        live = false;
      };
    }, [attempt]);
    if (loaded) {
      const Page = loaded;
      return <Page {...props} />;
    }
    if (error) {
      return (
        <ErrorBox
          error={error}
          onRetry={() => {
            setError(null);
            setAttempt((n) => n + 1);
          }}
        />
      );
    }
    return <Loading />;
  };
}
