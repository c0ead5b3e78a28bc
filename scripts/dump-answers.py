#!/usr/bin/env python3
"""Dump every answer of the project's dev files, for comparing two builds.

usage: scripts/dump-answers.py BIN OUT

Builds a temporary corpus of the five dev articles (the embedded seed and
testdata/eval/fiction/a*.md), runs every query of testdata/eval/seed-dev.tsv,
fiction/queries.tsv and members-dev.tsv through `BIN <command> --json
--limit 5`, and writes one line per query: the file, the query and the JSON
answer with its keys sorted. Two dumps are compared with diff; a refactor
that must not change answers leaves no diff.
"""
import json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
EVAL = os.path.join(TOP, "testdata", "eval")
FILES = ["seed-dev.tsv", os.path.join("fiction", "queries.tsv"), "members-dev.tsv"]
KINDS = {"who-said": "who-said", "who-said-none": "who-said", "ask": "ask",
         "reactions": "reactions", "quotes": "quotes"}


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip())
        return 2
    binary, out = os.path.abspath(argv[1]), argv[2]
    tmp = tempfile.mkdtemp(prefix="summitbot-dump-")
    try:
        corpus, index = os.path.join(tmp, "corpus"), os.path.join(tmp, "index")
        os.makedirs(corpus)
        shutil.copyfile(os.path.join(TOP, "corpus", "seed", "alaska-summit.txt"),
                        os.path.join(corpus, "alaska-summit.txt"))
        fiction = os.path.join(EVAL, "fiction")
        for n in sorted(os.listdir(fiction)):
            if n.startswith("a") and n.endswith(".md"):
                shutil.copyfile(os.path.join(fiction, n), os.path.join(corpus, n))
        env = dict(os.environ, CORPUS_DIR=corpus, INDEX_DIR=index)
        with open(out, "w", encoding="utf-8") as w:
            for name in FILES:
                with open(os.path.join(EVAL, name), encoding="utf-8") as f:
                    for line in f:
                        cols = line.rstrip("\r\n").split("\t")
                        if len(cols) < 2 or cols[0] not in KINDS:
                            continue
                        p = subprocess.run([binary, KINDS[cols[0]], "--json", "--limit", "5", cols[1]],
                                           env=env, cwd=tmp, capture_output=True, text=True)
                        try:
                            ans = json.dumps(json.loads(p.stdout), sort_keys=True, ensure_ascii=False)
                        except ValueError:
                            ans = f"exit {p.returncode}: {p.stdout.strip()} {p.stderr.strip()}"
                        w.write(f"{name}\t{cols[0]}\t{cols[1]}\t{ans}\n")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
