// Components whose code is a chunk of its own, fetched the first time an app uses one (Chatbot, Dataframe,
// …): most apps never do, and the page bundle stays small. The registry entry's component stands in: it
// draws an empty box of the component's kind, fetches the code, then renders the real component. The page
// starts fetching every such chunk an app's tree needs as soon as the tree arrives (preloadTypes).

import { useLayoutEffect, useReducer, useState } from "preact/hooks";
import type { BlockComponent, ComponentProps } from "./types";
import "./lazy.css";

export interface LazyComponent {
  component: BlockComponent;
  preload(): Promise<void>;
}

export function lazyComponent(name: string, load: () => Promise<BlockComponent>): LazyComponent {
  let real: BlockComponent | null = null;
  let loading: Promise<void> | null = null;
  const preload = (): Promise<void> =>
    (loading ??= load().then(
      (component) => void (real = component),
      (err) => {
        loading = null; // a later render tries again (the network may be back)
        throw err;
      },
    ));

  function Lazy(props: ComponentProps) {
    const [, loaded] = useReducer((n: number) => n + 1, 0);
    const [error, setError] = useState<string | null>(null);
    const Real = real;
    // Drew the stand-in: wait for the code (it may have arrived since; then this re-renders at once).
    useLayoutEffect(() => {
      if (Real) return;
      let live = true;
      preload().then(
        () => live && loaded(0),
        (err) => live && setError(String(err?.message ?? err)),
      );
      return () => void (live = false);
    }, [Real]);
    if (Real) return <Real {...props} />;
    if (error) return <div class="wb-lazy-error" role="alert">Could not load the {name} component: {error}</div>;
    return <div class="wb-lazy" aria-busy="true" />;
  }
  Lazy.displayName = `Lazy(${name})`;
  return { component: Lazy, preload };
}
