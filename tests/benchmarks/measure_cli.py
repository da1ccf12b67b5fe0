#!/usr/bin/env python3
"""Runs tasklanes-cli on N zero-duration tasks (limit 8), or with `--open FILE` on a recorded run
(`measure_cli.py CLI --open FILE`), and prints its wall time in seconds and its peak resident set
size in MB, measured by the kernel (getrusage of the child)."""
import os
import resource
import subprocess
import sys
import tempfile
import time


def measure(args):
    start = time.perf_counter()
    proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"tasklanes-cli failed ({proc.returncode}): {proc.stderr.decode()[:500]}")
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    print(f"{elapsed:.3f} {rss_mb:.1f}")


def main():
    cli = sys.argv[1]
    if sys.argv[2] == "--open":
        measure([cli, "--open", sys.argv[3], "--quiet"])
        return
    n = int(sys.argv[2])
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(",".join(["0"] * n))
        path = f.name
    try:
        measure([cli, "--durations", "@" + path, "--limit", "8", "--quiet"])
    finally:
        os.unlink(path)


if __name__ == "__main__":
    main()
