// Which of the site's files code from a share link may read (docs/security.md), and the one place where a
// requested URL is decoded. The sandboxed worker asks the hosting page for files by URL (sandbox-host.ts);
// static servers decode percent-escapes before they resolve a path, so a check on the encoded text
// misses `assets/..%2f..%2fsecret.txt`. Here each path segment is decoded exactly once and refused when
// the result could mean something else to any server: a separator (%2F, %5C), a dot segment or a leading
// dot (`..`, `..;`, `.git`), a percent sign (double encoding, IIS `%u`), a control character, or a
// character that Unicode normalisation (NFKC) turns into one of those (fullwidth `．`, `／`).

/** Readable by shared code on every site: the runtime the sandboxed worker boots from, nothing else. */
export const RUNTIME_FILES: readonly string[] = ["runtime.json", "assets/", "pyodide/", "wheels/", "snapshot/"];

export type Verdict = { ok: true; path: string; url: URL } | { ok: false; reason: string };

const refuse = (reason: string): Verdict => ({ ok: false, reason });

/** Why one decoded path segment is unsafe, or null. */
function badSegment(segment: string): string | null {
  if (segment === "") return "an empty path segment";
  const forms = [segment, segment.normalize("NFKC")];
  if (forms.some((s) => s.startsWith("."))) return "a dot segment or a name starting with a dot";
  if (forms.some((s) => /[/\\]/.test(s))) return "an encoded path separator";
  if (forms.some((s) => s.includes("%"))) return "a percent sign after decoding (double encoding)";
  if (/[\u0000-\u001f\u007f]/.test(segment)) return "a control character";
  return null;
}

/** The segments of a URL path, each decoded once and checked; a string is the reason to refuse. */
function decodedSegments(pathname: string): string[] | string {
  const segments: string[] = [];
  for (const raw of pathname.split("/").slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return "malformed percent-encoding";
    }
    const bad = badSegment(segment);
    if (bad) return bad;
    segments.push(segment);
  }
  return segments;
}

/**
 * The site-relative path that `requested` names below `base` (a folder URL ending in "/"), and the URL to
 * fetch for it (rebuilt from the decoded segments, so what is fetched is what was checked); or why not.
 */
export function sitePath(requested: unknown, base: URL): Verdict {
  if (typeof requested !== "string") return refuse("not a URL");
  // The URL parser turns "\" into "/" and drops tabs and newlines: refuse them before it can.
  if (/[\\\u0000-\u001f\u007f]/.test(requested)) return refuse("a backslash or control character");
  let url: URL;
  try {
    url = new URL(requested);
  } catch {
    return refuse("not an absolute URL");
  }
  if (url.origin !== base.origin) return refuse("another origin");
  if (url.username || url.password) return refuse("credentials in the URL");
  const segments = decodedSegments(url.pathname);
  if (typeof segments === "string") return refuse(segments);
  const baseSegments = base.pathname.split("/").slice(1, -1).map((s) => decodeURIComponent(s));
  const inside = baseSegments.length < segments.length && baseSegments.every((s, i) => segments[i] === s);
  if (!inside) return refuse("outside the site's folder");
  const rest = segments.slice(baseSegments.length);
  return { ok: true, path: rest.join("/"), url: new URL(rest.map(encodeURIComponent).join("/"), base) };
}

/** Whether a site-relative path is one of `readable`: a file ("notes.txt") or below a folder ("data/"). */
export function isReadable(path: string, readable: readonly string[]): boolean {
  return readable.some((entry) => (entry.endsWith("/") ? path.startsWith(entry) && path.length > entry.length : path === entry));
}

/** The host's opt-ins from runtime.json's "share_readable" (written by `export --share-readable`); bad ones dropped. */
export function optIns(info: unknown): string[] {
  const list = (info as { share_readable?: unknown } | null)?.share_readable;
  if (!Array.isArray(list)) return [];
  return list.filter((entry): entry is string => {
    if (typeof entry !== "string" || entry === "" || entry.startsWith("/")) return false;
    const parts = (entry.endsWith("/") ? entry.slice(0, -1) : entry).split("/");
    return parts.every((p) => badSegment(p) === null && !/[\\%]/.test(p));
  });
}
