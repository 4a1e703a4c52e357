"""Input rules: what a caller may send, defined once and checked alike over HTTP and from Python.

These pydantic models are the HTTP API's request schemas (FastAPI validates bodies and
query strings with them) and what `AgentClient` builds from its keyword arguments. Every
limit is a constant here. Two rules depend on the deployment rather than the input, the
embedding dimension and the batch size, and are checked by `check_embedding` and
`check_batch_size`. Only data every store can hold unchanged gets through: JSON types,
64-bit integers, finite floats, valid Unicode, bounded nesting.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from actors.errors import InvalidInput
from actors.messages import Consistency
from actors.model import AGENT_ID_PATTERN, MEMORY_KINDS, is_valid_agent_id, new_event_id

MAX_PAGE = 1000
"""Largest `limit` and `k` a read may ask for."""
MAX_HOPS = 4
MAX_ENTITIES = 256
MAX_NAME_CHARS = 256
"""Agent names and entity names."""
MAX_ID_CHARS = 128
"""Event ids and session ids (agent ids follow AGENT_ID_PATTERN)."""
MAX_CONTENT_CHARS = 1_000_000
MAX_NESTING = 32
MAX_INT = 2**63 - 1
MIN_INT = -(2**63)

MemoryKind = Literal[MEMORY_KINDS]  # type: ignore[valid-type]
M = TypeVar("M", bound=BaseModel)


def check_plain(value: object, depth: int = 0) -> None:
    """Raise ValueError unless `value` is data every store holds unchanged."""
    if depth > MAX_NESTING:
        raise ValueError(f"nested deeper than {MAX_NESTING} levels")
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if not MIN_INT <= value <= MAX_INT:
            raise ValueError("integers must fit in 64 bits (signed)")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("numbers must be finite")
    elif isinstance(value, str):
        _check_unicode(value)
    elif isinstance(value, (list, tuple)):
        for item in value:
            check_plain(item, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError("object keys must be strings")
            _check_unicode(key)
            check_plain(item, depth + 1)
    else:
        raise ValueError(f"holds an unsupported {type(value).__name__}")


def _check_unicode(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode (no lone surrogates)") from None
    return text


def _plain(value: Any) -> Any:
    check_plain(value)
    return value


def _entities(names: list[str]) -> list[str]:
    if len(names) > MAX_ENTITIES:
        raise ValueError(f"at most {MAX_ENTITIES} entities")
    if not all(0 < len(name) <= MAX_NAME_CHARS for name in names):
        raise ValueError(f"entities must be non-empty strings of at most {MAX_NAME_CHARS} characters")
    return names


def _text(min_length: int = 0, max_length: int | None = None) -> Any:
    return Annotated[str, StringConstraints(min_length=min_length, max_length=max_length), AfterValidator(_check_unicode)]


Text = _text()
Name = _text(1, MAX_NAME_CHARS)
Id = _text(1, MAX_ID_CHARS)
Content = _text(1, MAX_CONTENT_CHARS)
PlainObject = Annotated[dict[str, Any], AfterValidator(_plain)]
Vector = list[Annotated[float, Strict()]]
"""Numbers only: strict, so JSON booleans and numeric strings are not turned into floats."""
Entities = Annotated[list[Text], AfterValidator(_entities)]
Limit = Annotated[int, Field(ge=1, le=MAX_PAGE)]


def _scalar(value: Any) -> Any:
    if value is not None and not isinstance(value, (str, int, float, bool)):
        raise ValueError("must be a string, number, boolean or null")
    return value


Scalar = Annotated[Any, AfterValidator(_scalar)]


class Input(BaseModel):
    """Unknown fields are rejected, so typos surface as errors."""

    model_config = ConfigDict(extra="forbid")


class IdentityInput(Input):
    name: Name
    persona: Text | None = None
    traits: list[Text] = Field(default_factory=list)
    metadata: PlainObject = Field(default_factory=dict)


class MemoryInput(Input):
    content: Content
    kind: MemoryKind = "observation"
    metadata: PlainObject = Field(default_factory=dict)
    entities: Entities = Field(default_factory=list)
    embedding: Vector | None = None
    session_id: Id | None = None
    event_id: Id | None = Field(None, description="idempotency key; one is generated when absent")

    @model_validator(mode="after")
    def _fix_event_id(self) -> MemoryInput:
        """Fixed before the first attempt, so every retry (ours, Ray's, the caller's) is idempotent."""
        if self.event_id is None:
            self.event_id = new_event_id()
        return self


class MemoryBatchInput(Input):
    items: list[MemoryInput] = Field(min_length=1)


class RecallInput(Input):
    embedding: Vector | None = None
    query: Text = Field("", validate_default=True)
    k: Limit = 10
    kinds: list[MemoryKind] | None = None
    session_id: Id | None = None
    consistency: Consistency = "strong"

    @field_validator("query")
    @classmethod
    def _query_or_embedding(cls, query: str, info: ValidationInfo) -> str:
        if not query and info.data.get("embedding") is None:
            raise ValueError("query must not be empty (or send an embedding)")
        return query


class FindInput(Input):
    metadata: Annotated[dict[str, Scalar], AfterValidator(_plain)] = Field(
        default_factory=dict, description="equality per key; `a.b` reaches into nested objects"
    )
    kinds: list[MemoryKind] | None = None
    limit: Limit = 20
    consistency: Consistency = "strong"


class PageQuery(BaseModel):
    """A page size (unknown query parameters are ignored: HTTP caches and proxies add them)."""

    limit: Limit = 20


class HistoryQuery(PageQuery):
    """`GET /memories` parameters."""

    before_seq: Annotated[int, Field(ge=1, le=MAX_INT)] | None = None


class GraphQuery(BaseModel):
    """`GET /graph` parameters."""

    hops: Annotated[int, Field(ge=1, le=MAX_HOPS)] = 2
    entity: Name | None = None
    limit: Limit = 200
    consistency: Consistency = "strong"


def field_path(loc: Sequence[int | str]) -> str:
    """`("items", 3, "content")` -> `items[3].content`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "body"


def validated(model: type[M], data: dict[str, Any]) -> M:
    """`model` built from `data`, or InvalidInput naming the first bad field."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = field_path(tuple(first["loc"]))
        raise InvalidInput(f"{field}: {first['msg']}", field) from None


def check_agent_id(agent_id: object) -> str:
    if not is_valid_agent_id(agent_id):
        raise InvalidInput(f"agent_id must match {AGENT_ID_PATTERN}", "agent_id")
    return agent_id  # type: ignore[return-value]


def check_embedding(vector: list[float] | None, dim: int, field: str = "embedding") -> None:
    """The deployment's embedding dimension (a property of its model) is the only size accepted."""
    if vector is not None and len(vector) != dim:
        raise InvalidInput(f"embedding must have {dim} dimensions, not {len(vector)}", field)


def check_batch_size(size: int, limit: int) -> None:
    if size > limit:
        raise InvalidInput(f"at most {limit} items per batch", "items")
