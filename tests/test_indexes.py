"""The indexes that replaced scans in checking answer as the scans did."""

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.claims import _Overlaps

SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda s: (s[0], s[0] + s[1])), max_size=12)


@settings(max_examples=300, deadline=None)
@given(SPANS, st.integers(0, 80), st.integers(1, 20))
def test_overlaps_by_bisection_is_any_overlap(spans, start, length):
    end = start + length
    assert _Overlaps(spans).any(start, end) == any(a < end and start < b for a, b in spans)
