#!/usr/bin/env python3
"""Start the ERP: `python run.py --help` lists the commands."""
from core.cli import run

if __name__ == "__main__":
    run()
