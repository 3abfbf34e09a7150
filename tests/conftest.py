"""One start-up cache folder for the whole test session (workbench/cache.py), private to it: tests and the
processes they start never read or write the user's own cache, and the first check in a session builds it."""

import os
import tempfile

os.environ["WORKBENCH_CACHE_DIR"] = tempfile.mkdtemp(prefix="workbench-test-cache-")
