"""Length of the share link payload (the text after `#code=`) of each examples/*.py app, per encoding.

    python3 bench/share_links.py --lz-string /tmp/lz/node_modules [--corpus /path/to/gradio/demo]

Compares, on the same JSON document that a v1 link carries:
- v1 as `build.py share` writes it (zlib raw deflate, level 9, base64url) and as the editor writes it
  (the browser's CompressionStream("deflate-raw"), here Node's, which is the same zlib at its default level);
- zopfli raw deflate (when the `zopfli` package is installed);
- a preset dictionary (zlib `zdict`) of the lines most Gradio apps share, built from a corpus of other apps
  (`--corpus`, e.g. Gradio's demo/ folder: never the examples measured);
- lz-string's compressToEncodedURIComponent, what Shinylive links use (`--lz-string`: a node_modules
  folder holding lz-string; it is not a dependency of wasmblocks).
Prints a Markdown table (docs/publishing.md keeps the last one).
"""

from __future__ import annotations

import argparse
import base64
import collections
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

from wasmblocks_build.share import encode_payload  # noqa: E402 - after the sys.path line

NODE_SCRIPT = """
const LZString = require("lz-string");
const docs = JSON.parse(require("fs").readFileSync(0, "utf8"));
(async () => {
  const out = {};
  for (const [name, json] of Object.entries(docs)) {
    const stream = new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    const bytes = Buffer.from(await new Response(stream).arrayBuffer());
    out[name] = { lz: LZString.compressToEncodedURIComponent(json).length, stream: bytes.toString("base64url").length };
  }
  console.log(JSON.stringify(out));
})();
"""


def b64len(data: bytes) -> int:
    return len(base64.urlsafe_b64encode(data).rstrip(b"="))


def deflate(data: bytes, zdict: bytes | None = None) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, **({"zdict": zdict} if zdict else {}))
    return packer.compress(data) + packer.flush()


def corpus_dictionary(corpus: Path, size: int = 2048) -> bytes:
    """The lines (as JSON-escaped text) found in the most apps of the corpus, commonest last, up to size bytes."""
    counts: collections.Counter[str] = collections.Counter()
    for run in corpus.glob("*/run.py"):
        text = json.dumps(run.read_text(errors="replace"), ensure_ascii=False)[1:-1]
        counts.update({line for line in text.split("\\n") if 4 <= len(line) <= 80})
    picked, total = [], 0
    for line, count in counts.most_common():
        if count < 8 or total + len(line) + 2 > size:
            break
        picked.append(line + "\\n")
        total += len(line) + 2
    body = "".join(reversed(picked))
    return ('{"v":1,"entrypoint":"app.py","files":{"app.py":"' + body + '"},"requirements":[]}').encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lz-string", type=Path, required=True, help="a node_modules folder with lz-string")
    parser.add_argument("--corpus", type=Path, help="a folder of other Gradio apps (*/run.py) for the dictionary")
    args = parser.parse_args()
    docs = {}
    for path in sorted((ROOT / "examples").glob("*.py")):
        files = {path.name: path.read_text(encoding="utf-8")}
        doc = {"v": 1, "entrypoint": path.name, "files": files, "requirements": []}
        docs[path.name] = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    env = {**os.environ, "NODE_PATH": str(args.lz_string)}
    node = json.loads(subprocess.run(["node", "-e", NODE_SCRIPT], input=json.dumps(docs), capture_output=True,
                                     text=True, check=True, env=env).stdout)
    try:
        from zopfli import zopfli  # zlib container: 2 header bytes, 4 checksum bytes around raw deflate
    except ImportError:
        zopfli = None
    zdict = corpus_dictionary(args.corpus) if args.corpus else None
    head = ["app", "source", "v1 (share)", "v1 (editor)", "zopfli", "dictionary", "lz-string", "v1 / lz-string"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    totals = collections.Counter()
    for name, text in docs.items():
        data = text.encode("utf-8")
        row = {
            "source": len(data),
            "v1 (share)": len(encode_payload(json.loads(text)["files"], name)),
            "v1 (editor)": node[name]["stream"],
            "zopfli": b64len(zopfli.compress(data, numiterations=50)[2:-4]) if zopfli else 0,
            "dictionary": b64len(deflate(data, zdict)) if zdict else 0,
            "lz-string": node[name]["lz"],
        }
        totals.update(row)
        cells = [f"{row[k]:,}" if row[k] else "–" for k in head[1:-1]]
        print(f"| {name} | " + " | ".join(cells) + f" | {row['v1 (share)'] / row['lz-string']:.2f} |")
    cells = [f"{totals[k]:,}" if totals[k] else "–" for k in head[1:-1]]
    print("| **all** | " + " | ".join(cells) + f" | {totals['v1 (share)'] / totals['lz-string']:.2f} |")


if __name__ == "__main__":
    main()
