#!/usr/bin/env python3
"""Writes the WARC test inputs good/nieuws.warc and good/nieuws.warc.gz (standard library only).

Run from this folder: `python3 make_warc.py`. The pages are original texts written for
Kroniek's tests. Record layout follows WARC/1.1: a warcinfo record, then request/response
pairs. The plain file holds two HTML pages (one sent with chunked transfer encoding and gzip
content encoding), a PNG response and a 404 page (both passed over by ingest). The .gz file
holds one more page, each record compressed as its own gzip member, as crawlers write them.
"""
import gzip
import uuid

DATE = "2024-06-01T10:00:00Z"


def record(kind, headers, block):
    ident = uuid.uuid5(uuid.NAMESPACE_URL, kind + repr(headers) + repr(block))
    head = [
        "WARC/1.1",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{ident}>",
        f"WARC-Date: {DATE}",
    ]
    head += [f"{k}: {v}" for k, v in headers]
    head.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def page(title, paragraphs, published):
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
<title>{title}</title><meta property="article:published_time" content="{published}">
</head><body><header>Menu</header><article><h1>{title}</h1>
{body}</article><footer>Colofon</footer></body></html>""".encode()


def response(uri, status, content_type, body, extra=()):
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in extra)
    block = head.encode() + b"\r\n" + body
    return record("response", [("WARC-Target-URI", uri),
                               ("Content-Type", "application/http; msgtype=response")], block)


def request(uri):
    block = f"GET {uri} HTTP/1.1\r\nHost: example\r\n\r\n".encode()
    return record("request", [("WARC-Target-URI", uri),
                              ("Content-Type", "application/http; msgtype=request")], block)


def chunked(data, size=100):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += f"{len(part):x}\r\n".encode() + part + b"\r\n"
    return out + b"0\r\n\r\n"


info = record("warcinfo", [("Content-Type", "application/warc-fields")],
              b"software: kroniek tests make_warc.py\r\nformat: WARC File Format 1.1\r\n")

hoorn = page("Hoorn krijgt een nieuw station", [
    "Het station van Hoorn wordt de komende drie jaar verbouwd. ProRail investeert 45 miljoen euro.",
    "\u201cReizigers krijgen een ruimere hal en meer fietsenstallingen,\u201d zegt projectleider Ilse Vermeer.",
    "Tijdens de verbouwing rijden de treinen volgens de gewone dienstregeling.",
], "2024-05-28")
zwolle = page("Zwolle sluit zwembad De Vrolijkheid", [
    "Het zwembad De Vrolijkheid in Zwolle gaat op 1 juli dicht voor groot onderhoud.",
    "Volgens wethouder Bram Dekker kost de renovatie ruim 7 miljoen euro.",
    "Zwemverenigingen wijken uit naar Kampen en Hattem.",
], "2024-05-30")
almere = page("Almere plant duizend bomen langs de Hogering", [
    "De gemeente Almere plant dit najaar duizend bomen langs de Hogering.",
    "\u201cMeer groen maakt de stad koeler in de zomer,\u201d zegt wethouder Fatima Yilmaz.",
], "2024-05-31")

plain = [
    info,
    request("https://stadskrant.example/hoorn-station"),
    response("https://stadskrant.example/hoorn-station", "200 OK", "text/html; charset=utf-8", hoorn),
    request("https://stadskrant.example/zwolle-zwembad"),
    response("https://stadskrant.example/zwolle-zwembad", "200 OK", "text/html",
             chunked(gzip.compress(zwolle, mtime=0)),
             [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]),
    response("https://stadskrant.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\nnot really"),
    response("https://stadskrant.example/weg", "404 Not Found", "text/html", b"<p>Niet gevonden</p>"),
]
with open("good/nieuws.warc", "wb") as f:
    f.write(b"".join(plain))

compressed = [
    info,
    response("https://stadskrant.example/almere-bomen", "200 OK", "text/html; charset=utf-8", almere),
]
with open("good/nieuws.warc.gz", "wb") as f:
    for r in compressed:
        f.write(gzip.compress(r, mtime=0))
