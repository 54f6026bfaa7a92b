"""Reproducible extraction of the tiltak catalogue from seed 003.

Seed 003 is an OCR'd spreadsheet export laid out column by column (143 rows).
The structure (18 column blocks, the blank-line row signature, the empty-cell
rule, the OCR damage) is described in shared/notes/seed003-structure.md.

    python -m tools.seed003 SEED_PATH [OUT_DIR]    # drafts, default build/drafts
    python -m tools.seed003.scrub SEED_PATH OUT     # the scrubbed test fixture
"""
