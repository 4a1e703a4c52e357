"""Finding or creating named actors, tolerant of the races Ray has had under churn.

`get_if_exists=True` can still fail when two callers create the same name at once, or
return an actor that is on its way out (a passivating agent). Everything that needs a
named actor goes through `get_or_create`, which retries the lookup.
"""

from __future__ import annotations

import warnings
from typing import Any, TypeVar

import ray
from ray.actor import ActorClass, ActorProxy

from actors.retry import RESTART_BACKOFF, Deadline, retry_blocking

T = TypeVar("T")

GET_OR_CREATE_DEADLINE_S = 10.0


def get_or_create(
    actor_class: ActorClass[T],
    name: str,
    namespace: str,
    args: tuple = (),
    options: dict[str, Any] | None = None,
) -> ActorProxy[T]:
    """Return the live actor called `name` in `namespace`, creating it with `args` if absent."""

    def attempt() -> ActorProxy[T]:
        found = lookup(name, namespace)
        if found is not None:
            return found
        return actor_class.options(name=name, namespace=namespace, get_if_exists=True, **(options or {})).remote(*args)

    try:  # a ValueError means another caller won the creation race: look the name up again
        return retry_blocking(
            attempt, lambda e: isinstance(e, ValueError), RESTART_BACKOFF, Deadline(GET_OR_CREATE_DEADLINE_S)
        )
    except ValueError as error:
        raise RuntimeError(f"could not get or create actor {namespace}/{name}: {error}") from error


def lookup(name: str, namespace: str) -> ActorProxy[Any] | None:
    """The live actor called `name`, or None."""
    try:
        return ray.get_actor(name, namespace=namespace)
    except ValueError:
        return None


def was_restarted() -> bool:
    """Inside an actor: has Ray restarted it? (A GCS lookup, so call it off the hot path.)"""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return bool(ray.get_runtime_context().was_current_actor_reconstructed)
