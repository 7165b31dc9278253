// Running another app on a worker that already runs one (the editor's preview, mount().run()).

import type { Connection } from "../client/connection";

/**
 * A view of `conn` that forwards posts only while it belongs to the newest app started on `conn`:
 * once a `run` replaced the app, the old dispatcher's timers and pending chains send nothing.
 */
export function currentOnly(conn: Connection): Connection {
  const holder = conn as Connection & { __wbRun?: number };
  const token = (holder.__wbRun = (holder.__wbRun ?? 0) + 1);
  const view = Object.create(conn) as Connection;
  view.isCurrent = () => holder.__wbRun === token && conn.isCurrent();
  view.post = (message, transfer) => {
    if (view.isCurrent()) conn.post(message, transfer);
  };
  return view;
}
