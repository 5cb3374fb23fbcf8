#!/usr/bin/env python3
"""Checks that every page of a fundus-style page set names its publisher.

Usage: scripts/fundus_outlets.py SHARED_DIR [--bin target/release/storyline]

SHARED_DIR holds ``ground-truth/ID.json`` (with the page's ``url``) and
``html/ID.html.gz``. The pages are packed with their URLs into one JSON Lines
file (``url`` + ``html`` fields) in a temporary directory, never in the
repository, ingested into a temporary database, and the articles are counted:
how many have an outlet, how many a publisher's name beside it, and which have
none.
"""

import argparse
import gzip
import json
import pathlib
import subprocess
import sys
import tempfile


def pack(shared: pathlib.Path, out: pathlib.Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for truth in sorted((shared / "ground-truth").glob("*.json")):
            page = shared / "html" / (truth.stem + ".html.gz")
            if not page.exists():
                continue
            url = json.loads(truth.read_text(encoding="utf-8")).get("url")
            html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
            f.write(json.dumps({"id": truth.stem, "url": url, "html": html}) + "\n")
            n += 1
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=pathlib.Path)
    ap.add_argument("--bin", default="target/release/storyline")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        pages = pack(args.shared, tmp / "pages.jsonl")
        db = str(tmp / "pages.db")
        subprocess.run(
            [args.bin, "ingest", "-q", "--db", db, str(tmp / "pages.jsonl")],
            check=False,
        )
        listed = subprocess.run(
            [args.bin, "articles", "--json", "--db", db],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    articles = [json.loads(line) for line in listed.splitlines() if line.strip()]
    with_outlet = [a for a in articles if a.get("outlet")]
    with_name = [a for a in articles if a.get("outlet_name")]
    print(f"pages {pages}, articles {len(articles)}, with an outlet {len(with_outlet)}, "
          f"with a publisher's name {len(with_name)}")
    names = {}
    for a in with_outlet:
        names.setdefault(a["outlet"], set()).add(a.get("outlet_name") or "-")
    for outlet, shown in sorted(names.items()):
        print(f"  {outlet}: {', '.join(sorted(shown))}")
    for a in articles:
        if not a.get("outlet"):
            print(f"  no outlet: #{a['id']} {a.get('title')}")
    return 0 if len(with_outlet) == len(articles) else 1


if __name__ == "__main__":
    sys.exit(main())
