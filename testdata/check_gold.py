#!/usr/bin/env python3
"""Check gold quote files against their articles.

usage: python3 testdata/check_gold.py ARTICLE.md ...   (e.g. testdata/outlets/o*.md, testdata/blind/b*.md)

For every article: each gold quote must occur verbatim in the body (after
the front matter), in document order; the number of gold lines must equal
the number of opening quote marks counted in the body (straight double
marks count one per pair; a straight or curly single mark counts when it
opens a word, i.e. follows a space, a start of line or an opening mark).
Standard library only.
"""
import os
import re
import sys

OPEN = "\"'\u201c\u2018\u00ab\u201e\u201a"
CLOSE = "\"'\u201d\u2019\u00bb\u201c\n"


def body(text):
    if text.startswith("---"):
        end = text.index("\n---", 3)
        return text[end + 4:]
    return text


def openings(b):
    n = b.count("\u201c") + b.count("\u00ab") + b.count("\u201e")
    if b.count("\u201e") > b.count("\u201d"):
        n -= b.count("\u201e")  # „…“: the closing “ was counted as an opening
    n += b.count('"') // 2
    # single marks that open a span: after start/space/opening mark/dash
    n += len(re.findall(r"(?:^|(?<=[\s\(\u2014\u2013\"\u201c\u00ab\u201e]))[\u2018'](?=\S)", b, re.M))
    # nested doubles inside «» or „“ are counted already; « » / „ “ each count once
    return n


def check(md):
    tsv = md[:-3] + ".tsv"
    b = body(open(md, encoding="utf-8").read())
    gold = [l.rstrip("\n").split("\t") for l in open(tsv, encoding="utf-8") if l.strip() and not l.startswith("#")]
    bad = 0
    pos = 0
    for i, g in enumerate(gold, 1):
        if len(g) < 3 or g[2] not in ("sure", "ambiguous"):
            print(f"{tsv}:{i}: bad columns {g!r}"); bad += 1; continue
        if g[0] == "UNKNOWN" and (len(g) < 4 or not g[3].strip()):
            print(f"{tsv}:{i}: UNKNOWN without description"); bad += 1
        if "UNKNOWN" not in g[0].split("|") and len(g) > 3:
            print(f"{tsv}:{i}: description on a named speaker"); bad += 1
        j = b.find(g[1], pos)
        if j < 0:
            where = b.find(g[1])
            print(f"{tsv}:{i}: {'OUT OF ORDER' if where >= 0 else 'NOT FOUND'}: {g[1]!r}"); bad += 1
            continue
        pos = j + 1
        before = b[j - 1] if j > 0 else "\n"
        after = b[j + len(g[1])] if j + len(g[1]) < len(b) else "\n"
        if before not in OPEN or after not in CLOSE:
            print(f"{tsv}:{i}: not between quote marks ({before!r} … {after!r}): {g[1]!r}"); bad += 1
    n = openings(b)
    paras = [p for p in b.split("\n\n") if p.strip() and not p.strip().startswith("## ")]
    flag = "" if n == len(gold) else f"   <-- {n} opening marks vs {len(gold)} gold lines"
    print(f"{os.path.basename(md):28s} paragraphs {len(paras):3d}  gold {len(gold):3d}{flag}")
    return bad


def main():
    files = sys.argv[1:]
    if not files:
        print(__doc__.strip())
        sys.exit(2)
    bad = sum(check(f) for f in files)
    print("OK" if bad == 0 else f"{bad} problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
