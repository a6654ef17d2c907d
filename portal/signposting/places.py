"""Where things are: UK postcodes, the point each stands for, distances, and which services'
areas cover a postcode.

A postcode's point comes from the postcode list a council loads (``flask directory
postcodes``: the ONS Postcode Directory or any CSV of postcode, latitude and longitude), else
from the directory's own places: the average of the located addresses with that postcode. A
postcode neither knows cannot be placed, and the API says so rather than guess.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable

import sqlalchemy as sa
from flask import g

from portal.extensions import db
from portal.signposting.models import Address, Location, PostcodePoint

# The shape of every UK postcode (outward code, then a digit and two letters), spaces removed.
POSTCODE = re.compile(r"([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})")
EARTH_RADIUS = 6_371_008.8  # metres, the mean radius


def normal_postcode(raw: str | None) -> str | None:
    """"e1 6an" -> "E1 6AN"; None for what is not the shape of a UK postcode."""
    compact = re.sub(r"\s+", "", raw or "").upper()
    found = POSTCODE.fullmatch(compact)
    return f"{found[1]} {found[2]}" if found else None


def _compact(column):
    return sa.func.replace(sa.func.upper(column), " ", "")


def point(postcode: str) -> tuple[float, float] | None:
    """(latitude, longitude) for a postcode in ``normal_postcode`` form, or None."""
    known = g.get("postcode_points", {})
    if postcode in known:
        return known[postcode]
    return points({postcode}).get(postcode)


def remember(postcodes: set[str]) -> None:
    """Look these postcodes up at once, for ``point`` to answer from during this request."""
    found = points(postcodes)
    g.setdefault("postcode_points", {}).update(
        {code: found.get(code) for code in postcodes})


def points(postcodes: set[str]) -> dict[str, tuple[float, float]]:
    """The points of those of these postcodes (``normal_postcode`` form) that can be placed:
    from the postcode list, else from the directory's own located addresses (two queries,
    however many postcodes)."""
    if not postcodes:
        return {}
    found = {row.postcode: (row.latitude, row.longitude) for row in db.session.scalars(
        sa.select(PostcodePoint).where(PostcodePoint.postcode.in_(postcodes)))}
    left = {code.replace(" ", ""): code for code in postcodes - found.keys()}
    if left:
        compact = _compact(Address.postal_code)
        for code, lat, lon in db.session.execute(
                sa.select(compact, sa.func.avg(Location.latitude), sa.func.avg(Location.longitude))
                .join(Address, Address.location_id == Location.id)
                .where(compact.in_(left), Location.latitude.between(-90, 90),
                       Location.longitude.between(-180, 180))
                .group_by(compact)):
            found[left[code]] = (lat, lon)
    return found


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The distance between two points on the Earth (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS * math.asin(min(1.0, math.sqrt(h)))


# --- service areas ------------------------------------------------------------------------------

def postcode_names(postcode: str) -> set[str]:
    """The names a postcode goes by in an area's description: itself, its sector and its
    district ("E1 6AN", "E1 6", "E1")."""
    outward, inward = postcode.split(" ")
    return {postcode, f"{outward} {inward[0]}", outward}


# A postcode, a sector or a district, as a whole word ("E1 6AN", "E1 6", "E1", "SW1A").
WORDS = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?(?: ?[0-9](?:[A-Z]{2})?)?\b")


def area_covers(area, postcode: str, where: tuple[float, float] | None) -> bool | None:
    """Whether a service area covers the postcode: True, False, or None when the area says
    nothing the portal can read (only a place name, such as a borough's)."""
    extra = area.extra or {}
    extent = extra.get("extent")
    if where is not None and isinstance(extent, str) and extra.get("extent_type") == "geojson":
        inside = _geojson_contains(extent, where)
        if inside is not None:
            return inside
    said = " ".join(str(part) for part in (area.name, extent if isinstance(extent, str) else "")
                    if part).upper()
    listed = {_spaced(word) for word in WORDS.findall(re.sub(r"\s+", " ", said))}
    if not listed:
        return None  # no postcode in it: a place name, or words
    return bool(listed & postcode_names(postcode))


def _spaced(word: str) -> str:
    """"E16AN" -> "E1 6AN", "E1 6" stays; a district alone stays."""
    return normal_postcode(word) or word


def _geojson_contains(extent: str, where: tuple[float, float]) -> bool | None:
    import json

    try:
        shape = json.loads(extent)
        if shape.get("type") == "Feature":
            shape = shape.get("geometry") or {}
        kind, coordinates = shape.get("type"), shape.get("coordinates")
        polygons = ([coordinates] if kind == "Polygon"
                    else coordinates if kind == "MultiPolygon" else None)
        if not isinstance(polygons, list):
            return None
        return any(_in_polygon(polygon, where) for polygon in polygons)
    except (ValueError, TypeError, AttributeError, IndexError):
        return None


def _in_polygon(rings: list, where: tuple[float, float]) -> bool:
    """Inside the outer ring and outside every hole (GeoJSON is [longitude, latitude])."""
    def inside(ring) -> bool:
        lat, lon = where
        result = False
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
                result = not result
        return result

    return bool(rings) and inside(rings[0]) and not any(inside(hole) for hole in rings[1:])


# --- loading a postcode list --------------------------------------------------------------------

POSTCODE_COLUMNS = ("pcds", "postcode", "pcd", "pcd7", "pcd8", "pcd2")
LATITUDE_COLUMNS = ("lat", "latitude")
LONGITUDE_COLUMNS = ("long", "lon", "lng", "longitude")


class PostcodeFileError(ValueError):
    pass


def _column(header: list[str], names: tuple[str, ...]) -> int:
    lowered = [name.strip().lower() for name in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    raise PostcodeFileError(f"The file has no column named {' or '.join(names)}.")


def read_postcodes(lines: Iterable[str]) -> tuple[dict[str, tuple[float, float]], int]:
    """The points of a CSV's postcodes, and how many rows had no usable point (the ONS
    Postcode Directory gives 99.999999 for a postcode without one)."""
    rows = csv.reader(lines)
    header = next(rows, None)
    if not header:
        raise PostcodeFileError("The file is empty.")
    at = (_column(header, POSTCODE_COLUMNS), _column(header, LATITUDE_COLUMNS),
          _column(header, LONGITUDE_COLUMNS))
    points, skipped = {}, 0
    for row in rows:
        try:
            postcode = normal_postcode(row[at[0]])
            lat, lon = float(row[at[1]]), float(row[at[2]])
        except (IndexError, ValueError):
            postcode = None
        if postcode is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            skipped += 1
            continue
        points[postcode] = (lat, lon)
    return points, skipped


def store_postcodes(points: dict[str, tuple[float, float]], batch: int = 5000) -> int:
    """Replace the postcode list with these points (one transaction); how many are held."""
    db.session.execute(sa.delete(PostcodePoint))
    items = list(points.items())
    for start in range(0, len(items), batch):
        db.session.execute(sa.insert(PostcodePoint), [
            {"postcode": code, "latitude": lat, "longitude": lon}
            for code, (lat, lon) in items[start:start + batch]])
    db.session.commit()
    return len(items)
