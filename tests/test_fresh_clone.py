"""The whole suite from a fresh clone in a private folder (mode 0700, as `mktemp -d` makes one), as a new
user or CI gets it: nothing may depend on where the checkout lives or on files outside the clone.

Slow (the whole suite again), so it runs only with WORKBENCH_SLOW=1: `make test-slow`."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from workbench import PROJECT_DIR

pytestmark = pytest.mark.skipif(os.environ.get("WORKBENCH_SLOW") != "1",
                                reason="slow lane: set WORKBENCH_SLOW=1 (make test-slow)")


def test_the_suite_passes_from_a_fresh_clone_in_a_private_folder():
    private = Path(tempfile.mkdtemp(prefix="workbench-clone-"))
    try:
        assert private.stat().st_mode & 0o777 == 0o700
        clone = private / "project"
        subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(PROJECT_DIR), str(clone)], check=True,
                       timeout=300)
        shared = PROJECT_DIR.parent / "shared"
        if shared.is_dir():  # shared/ sits beside the project, as in CI
            (private / "shared").symlink_to(shared)
        env = {key: value for key, value in os.environ.items() if not key.startswith("WORKBENCH_")}
        result = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"], cwd=clone,
                                env={**env, "WORKBENCH_CACHE_DIR": str(private / "cache")}, capture_output=True,
                                text=True, timeout=3600)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
        assert " passed" in result.stdout.splitlines()[-1]
    finally:
        shutil.rmtree(private, ignore_errors=True)
