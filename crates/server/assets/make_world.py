#!/usr/bin/env python3
"""Builds world.svg-paths, the map's offline base layer, from the npm package world-atlas.

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    python3 make_world.py package/countries-110m.json > world.paths

world-atlas (ISC licence, Copyright 2013-2019 Michael Bostock) packages Natural Earth's
1:110m country outlines (public domain) as TopoJSON. This script decodes the TopoJSON arcs
and writes one line per country: its name, a tab, and an SVG path in an equirectangular
projection (x = longitude + 180, y = 90 - latitude, so the map is 360 x 180 units), with
coordinates rounded to 0.1 degree and points that round to the same place dropped. Standard
library only.
"""
import json
import sys


def decode_arcs(topology):
    """Absolute lon/lat points of every arc (TopoJSON arcs are quantised and delta-coded)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            if transform:
                x += dx
                y += dy
                sx, sy = transform["scale"]
                tx, ty = transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((dx, dy))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    """The points of a ring made of arc indexes (a negative index is a reversed arc)."""
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points):
    """A ring crossing the antimeridian made continuous (longitudes past 180 or before -180),
    placed so that most of it lies on the map; the map's edge clips the rest."""
    out = []
    shift = 0.0
    for i, (lon, lat) in enumerate(points):
        if i and lon + shift - out[-1][0] > 180:
            shift -= 360
        elif i and lon + shift - out[-1][0] < -180:
            shift += 360
        out.append((lon + shift, lat))
    mean = sum(p[0] for p in out) / max(len(out), 1)
    if mean > 180:
        out = [(lon - 360, lat) for lon, lat in out]
    elif mean < -180:
        out = [(lon + 360, lat) for lon, lat in out]
    return out


def ring_path(points):
    """An SVG subpath: M x y L x y ... Z, rounded, without repeated points."""
    out = []
    last = None
    for lon, lat in unwrap(points):
        p = (round(lon + 180, 1), round(90 - lat, 1))
        if p != last:
            out.append(p)
            last = p
    if len(out) < 3:
        return ""
    head = "M%g %g" % out[0]
    return head + "".join("L%g %g" % p for p in out[1:]) + "Z"


def main(path):
    topology = json.load(open(path, encoding="utf-8"))
    arcs = decode_arcs(topology)
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        d = "".join(ring_path(ring_points(r, arcs)) for poly in polygons for r in poly)
        if d:
            print("%s\t%s" % (name.replace("\t", " "), d))


if __name__ == "__main__":
    main(sys.argv[1])
