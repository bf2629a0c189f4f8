"""Read YAML data files safely, with the line of every mapping, key and list.

Every problem becomes a ``Problem`` that names the file, the line, the item id and the field, and says
what was expected; a ``DataError`` lists them all. Nothing is written: a bad file stops the build and
loses nothing. A file over ``MAX_BYTES`` or one with YAML aliases (the "billion laughs" trick) is
refused before it is parsed into memory.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

MAX_BYTES = 2_000_000  # the largest data file today is about 100 KB


# --- Errors ---


@dataclass
class Problem:
    file: str
    line: int | None
    message: str
    item: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.item:
            parts.append(f"item '{self.item}'")
        if self.field:
            parts.append(f"field '{self.field}'")
        return ": ".join(parts) + f": {self.message}"


class DataError(Exception):
    """One or more problems in the data files, each on its own line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(["The handbook data has errors:"] + [f"  {p}" for p in problems]))


# --- YAML with line numbers ---


class LineDict(dict):
    """A YAML mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict


class LineList(list):
    line: int = 0


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        """Refuse aliases: they are how a small file expands into gigabytes."""
        if self.check_event(yaml.events.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in data files",
                                              self.peek_event().start_mark)
        return super().compose_node(parent, index)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.MarkedYAMLError(
                "while reading a mapping", node.start_mark, f"the key '{key}' appears twice", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    sequence = LineList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    return sequence


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_yaml(path: Path, label: str) -> Any:
    """Parse one YAML file; a syntax error becomes a Problem with the parser's line."""
    if path.stat().st_size > MAX_BYTES:
        raise DataError([Problem(label, None, f"the file is larger than {MAX_BYTES:,} bytes; split it or check it")])
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = " ".join(filter(None, [err.context, err.problem]))
        raise DataError([Problem(label, mark.line + 1 if mark else None, f"YAML syntax error: {message}")])


def _line_of(raw: Any, loc: tuple) -> int | None:
    """The line of the deepest node along a pydantic error location."""
    line = getattr(raw, "line", None)
    node = raw
    for step in loc:
        if isinstance(node, dict) and step in node:
            line = node.key_lines.get(step, line) if isinstance(node, LineDict) else line
            node = node[step]
            line = getattr(node, "line", line)
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            line = getattr(node, "line", line)
        else:
            break
    return line


def _explain(error: dict, model: type[BaseModel] | None) -> str:
    """Say in plain words what was expected."""
    kind, msg = error["type"], error["msg"]
    if kind == "missing":
        return "this field is required but missing"
    if kind == "extra_forbidden":
        allowed = ", ".join(model.model_fields) if model else ""
        return f"unknown field (allowed here: {allowed})" if allowed else "unknown field"
    if kind == "literal_error":
        return f"unknown value {error['input']!r}; {msg[0].lower()}{msg[1:]}"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"wrong type ({type(error['input']).__name__}); {msg[0].lower()}{msg[1:]}"
    return msg.removeprefix("Value error, ")


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model that owns the last field of ``loc``, for listing its allowed fields."""
    current: Any = model
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        model_field = getattr(current, "model_fields", {}).get(step)
        if model_field is None:
            return None
        annotation = model_field.annotation
        args = getattr(annotation, "__args__", ())
        current = next((a for a in (annotation, *args) if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def validate(raw: Any, model: type[BaseModel], label: str, item_id: str | None = None) -> tuple[Any, list[Problem]]:
    """Validate one raw YAML value against a model; return the model (or None) and the problems."""
    try:
        return TypeAdapter(model).validate_python(raw), []
    except ValidationError as err:
        problems = []
        for error in err.errors():
            loc = error["loc"]
            problems.append(
                Problem(
                    file=label,
                    line=_line_of(raw, loc),
                    item=item_id,
                    field=".".join(str(step) for step in loc) or None,
                    message=_explain(error, _model_at(model, loc) if loc else model),
                )
            )
        return None, problems
