"""The validated reference pack, rules and vocabulary, compiled once and kept between runs.

Validating the pack takes pandas and Frictionless, slower to import than a whole draft takes to check, so
the loaded objects are pickled into a per-user cache file named by a hash of everything they are built
from: every file of reference_data/ and rules/, the folders' own paths (errors name files), the code that
builds them and the Python version. Any change to any of these gives a new name, so a stale cache is never
read; it is rebuilt, with one line on stderr. Where no private cache folder can be had (read-only home,
odd permissions, a full disk), everything is loaded as before: the cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from workbench import reference_dir, rules_dir
from workbench.entities import country_data_path

PREFIX = "checking-"
KEPT = 8  # cache files kept: one per set of reference files in use (branches, test folders)
# the code whose objects are pickled: a change to any of it changes what a load would build
_BUILDERS = ("cache.py", "reference.py", "rules.py", "entities.py", "vocabulary.py", "model.py",
             "extract/vague.py", "extract/spans.py")
_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path:
    """$WORKBENCH_CACHE_DIR, else $XDG_CACHE_HOME/workbench, else ~/.cache/workbench."""
    if os.environ.get("WORKBENCH_CACHE_DIR"):
        return Path(os.environ["WORKBENCH_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "workbench"


def content_key(reference: Path, rules: Path) -> str:
    """A hash of everything the cached objects are built from."""
    digest = hashlib.sha256(sys.version.encode())
    sources = [("code", _PACKAGE / name) for name in _BUILDERS] + [("countries", country_data_path())]
    for label, folder in (("reference", reference), ("rules", rules)):
        digest.update(f"\0{label}\0{folder.resolve()}".encode())
        if folder.is_dir():
            sources += [(label, path) for path in sorted(folder.rglob("*")) if path.is_file()]
    for label, path in sources:
        digest.update(f"\0{label}\0{path}\0".encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _private(folder: Path) -> bool:
    """Only a folder of our own that nobody else can write to may hold a pickle we load."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return False
    return info.st_uid == os.geteuid() and not info.st_mode & 0o022


def _read(path: Path) -> tuple | None:
    try:
        with path.open("rb") as handle:
            loaded = pickle.load(handle)
    except Exception:  # missing, truncated or written by other code: rebuilt, never trusted
        return None
    return loaded if isinstance(loaded, tuple) and len(loaded) == 3 else None


def _write(folder: Path, path: Path, loaded: tuple) -> bool:
    """Written to a temporary file and renamed: a reader never sees half a cache."""
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(loaded, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError):
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False
    return True


def _older(folder: Path, keep: Path) -> list[Path]:
    """Other cache files, newest first."""
    try:
        found = [p for p in folder.glob(f"{PREFIX}*.pickle") if p != keep]
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return []


def _build(reference: Path, rules: Path) -> tuple:
    from workbench.reference import load_reference
    from workbench.rules import load_rules
    from workbench.vocabulary import vocabulary_for

    pack, ruleset = load_reference(reference), load_rules(rules)
    for table in pack.tables.values():  # the rows and indexes the checker builds on first use, built now
        _ = table.rows
        if table.description is not None:
            _ = table.series, table.cross_section, table.periods
    return pack, ruleset, vocabulary_for(pack, ruleset)


def load_checking(reference: Path | None = None, rules: Path | None = None) -> tuple:
    """(reference pack, rule set): from the cache when the files are unchanged, else loaded, validated and
    cached. The vocabulary compiled from them comes along, so the checker need not compile it again."""
    from workbench.vocabulary import remember

    reference, rules = reference or reference_dir(), rules or rules_dir()
    folder = cache_dir()
    usable = _private(folder)
    path = folder / f"{PREFIX}{content_key(reference, rules)}.pickle"
    loaded = _read(path) if usable else None
    if loaded is None:
        loaded = _build(reference, rules)
        if usable and _write(folder, path, loaded):
            older = _older(folder, path)
            if older:
                print(f"workbench: reference data, rules or code changed; checking cache rebuilt in {folder}",
                      file=sys.stderr)
            for stale in older[KEPT - 1:]:
                stale.unlink(missing_ok=True)
    pack, ruleset, vocabulary = loaded
    remember(pack, ruleset, vocabulary)
    return pack, ruleset
