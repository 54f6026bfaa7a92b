"""CLI: python -m tools.seed003 SEED_PATH [OUT_DIR]  (default OUT_DIR: build/drafts)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .drafts import summary, write_drafts
from .extract import extract


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.seed003",
                                     description="Extract draft tiltak records from seed 003.")
    parser.add_argument("seed", type=Path, help="the OCR'd spreadsheet export (seed 003)")
    parser.add_argument("out_dir", type=Path, nargs="?", default=Path("build/drafts"),
                        help="where to write the drafts (git-ignored; default build/drafts)")
    args = parser.parse_args(argv)
    extraction = extract(args.seed)
    written = write_drafts(extraction, args.out_dir, args.seed.name)
    print(summary(extraction))
    print(f"skrev {len(written)} utkast og index.tsv til {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
