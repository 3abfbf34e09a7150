"""Finding a process's children through /proc, for tests that kill processes."""

from pathlib import Path


def child_pids(parent: int) -> list[int]:
    """Python processes whose parent is `parent`."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == parent and b"python" in command:
            pids.append(int(entry.name))
    return pids


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


POISON = "This draft kills its worker."


def check_or_die(articles: list, fmt: str) -> list:
    """A worker task (workbench.batch.check_articles) that kills its process on an article holding POISON,
    as a document that exhausts memory or crashes a library would."""
    import os

    from workbench.batch import check_articles

    if any(POISON in (article.text or "") for article in articles):
        os._exit(1)
    return check_articles(articles, fmt)
