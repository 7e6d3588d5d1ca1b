"""Text helpers of resolve: the cheap-bound ratio test agrees with the full ratio."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dossier.resolve.text import seq_ratio, seq_ratio_at_least

_WORDS = st.lists(
    st.sampled_from(["nato", "russia", "talks", "door", "open", "the", "meet"]), max_size=12
)


@given(_WORDS, _WORDS, st.sampled_from([0.3, 0.5, 0.6, 0.85]))
def test_ratio_at_least_decides_like_the_full_ratio(a, b, threshold):
    assert seq_ratio_at_least(a, b, threshold) == (seq_ratio(a, b) >= threshold)


def test_empty_lists_share_nothing():
    assert not seq_ratio_at_least([], [], 0.6)
    assert not seq_ratio_at_least(["talks"], [], 0.6)
