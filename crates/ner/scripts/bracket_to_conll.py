#!/usr/bin/env python3
"""Converts a bracket-annotated text ("[PER Theresa May] met ...") to CoNLL (word TAG, IOB2).

Usage: bracket_to_conll.py IN.txt > OUT.conll

Lines starting with '#' are comments; a line '---' starts a new document; every other line is
one sentence. Punctuation at word edges and a possessive 's become tokens of their own.
"""
import re
import sys

EDGE = "\"“”‘’'(),.:;!?"


def split_word(word):
    """Splits edge punctuation and a possessive 's off a word."""
    lead, trail = [], []
    while word and word[0] in EDGE:
        lead.append(word[0])
        word = word[1:]
    while word and word[-1] in EDGE:
        trail.insert(0, word[-1])
        word = word[:-1]
    for suffix in ("'s", "’s"):
        if word.endswith(suffix) and len(word) > len(suffix):
            trail.insert(0, suffix)
            word = word[: -len(suffix)]
    return lead + ([word] if word else []) + trail


def convert(line):
    """Yields (token, tag) pairs of one annotated sentence."""
    pos = 0
    for m in re.finditer(r"\[(PER|ORG|LOC|MISC) ([^\]]+)\]", line):
        for word in line[pos : m.start()].split():
            for token in split_word(word):
                yield token, "O"
        names = m.group(2).split()
        for i, token in enumerate(names):
            yield token, ("B-" if i == 0 else "I-") + m.group(1)
        pos = m.end()
    for word in line[pos:].split():
        for token in split_word(word):
            yield token, "O"


def main():
    print("-DOCSTART- O\n")
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line == "---":
                print("-DOCSTART- O\n")
                continue
            for token, tag in convert(line):
                print(f"{token} {tag}")
            print()


main()
