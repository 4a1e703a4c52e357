"""How a flush maps onto seqs (actors.stores.sequencing): the rule every log applies."""

from __future__ import annotations

from actors.messages import Flush
from actors.stores.sequencing import assume_fresh, plan_checked
from tests.unit.fakes import memory


def test_a_fresh_flush_continues_densely_from_first_seq() -> None:
    flush = Flush("ada", 4, [memory("ada", "a"), memory("ada", "b")])
    result = assume_fresh(flush)
    assert result.ok and result.seqs == [4, 5] and result.head == 5 and result.created == [True, True]
    assert [e.seq for e in flush.events] == [4, 5]


def test_known_event_ids_keep_their_seq_and_take_none() -> None:
    flush = Flush("ada", 3, [memory("ada", "old", "e1"), memory("ada", "new", "e9")])
    result, new = plan_checked(flush, head=2, known={"e1": 1})
    assert result.ok and result.seqs == [1, 3] and result.created == [False, True] and result.head == 3
    assert [e.event_id for e in new] == ["e9"]


def test_a_stale_first_seq_is_refused_and_writes_nothing() -> None:
    for first_seq in (2, 9):  # would reuse seq 2, or leave a gap
        result, new = plan_checked(Flush("ada", first_seq, [memory("ada", "x")]), head=2, known={})
        assert not result.ok and result.head == 2 and new == []


def test_a_whole_retry_is_answered_whatever_the_head() -> None:
    """Every event already in the log: the flush is a retry, answered from what is stored."""
    result, new = plan_checked(Flush("ada", 7, [memory("ada", "x", "e1")]), head=5, known={"e1": 3})
    assert result.ok and result.seqs == [3] and result.created == [False] and new == []
