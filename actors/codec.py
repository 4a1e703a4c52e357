"""msgpack: the one encoding of every value that crosses an actor boundary or is stored.

Types that travel are registered with `@wire`. Ray pickles call arguments and replies;
a wire type reduces itself to msgpack bytes, so what goes between processes is msgpack,
not a pickled class, and an old reader keeps working when a newer writer adds fields.
A nested wire value becomes a msgpack extension tagged `module:Class`; a receiver that
has not imported the module yet imports it (only novamem's own `actors.` modules). A
type encodes as its `to_wire()` mapping when it has one (and decodes with `from_wire`),
else as its dataclass fields.
"""

from __future__ import annotations

import dataclasses
import importlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

import msgpack

T = TypeVar("T")

EXT_WIRE_TYPE = 1
TRUSTED_PREFIX = "actors."

_TYPES: dict[str, type] = {}
"""tag -> class, for decoding."""
_ENCODERS: dict[type, tuple[str, Callable[[Any], Any]]] = {}
"""class -> (tag, value -> plain body), for encoding."""
_DECODERS: dict[type, Callable[[Any], Any]] = {}
"""class -> plain body -> value."""


def wire(cls: type[T]) -> type[T]:
    """Register `cls` (a dataclass, or a class with `to_wire`/`from_wire`) for the wire."""
    if not cls.__module__.startswith(TRUSTED_PREFIX):
        raise TypeError(f"wire types live in novamem's {TRUSTED_PREFIX} modules, not {cls.__module__}")
    tag = f"{cls.__module__}:{cls.__qualname__}"
    _TYPES[tag] = cls
    if hasattr(cls, "to_wire"):
        _ENCODERS[cls] = (tag, cls.to_wire)
        _DECODERS[cls] = cls.from_wire  # type: ignore[attr-defined]
    else:
        names = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
        _ENCODERS[cls] = (tag, lambda value: {name: getattr(value, name) for name in names})
        _DECODERS[cls] = lambda body: cls(**{k: v for k, v in body.items() if k in names})
    cls.__reduce__ = _reduce  # type: ignore[method-assign]
    return cls


@dataclass_transform()
def message(cls: type[T]) -> type[T]:
    """The usual shape of a wire type: a slotted dataclass, registered with `wire`."""
    return wire(dataclasses.dataclass(slots=True)(cls))


def _reduce(value: Any) -> tuple[Any, tuple[bytes]]:
    return unpack, (pack(value),)


class _Packers(threading.local):
    """Reusable packers, one per nesting level (a wire value packs its fields while its
    container is being packed): building a Packer costs more than packing a message."""

    def __init__(self) -> None:
        self.stack: list[msgpack.Packer] = []
        self.depth = 0


_packers = _Packers()


def pack(value: Any) -> bytes:
    """Serialise plain data (dicts, lists, str, bytes, numbers, None) and wire types."""
    depth = _packers.depth
    if depth == len(_packers.stack):
        _packers.stack.append(msgpack.Packer(use_bin_type=True, default=_encode, autoreset=True))
    packer = _packers.stack[depth]
    _packers.depth += 1
    try:
        return packer.pack(value)
    except BaseException:
        packer.reset()
        raise
    finally:
        _packers.depth -= 1


def unpack(data: bytes) -> Any:
    """Inverse of `pack`; wire types come back as instances of their classes."""
    return msgpack.unpackb(data, raw=False, strict_map_key=False, ext_hook=_decode)


def _encode(value: Any) -> msgpack.ExtType:
    encoder = _ENCODERS.get(type(value))
    if encoder is None:
        raise TypeError(f"{type(value).__name__} cannot cross an actor boundary: register it with @wire")
    tag, body = encoder
    return msgpack.ExtType(EXT_WIRE_TYPE, pack([tag, body(value)]))


def _decode(code: int, data: bytes) -> Any:
    if code != EXT_WIRE_TYPE:
        return msgpack.ExtType(code, data)
    tag, body = unpack(data)
    cls = _TYPES.get(tag) or _import(tag)
    return _DECODERS[cls](body)


def _import(tag: str) -> type:
    """The wire type `tag` names, importing its (novamem) module on first sight."""
    module, _, name = tag.partition(":")
    if module.startswith(TRUSTED_PREFIX):
        importlib.import_module(module)
    if tag not in _TYPES:
        raise TypeError(f"unknown wire type {tag!r} (is the sender running newer code?)")
    return _TYPES[tag]
