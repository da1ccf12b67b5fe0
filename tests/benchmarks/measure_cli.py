#!/usr/bin/env python3
"""Runs tasklanes-cli on N zero-duration tasks (limit 8) and prints its wall time in seconds and
its peak resident set size in MB, measured by the kernel (getrusage of the child)."""
import os
import resource
import subprocess
import sys
import tempfile
import time


def main():
    cli, n = sys.argv[1], int(sys.argv[2])
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(",".join(["0"] * n))
        path = f.name
    try:
        start = time.perf_counter()
        proc = subprocess.run([cli, "--durations", "@" + path, "--limit", "8", "--quiet"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"tasklanes-cli failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
        rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
        print(f"{elapsed:.3f} {rss_mb:.1f}")
    finally:
        os.unlink(path)


if __name__ == "__main__":
    main()
