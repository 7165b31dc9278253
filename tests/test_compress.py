"""The package archive's gzip: ordinary gzip that round-trips, byte-identical across builds, and no larger
than zlib's best."""

from __future__ import annotations

import gzip

from wasmblocks_build.compress import gzip_smallest


def test_gzip_smallest_round_trips_deterministically() -> None:
    data = b"".join(f"def component_{i}(value):\n    return value * {i}\n".encode() for i in range(2000))
    packed = gzip_smallest(data)
    assert gzip.decompress(packed) == data
    assert packed == gzip_smallest(data)  # no timestamp or file name in the header
    assert len(packed) <= len(gzip.compress(data, 9, mtime=0))
