"""The three models that the sources explain with a picture, drawn from the data at build time.

- the four building blocks: a ring of four equal pieces (they have no order), each piece its block;
- the PU-taart: a pie of ten equal pieces, one per work method, in three groups set apart by a gap
  (and, in the template, by a fill pattern per group);
- the lemniscate: a figure of eight with the four phases evenly along it, in their order, and arrows
  that show the way round. The source's picture cannot be read back (see data/pages.yml), so the drawing
  puts the phases in order along the loop and names neither loop.

This module holds only geometry and grouping: it returns SVG path data, points and item ids. The
templates in templates/diagrams/ add the words (titles from the data, labels from the interface strings)
as HTML text, so that a translator never touches a drawing. ``mirrored`` draws the picture for a
right-to-left language: every x is reflected, so the drawing reads from the right while its digits stay
upright.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Iterable

from ..content.models import Facets, Item

# The diagrams' own stylesheet (docs/stylesheets/diagrams.css), linked only by the pages that show one.
STYLESHEET = "stylesheets/diagrams.css"
# The kinds whose number the sources' models fix: the ring of four building blocks, the PU-taart of ten pieces.
FIXED_KINDS = ("building-block", "pu-method")
SIZE = 100.0  # a building block piece is drawn in a square of SIZE × SIZE
PIE_SIZE = 200.0  # the PU-taart's square
LEMNISCATE_WIDTH, LEMNISCATE_HEIGHT = 400.0, 200.0


def _n(value: float) -> str:
    """A coordinate, short: one decimal, no trailing zero."""
    return f"{round(value, 1):g}"


def _point(x: float, y: float) -> str:
    return f"{_n(x)} {_n(y)}"


# --- The four building blocks ---


@dataclass(frozen=True)
class BlockPiece:
    id: str  # the building block's item id
    position: int  # 1 top start, 2 top end, 3 bottom end, 4 bottom start: round the ring in data order
    path: str  # a quarter ring in a SIZE × SIZE square whose inner corner is the ring's centre


# Round the ring: the square's inner corner (x, y in LTR) and the quarter's start angle.
_QUARTERS = {1: ((1, 1), 180), 2: ((0, 1), 270), 3: ((0, 0), 0), 4: ((1, 0), 90)}


@dataclass(frozen=True)
class BuildingBlocks:
    pieces: list[BlockPiece]

    @property
    def linked(self) -> list[str]:
        return [piece.id for piece in self.pieces]


def building_blocks(ids: list[str], mirrored: bool = False, inner: float = 0.34, outer: float = 0.96,
                    gap_degrees: float = 4) -> BuildingBlocks:
    """One quarter of a ring per building block, round the ring in the order of ``ids`` (four); the
    radii are parts of SIZE."""
    if len(ids) != 4:
        raise ValueError(f"the ring has four pieces, not {len(ids)}")
    pieces = []
    for position, block_id in enumerate(ids, start=1):
        (cx, cy), start = _QUARTERS[position]
        path = _ring_piece(cx * SIZE, cy * SIZE, inner * SIZE, outer * SIZE, start + gap_degrees / 2,
                           start + 90 - gap_degrees / 2, mirrored, SIZE)
        pieces.append(BlockPiece(block_id, position, path))
    return BuildingBlocks(pieces)


def _polar(cx: float, cy: float, radius: float, angle: float, mirrored: bool, width: float) -> tuple[float, float]:
    """The point at ``radius`` and ``angle`` (degrees, clockwise from 3 o'clock, y down) from a centre;
    mirrored: reflected in the middle of a drawing ``width`` wide."""
    x = cx + radius * math.cos(math.radians(angle))
    y = cy + radius * math.sin(math.radians(angle))
    return (width - x if mirrored else x), y


def _ring_piece(cx: float, cy: float, r_in: float, r_out: float, start: float, end: float,
                mirrored: bool, width: float) -> str:
    """A piece of a ring between two angles, as a closed path (a pie piece when ``r_in`` is 0)."""
    sweep, back = ("0", "1") if mirrored else ("1", "0")
    large = "1" if end - start > 180 else "0"
    outer = (f"M{_point(*_polar(cx, cy, r_out, start, mirrored, width))} "
             f"A{_n(r_out)} {_n(r_out)} 0 {large} {sweep} {_point(*_polar(cx, cy, r_out, end, mirrored, width))}")
    if not r_in:
        return f"{outer} L{_point(*_polar(cx, cy, 0, 0, mirrored, width))} Z"
    return (f"{outer} L{_point(*_polar(cx, cy, r_in, end, mirrored, width))} "
            f"A{_n(r_in)} {_n(r_in)} 0 {large} {back} {_point(*_polar(cx, cy, r_in, start, mirrored, width))} Z")


# --- The PU-taart ---


@dataclass(frozen=True)
class PiePiece:
    id: str  # the work method's item id
    number: int
    path: str
    x: float  # where its number goes
    y: float


@dataclass(frozen=True)
class PieGroup:
    index: int  # 1, 2, 3: the group's pattern in the template
    pieces: list[PiePiece]

    @property
    def first(self) -> str:
        """The first method of the group: its group name is the group's name in the page's language."""
        return self.pieces[0].id


@dataclass(frozen=True)
class PuTaart:
    groups: list[PieGroup]

    @property
    def linked(self) -> list[str]:
        return [piece.id for group in self.groups for piece in group.pieces]


def pu_taart(methods: Iterable, mirrored: bool = False, radius: float = 84, apart: float = 6) -> PuTaart:
    """Equal pieces, one per method in the order of its number, starting at the top and going clockwise
    (anticlockwise when mirrored); the methods of a group lie side by side and each group is moved
    ``apart`` from the centre, so the groups stand apart by shape as well."""
    ordered = sorted(methods, key=lambda m: m.number)
    groups: dict[str, list] = {}
    for method in ordered:
        groups.setdefault(method.group, []).append(method)
    if [m.id for g in groups.values() for m in g] != [m.id for m in ordered]:
        raise ValueError("the methods of a group do not follow each other in number order")
    step = 360 / len(ordered)
    centre = PIE_SIZE / 2
    result, first = [], 0
    for index, members in enumerate(groups.values(), start=1):
        middle = math.radians(-90 + step * (first + len(members) / 2))
        cx, cy = centre + apart * math.cos(middle), centre + apart * math.sin(middle)
        pieces = []
        for offset, method in enumerate(members):
            start = -90 + step * (first + offset)
            path = _ring_piece(cx, cy, 0, radius, start, start + step, mirrored, PIE_SIZE)
            x, y = _polar(cx, cy, radius * 0.66, start + step / 2, mirrored, PIE_SIZE)
            pieces.append(PiePiece(method.id, method.number, path, round(x, 1), round(y, 1)))
        result.append(PieGroup(index, pieces))
        first += len(members)
    return PuTaart(result)


# --- The lemniscate ---


@dataclass(frozen=True)
class Marker:
    phase: str
    number: int
    position: str  # where its label goes: 'top-start', 'bottom-start', 'top-end' or 'bottom-end'
    x: float
    y: float


@dataclass(frozen=True)
class Lemniscate:
    path: str
    arrows: list[str]  # small arrowheads that show the way round
    markers: list[Marker]
    tools: dict[str, list[str]] = field(default_factory=dict)  # the toolbox tools of each phase, shown under it

    @property
    def linked(self) -> list[str]:
        return list(dict.fromkeys(tool for tools in self.tools.values() for tool in tools))


PHASES: tuple[str, ...] = Facets.allowed_values()["lemniscate_phases"]


def _lemniscate_point(t: float, mirrored: bool) -> tuple[float, float]:
    """Bernoulli's lemniscate, a little rounder than the formula, filling the drawing with a margin."""
    s = 1 + math.sin(t) ** 2
    x = LEMNISCATE_WIDTH / 2 + 170 * math.cos(t) / s
    y = LEMNISCATE_HEIGHT / 2 + 230 * math.sin(t) * math.cos(t) / s
    return (LEMNISCATE_WIDTH - x if mirrored else x), y


def lemniscate(phases: Iterable[str] = PHASES, mirrored: bool = False, steps: int = 96) -> Lemniscate:
    """The figure of eight and one marker per phase, evenly spaced along it in the order of ``phases``
    (four): the first at the top of the start loop, down round that loop, across the middle, round the
    other loop and back across the middle."""
    phases = list(phases)
    if len(phases) != 4:
        raise ValueError(f"the lemniscate has four phases, not {len(phases)}")
    points = [_lemniscate_point(2 * math.pi * i / steps, mirrored) for i in range(steps)]
    path = "M" + " L".join(_point(*p) for p in points) + " Z"
    # In LTR: 3π/4 is the top of the left loop, 5π/4 its bottom, 7π/4 the top of the right loop, 9π/4 its bottom.
    places = ("top-start", "bottom-start", "top-end", "bottom-end")
    markers = [Marker(phase, number, place, *(round(v, 1) for v in _lemniscate_point(math.pi * (2 * number + 1) / 4, mirrored)))
               for number, (phase, place) in enumerate(zip(phases, places), start=1)]
    arrows = [_arrowhead(t, mirrored) for t in (math.pi, 2 * math.pi)]  # at the outer end of each loop
    return Lemniscate(path, arrows, markers)


def _arrowhead(t: float, mirrored: bool, length: float = 14, half_width: float = 8) -> str:
    """A filled arrowhead on the curve at ``t``, pointing the way the phases go (t growing)."""
    x, y = _lemniscate_point(t, mirrored)
    x2, y2 = _lemniscate_point(t + 0.01, mirrored)
    dx, dy = x2 - x, y2 - y
    norm = math.hypot(dx, dy)
    dx, dy = dx / norm, dy / norm
    tip = (x + dx * length / 2, y + dy * length / 2)
    base = (x - dx * length / 2, y - dy * length / 2)
    left = (base[0] - dy * half_width, base[1] + dx * half_width)
    right = (base[0] + dy * half_width, base[1] - dx * half_width)
    return f"M{_point(*tip)} L{_point(*left)} L{_point(*right)} Z"


def tools_per_phase(items: Iterable[Item], phases: Iterable[str] = PHASES) -> dict[str, list[str]]:
    """The ids of the toolbox tools of each phase, in handbook order."""
    tools = [item for item in items if item.kind == "toolbox-tool"]
    return {phase: [tool.id for tool in tools if phase in tool.facets.lemniscate_phases] for phase in phases}


# --- From the handbook's items ---


def draw(name: str, items: Iterable[Item], mirrored: bool = False):
    """The drawing called ``name`` (models.DiagramName) from the handbook's items."""
    items = list(items)
    if name == "building-blocks":
        return building_blocks([item.id for item in items if item.kind == "building-block"], mirrored)
    if name == "pu-taart":
        return pu_taart([item for item in items if item.kind == "pu-method"], mirrored)
    if name == "lemniscate":
        return replace(lemniscate(PHASES, mirrored), tools=tools_per_phase(items))
    raise ValueError(f"no diagram called {name!r}")

