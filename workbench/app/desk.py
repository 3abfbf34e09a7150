"""The review queue's order, filters and position, apart from the page: plain functions over stored claims,
and the filters as query parameters, so a reload or a shared link opens the same queue at the same claim."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from workbench.model import VERDICTS
from workbench.store import StoredClaim

FLAGGED_FIRST = {"contradicted": 0, "needs_review": 1, "unverifiable": 2, "supported": 3}
SHOW = ("all", "undecided", "decided")
ORDERS = ("flagged", "draft")


@dataclass(frozen=True)
class Filters:
    """What the queue shows and where the reviewer is in it; kept in the page's address."""

    document: str = ""  # "" for every document
    verdicts: tuple[str, ...] = VERDICTS  # automatic verdicts shown
    show: str = "all"
    search: str = ""
    order: str = "flagged"
    at: str = ""  # the claim on screen: claim_key()
    asides: bool = False  # "today", bare small counts (store.is_aside): out of the queue unless asked for

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> Filters:
        """Filters from query parameters; anything unknown falls back to the default."""
        verdicts = tuple(v for v in params.get("verdicts", "").split(",") if v in VERDICTS) or VERDICTS
        return cls(params.get("doc", ""), verdicts,
                   params.get("show") if params.get("show") in SHOW else "all",
                   params.get("q", ""), params.get("order") if params.get("order") in ORDERS else "flagged",
                   params.get("at", ""), params.get("asides") == "1")

    def to_params(self) -> dict[str, str]:
        """Only what differs from the default, so a plain queue keeps a plain address."""
        default, params = Filters(), {}
        for name, key, value in (("document", "doc", self.document), ("show", "show", self.show),
                                 ("search", "q", self.search), ("order", "order", self.order),
                                 ("at", "at", self.at)):
            if value != getattr(default, name):
                params[key] = value
        if self.verdicts != default.verdicts:
            params["verdicts"] = ",".join(self.verdicts)
        if self.asides:
            params["asides"] = "1"
        return params

    def moved_to(self, key: str) -> Filters:
        return replace(self, at=key)


def claim_key(claim: StoredClaim) -> str:
    """One claim across documents (claim ids are hex digests, so '@' separates them from the document)."""
    return f"{claim.claim_id}@{claim.document}"


def queue(claims: list[StoredClaim], filters: Filters) -> list[StoredClaim]:
    """The claims the filters let through, in queue order. The order rests on what a decision does not change
    (the automatic verdict, the draft's order), so the claims after the current one stay where they were."""
    words = filters.search.strip().lower()
    shown = [c for c in claims
             if (filters.asides or not c.aside)
             and (not filters.document or c.document == filters.document)
             and c.auto_verdict in filters.verdicts
             and (filters.show == "all" or c.decided == (filters.show == "decided"))
             and (not words or words in _searchable(c))]
    if filters.order == "flagged":
        shown.sort(key=lambda c: (FLAGGED_FIRST[c.auto_verdict], c.document, c.record["start"]))
    else:
        shown.sort(key=lambda c: (c.document, c.record["start"]))
    return shown


def _searchable(claim: StoredClaim) -> str:
    r = claim.record
    return " ".join(str(part) for part in (claim.title, claim.document, r["sentence"], r.get("entity"),
                                           r.get("measure"), r.get("period"), claim.note) if part).lower()


def current(shown: list[StoredClaim], key: str) -> int | None:
    """Where the claim on screen is: the one named by `key`, else the first undecided, else the first."""
    if not shown:
        return None
    for index, claim in enumerate(shown):
        if claim_key(claim) == key:
            return index
    return next((i for i, c in enumerate(shown) if not c.decided), 0)


def next_undecided(shown: list[StoredClaim], index: int) -> StoredClaim | None:
    """The first undecided claim after `index`, wrapping round; None when every other claim is decided."""
    for claim in shown[index + 1:] + shown[:index]:
        if not claim.decided:
            return claim
    return None
