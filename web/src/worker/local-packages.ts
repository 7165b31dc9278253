// Which Pyodide packages a site serves itself (an export's lock names their files, the rest URLs on the
// package index: py/wasmblocks_build/requirements.py point_lock_at_index).

/** The part of a pyodide-lock.json entry this reads. */
export interface LockEntry {
  file_name: string;
  depends: string[];
}

/**
 * Of these Pyodide packages, those that load from the site itself with all their dependencies (their lock
 * entries name a file, not a URL): an app without an export's plan prefetches only these, so a share link
 * or the editor never starts megabytes of CDN downloads the app may not use.
 */
export function localPackages(lock: Record<string, LockEntry>, names: string[]): string[] {
  const local = (name: string, seen: Set<string>): boolean => {
    const entry = lock[name];
    if (!entry || entry.file_name.includes("://")) return false;
    if (seen.has(name)) return true;
    seen.add(name);
    return entry.depends.every((dep) => local(dep, seen));
  };
  return names.filter((name) => local(name.toLowerCase().replace(/[-_.]+/g, "-"), new Set()));
}
