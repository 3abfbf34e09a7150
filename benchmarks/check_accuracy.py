"""Verdict accuracy on real published sentences (tests/realnews) and on each topic folder of tests/topics:
accuracy, the precision of each verdict the checker gives, and wrong "supported".

    python benchmarks/check_accuracy.py
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.reference import load_reference  # noqa: E402
from workbench.rules import load_rules  # noqa: E402
from workbench.scoring import load_entries, score_entries  # noqa: E402


def with_topics(folder: Path) -> Path:
    """A copy of the pack with the example topics added as reference_data/README.md says."""
    shutil.copytree(ROOT / "reference_data", folder, dirs_exist_ok=True)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for topic in sorted((ROOT / "tests" / "topics").iterdir()):
        shutil.copy(topic / f"{topic.name}.csv", folder)
        package["resources"].append(json.loads((topic / "resource.json").read_text(encoding="utf-8")))
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    return folder


def main() -> None:
    rules = load_rules()
    pack = load_reference()
    for name in ("dev", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8"):
        print(score_entries(load_entries(ROOT / "tests" / "realnews" / f"{name}.yaml"), pack, rules).report(
            f"real news, {name}"))
    with tempfile.TemporaryDirectory() as folder:
        topics = load_reference(with_topics(Path(folder)))
        for topic in sorted((ROOT / "tests" / "topics").iterdir()):
            print(score_entries(load_entries(topic / "claims.yaml"), topics, rules).report(f"topic {topic.name}"))


if __name__ == "__main__":
    main()
