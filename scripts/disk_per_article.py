#!/usr/bin/env python3
"""Disk cost of a stored HTML article, everything included: ingest a
directory of HTML pages into a fresh database and divide the file's size by
the articles stored.

  python3 scripts/disk_per_article.py [--bin target/release/storyline]
      [--vacuum] [--breakdown] [--keep DIR] PAGES_DIR

PAGES_DIR holds *.html or *.html.gz pages (searched recursively). A page's
URL, which gives its outlet, is read from a JSON file of the same stem with
a "url" field when one exists anywhere under PAGES_DIR (the WCXB layout:
html/0001.html.gz beside ground-truth/0001.json); pages are packed into one
JSON Lines file {"id", "url", "html"} in a temporary directory.

The size is the database file after `PRAGMA wal_checkpoint(TRUNCATE)`, so
the write-ahead log is folded in and empty; with --vacuum, also after
VACUUM (what a user sees once free pages are given back). Prints one line:
`bytes per article N (articles M, file F bytes)`; --breakdown adds, on
stderr, the bytes each table and index takes (SQLite's dbstat).
"""
import argparse
import gzip
import json
import os
import sqlite3
import subprocess
import sys
import tempfile


def pages(root):
    """(stem, path) of every HTML page under root, sorted."""
    found = []
    for dirpath, _, files in os.walk(root):
        for f in files:
            for ext in (".html.gz", ".html", ".htm.gz", ".htm"):
                if f.endswith(ext):
                    found.append((f[: -len(ext)], os.path.join(dirpath, f)))
                    break
    return sorted(found)


def urls(root):
    """stem -> url, from any JSON file under root with a "url" string."""
    out = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            if not f.endswith(".json"):
                continue
            try:
                with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                    v = json.load(fh)
            except (OSError, ValueError):
                continue
            if isinstance(v, dict) and isinstance(v.get("url"), str):
                out[f[: -len(".json")]] = v["url"]
    return out


def read_page(path):
    with open(path, "rb") as fh:
        data = fh.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def breakdown(conn):
    rows = conn.execute(
        "SELECT name, sum(pgsize), sum(payload) FROM dbstat GROUP BY name ORDER BY 2 DESC"
    ).fetchall()
    for name, size, payload in rows:
        print(f"  {name:<40} {size:>12} bytes in pages, {payload:>12} payload", file=sys.stderr)
    raw = conn.execute(
        "SELECT count(*), sum(length(raw)), sum(length(CAST(text AS BLOB))), "
        "sum(typeof(raw) = 'blob') FROM articles"
    ).fetchone()
    print(
        f"  articles {raw[0]}: raw column {raw[1]} bytes ({raw[3]} compressed), "
        f"text column {raw[2]} bytes",
        file=sys.stderr,
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pages_dir")
    ap.add_argument("--bin", default="target/release/storyline")
    ap.add_argument("--vacuum", action="store_true", help="VACUUM before measuring")
    ap.add_argument("--breakdown", action="store_true", help="bytes per table on stderr")
    ap.add_argument("--keep", help="write the JSONL and database here, and keep them")
    args = ap.parse_args()

    found = pages(args.pages_dir)
    if not found:
        sys.exit(f"{args.pages_dir}: no .html or .html.gz pages")
    known = urls(args.pages_dir)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or tmp
        os.makedirs(work, exist_ok=True)
        jsonl = os.path.join(work, "pages.jsonl")
        with open(jsonl, "w", encoding="utf-8") as out:
            for stem, path in found:
                rec = {"id": stem, "html": read_page(path)}
                if stem in known:
                    rec["url"] = known[stem]
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        db = os.path.join(work, "disk.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        # Exit status 1 means some pages gave no article; those are not stored
        # and not counted, which is what a user's database would hold too.
        run = subprocess.run([args.bin, "ingest", "--quiet", "--db", db, jsonl])
        if run.returncode not in (0, 1) or not os.path.exists(db):
            sys.exit(f"{args.bin} ingest failed with status {run.returncode}")
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        if args.vacuum:
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        if args.breakdown:
            breakdown(conn)
        conn.close()
        size = os.path.getsize(db)
        if os.path.exists(db + "-wal"):
            size += os.path.getsize(db + "-wal")
        per = size // max(articles, 1)
        print(f"bytes per article {per} (articles {articles}, file {size} bytes)")


if __name__ == "__main__":
    main()
