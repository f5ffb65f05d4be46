#!/usr/bin/env python3
"""Run the benchmarks: every `bench/bench_*.py` with a `main()`, or those whose name contains ARG.

Each prints its figures as `bench: <name>: <value> <unit>`. Figures, not pass/fail tests.
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # the project, and `bench` as a package


def main(selector=""):
    for filename in sorted(os.listdir(HERE)):
        if filename.startswith("bench_") and filename.endswith(".py") and selector in filename:
            spec = importlib.util.spec_from_file_location(filename[:-3], os.path.join(HERE, filename))
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            module.main()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "")
