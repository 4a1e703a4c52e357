"""Finding or creating named actors, tolerant of the races Ray has had under churn.

`get_if_exists=True` can still fail when two callers create the same name at once, or
return an actor that is on its way out (a passivating agent). Everything that needs a
named actor goes through `get_or_create`, which retries with a short backoff.
"""

from __future__ import annotations

import time
import warnings
from typing import Any

import ray
from ray.actor import ActorClass, ActorHandle

GET_OR_CREATE_ATTEMPTS = 20
GET_OR_CREATE_BACKOFF_S = 0.05


def get_or_create(
    actor_class: ActorClass,
    name: str,
    namespace: str,
    args: tuple = (),
    options: dict[str, Any] | None = None,
) -> ActorHandle:
    """Return the live actor called `name` in `namespace`, creating it with `args` if absent."""
    last_error: Exception | None = None
    for attempt in range(GET_OR_CREATE_ATTEMPTS):
        try:
            return ray.get_actor(name, namespace=namespace)
        except ValueError:
            pass
        try:
            return actor_class.options(
                name=name, namespace=namespace, get_if_exists=True, **(options or {})
            ).remote(*args)
        except ValueError as error:  # lost a creation race: the name is taken, look it up again
            last_error = error
            time.sleep(GET_OR_CREATE_BACKOFF_S * (attempt + 1))
    raise RuntimeError(f"could not get or create actor {namespace}/{name}: {last_error}")


def lookup(name: str, namespace: str) -> ActorHandle | None:
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
