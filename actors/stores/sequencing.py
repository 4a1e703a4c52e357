"""How a flush maps onto seqs: the one rule every log implementation applies.

Pure functions, shared by the SQLite and PostgreSQL logs. Given what the log already
holds (the agent's head and which of the flush's event ids it has seen), decide each
event's seq: known ids keep their stored seq, new events continue densely from
`first_seq`, and a flush whose `first_seq` does not follow the head is refused.
"""

from __future__ import annotations

from actors.messages import Flush, FlushResult
from actors.model import Event


def assume_fresh(flush: Flush) -> FlushResult:
    """The optimistic plan: no event is known and `first_seq` follows the head."""
    for offset, event in enumerate(flush.events):
        event.seq = flush.first_seq + offset
    seqs = [e.seq for e in flush.events]
    return FlushResult(flush.agent_id, True, flush.first_seq + len(seqs) - 1, seqs, [True] * len(seqs))


def plan_checked(flush: Flush, head: int, known: dict[str, int]) -> tuple[FlushResult, list[Event]]:
    """Seqs for a flush given the log's `head` and `known` event_id -> seq.

    Returns the result and the events to insert; a refused flush inserts nothing.
    """
    known = dict(known)
    if any(e.event_id not in known for e in flush.events) and head != flush.first_seq - 1:
        return FlushResult(flush.agent_id, False, head), []
    seqs, created, new_events = [], [], []
    next_seq = flush.first_seq
    for event in flush.events:
        if event.event_id in known:
            seqs.append(known[event.event_id])
            created.append(False)
            continue
        event.seq = known[event.event_id] = next_seq
        next_seq += 1
        seqs.append(event.seq)
        created.append(True)
        new_events.append(event)
    return FlushResult(flush.agent_id, True, max(head, next_seq - 1), seqs, created), new_events
