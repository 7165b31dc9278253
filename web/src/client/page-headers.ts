// gr.Request.headers without a server: what this page can tell of the request a server would have had.
// Apps read user-agent (device checks), accept-language, host/origin (links back to the app) and referer.
// web/pages/index.html builds the same object inline, before any bundle has loaded.

/** The page's stand-ins for request headers, by lower-case name (an empty referer is left out). */
export function pageHeaders(): Record<string, string> {
  const headers: Record<string, string> = {
    "user-agent": navigator.userAgent,
    "accept-language": [...navigator.languages].join(","),
    host: location.host,
    origin: location.origin,
  };
  if (document.referrer) headers.referer = document.referrer;
  return headers;
}
