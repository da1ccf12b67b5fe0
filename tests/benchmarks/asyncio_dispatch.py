#!/usr/bin/env python3
"""The article's approach to a limited batch, for comparison with the engine: asyncio.gather over
coroutines that take an asyncio.Semaphore(8) and run a zero-duration function through
loop.run_in_executor. Prints microseconds per task (best of three)."""
import asyncio
import sys
import time


def work():
    return 0


async def call(sem, loop):
    async with sem:
        return await loop.run_in_executor(None, work)


async def batch(n, limit):
    sem = asyncio.Semaphore(limit)
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    results = await asyncio.gather(*[call(sem, loop) for _ in range(n)])
    elapsed = time.perf_counter() - start
    assert len(results) == n
    return elapsed


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    best = min(asyncio.run(batch(n, 8)) for _ in range(3))
    print(f"{best / n * 1e6:.3f}")


if __name__ == "__main__":
    main()
