#!/usr/bin/python3
"""androguard's inventory of a folder, repeated in one process: the engine's cost without
interpreter start-up and imports, to set beside phonehome's warm passes (bench DetectorCpu).

Usage: /usr/bin/python3 androguard_warm.py DIR [PASSES]      (default 3)

Each pass runs androguard_inventory.inventory (permissions, class names, string count) on every
*.apk directly in DIR; prints the CPU seconds (time.process_time) and wall seconds of each pass.
"""
import logging
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from androguard_inventory import inventory  # noqa: E402


def main():
    logging.disable(logging.CRITICAL)
    folder = sys.argv[1]
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    apks = [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".apk")]
    for p in range(1, passes + 1):
        cpu, wall = time.process_time(), time.perf_counter()
        classes = sum(len(inventory(a)["classes"]) for a in apks)
        print("pass %d: %d APKs, %d classes, cpu %.2f s, wall %.2f s"
              % (p, len(apks), classes, time.process_time() - cpu, time.perf_counter() - wall), flush=True)


if __name__ == "__main__":
    main()
