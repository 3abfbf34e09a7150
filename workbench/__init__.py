"""Fact-check workbench: find the numbers and dates in a news draft and check them against sourced data."""

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
RULES_DIR = PROJECT_DIR / "rules"
REFERENCE_DIR = PROJECT_DIR / "reference_data"
SAMPLES_DIR = PROJECT_DIR / "samples"
