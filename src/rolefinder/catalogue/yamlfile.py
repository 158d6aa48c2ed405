"""Reading YAML text: the only module that imports PyYAML.

It walks the YAML parser's events instead of letting PyYAML build objects, so it can refuse
what a catalogue never needs (anchors, aliases, tags, duplicate keys, deep nesting), never runs a
constructor that can fail (dates), and knows the line and column of every value. Only a file
that is not already in the parsed-catalogue cache, or an answer sheet, brings it in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from rolefinder.catalogue.schema import Date
from rolefinder.errors import MAX_PROBLEMS, Problem, Refused, Value

try:  # libyaml's C parser is several times faster; fall back to pure Python without it
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_DEPTH = 16  # the shipped catalogue nests 6 deep
_NULL, _BOOL = "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"
_INT, _FLOAT, _DATE = (
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass
class _Frame:
    value: dict[str, Any] | list[Any]
    path: str
    key: str | None = None  # a mapping's key waiting for its value
    key_lines: dict[str, int] = field(default_factory=dict)


class _Stop(Exception):
    """Too many problems to be worth reading on."""


def _child(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _scalar(loader: Any, event: yaml.ScalarEvent) -> Any:
    tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    node = yaml.ScalarNode(tag, event.value)
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return _CONSTRUCTOR.construct_yaml_bool(node)
    if tag == _INT:
        return _CONSTRUCTOR.construct_yaml_int(node)
    if tag == _FLOAT:
        return _CONSTRUCTOR.construct_yaml_float(node)
    if tag == _DATE:
        return Date(event.value)
    return event.value


def read_yaml(text: str) -> tuple[Any, dict[str, tuple[int, int]], list[Problem]]:
    """Parse one YAML document into dicts, lists and scalars.

    Returns the data, the (line, column) of every path, and the problems found on the way
    (reading goes on past them where it can). Raises Refused when it cannot go on.
    """
    positions: dict[str, tuple[int, int]] = {}
    problems: list[Problem] = []
    stack: list[_Frame] = []
    root: Any = None
    documents = 0
    loader = SafeLoader(text)

    def at(event: yaml.Event) -> tuple[int, int]:
        mark = event.start_mark
        return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)

    def report(event: yaml.Event, path: str, key: str, **values: Value) -> None:
        line, column = at(event)
        problems.append(Problem(key, values, path, line, column))
        if len(problems) == MAX_PROBLEMS:
            problems.append(Problem("problem_stopped", {"count": MAX_PROBLEMS}))
            raise _Stop

    def place(event: yaml.Event) -> str | None:
        """The path of the value this event starts, or None when it is a mapping key."""
        if not stack:
            return ""
        frame = stack[-1]
        if isinstance(frame.value, list):
            return _child(frame.path, len(frame.value))
        return None if frame.key is None else _child(frame.path, frame.key)

    def attach(value: Any, event: yaml.Event) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        frame = stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
        elif frame.key is None:  # this value is a key
            if not isinstance(value, str):
                report(event, frame.path, "problem_key_not_text", value=repr(value))
                value = str(value)
            if value in frame.key_lines:
                first = frame.key_lines[value]
                report(
                    event,
                    _child(frame.path, value),
                    "problem_duplicate_key",
                    name=value,
                    line=first,
                )
            frame.key_lines.setdefault(value, at(event)[0])
            frame.key = value
            positions.setdefault(_child(frame.path, value), at(event))
        else:
            if frame.key not in frame.value:
                frame.value[frame.key] = value
            frame.key = None

    try:
        while loader.check_event():
            event = loader.get_event()
            if event is None:
                break
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    report(event, "", "problem_one_document")
                    break
                continue
            if isinstance(
                event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)
            ):
                continue
            path = place(event)
            if isinstance(event, yaml.AliasEvent):
                report(event, path or "", "problem_alias", anchor=str(event.anchor))
                attach(None, event)
                continue
            anchor = getattr(event, "anchor", None)
            if anchor:
                report(event, path or "", "problem_anchor", anchor=anchor)
            tag = getattr(event, "tag", None)
            if isinstance(event, yaml.ScalarEvent):
                if tag not in (None, "!"):
                    report(event, path or "", "problem_tag", tag=tag)
                    attach(event.value, event)
                else:
                    attach(_scalar(loader, event), event)
                if path is not None:
                    positions.setdefault(path, at(event))
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if tag is not None:
                    report(event, path or "", "problem_tag", tag=tag)
                if len(stack) >= MAX_DEPTH:
                    line, column = at(event)
                    depth = {"depth": MAX_DEPTH}
                    raise Refused(Problem("problem_too_deep", depth, path or "", line, column))
                if path is None:  # a list or mapping used as a key
                    report(event, stack[-1].path, "problem_key_container")
                    path = _child(stack[-1].path, "?")
                positions.setdefault(path, at(event))
                container: dict[str, Any] | list[Any] = (
                    {} if isinstance(event, yaml.MappingStartEvent) else []
                )
                stack.append(_Frame(container, path))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                finished = stack.pop()
                attach(finished.value, event)
    except _Stop:
        pass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        # PyYAML's own phrase ("mapping values are not allowed here") has no translation: only
        # our prefix is translated, and the phrase is passed on as a value, quoted as it is.
        problem = error.problem or error.context
        if problem:
            raise Refused(
                Problem("problem_yaml_syntax", {"problem": problem}, "", *where)
            ) from None
        raise Refused(Problem("problem_yaml_invalid", {}, "", *where)) from None
    except yaml.YAMLError as error:  # PyYAML's text again, passed on as it is
        raise Refused(Problem("problem_yaml_error", {"error": str(error)})) from None
    finally:
        loader.dispose()
    return root, positions, problems
