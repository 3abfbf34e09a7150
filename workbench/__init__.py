"""Fact-check workbench: find the numbers and dates in a news draft and check them against sourced data."""

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
RULES_DIR = PROJECT_DIR / "rules"
REFERENCE_DIR = PROJECT_DIR / "reference_data"
SAMPLES_DIR = PROJECT_DIR / "samples"


def rules_dir() -> Path:
    """The rules folder: $WORKBENCH_RULES_DIR if set, else rules/ in the project."""
    return Path(os.environ.get("WORKBENCH_RULES_DIR") or RULES_DIR)


def reference_dir() -> Path:
    """The reference data folder: $WORKBENCH_REFERENCE_DIR if set, else reference_data/ in the project."""
    return Path(os.environ.get("WORKBENCH_REFERENCE_DIR") or REFERENCE_DIR)
