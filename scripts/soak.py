#!/usr/bin/env python3
"""Soak benchmark of `storyline watch` against the newsroom simulator.

  python3 scripts/soak.py [--minutes 60] [--feeds 1000] [--hosts 100]
      [--articles 20000] [--kills 5] [--speed 1] [--out DIR]

Starts `newsroom` (1,000 feeds on 100 simulated hosts publishing
`--articles` new articles evenly over the run), imports its OPML, and runs
`storyline watch` on a fresh database, killing it with SIGKILL at `--kills`
random moments and restarting it at once. Every 10 s it samples the
watcher's CPU time and resident memory. At the end it reports:

- CPU: the watcher's average share of one core, and the curve;
- memory: peak resident set, and the curve (flat or growing);
- freshness: per article, from the moment the simulator listed it in its
  feed to the moment storyline stored it (p50, p95, max);
- conditional GET: of the polls of a feed unchanged since its previous
  poll (the simulator counts them), how many were answered 304 without a
  body;
- politeness: the smallest gap between two requests to one host;
- crashes: items listed but not stored (lost), URLs stored twice
  (duplicates), and whether the per-outlet counters equal a recount;
- briefs: each minute, how many storylines wait for their brief (the
  watcher computes briefs within a CPU budget; readers compute a missing
  one themselves).

Binaries are taken from target/release (build them first:
`cargo build --release --bins`). Python is only the harness.
"""
import argparse
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime

TICK = os.sysconf("SC_CLK_TCK")


def proc_sample(pid):
    """(CPU seconds, resident bytes, of which anonymous) of a process."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            parts = f.read().rsplit(")", 1)[1].split()
        cpu = (int(parts[11]) + int(parts[12])) / TICK
        rss = anon = 0
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("RssAnon:"):
                    anon = int(line.split()[1]) * 1024
        return cpu, rss, anon
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None


UNBRIEFED = """
SELECT COUNT(*), SUM(NOT EXISTS (SELECT 1 FROM story_briefs b WHERE b.storyline_id = l))
FROM (SELECT DISTINCT COALESCE(sl.storyline_id, s.id) AS l FROM stories s
      LEFT JOIN story_lines sl ON sl.story_id = s.id)
"""


def unbriefed(db):
    """(storylines, storylines without a brief), read beside the watcher."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            total, missing = con.execute(UNBRIEFED).fetchone()
        finally:
            con.close()
        return total or 0, missing or 0
    except sqlite3.Error:
        return None


def get_json(addr, path):
    req = urllib.request.Request(f"http://{addr}{path}", headers={"Host": "site-0.newsroom.test"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def parse_time(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--hosts", type=int, default=100)
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--out")
    ap.add_argument("--bin", default="target/release")
    ap.add_argument("--wrap", default="",
                    help="a command line to run the watcher under, e.g. "
                         "'heaptrack -o OUT/heap' (samples then measure the wrapper's process)")
    ap.add_argument("--speed", type=float, default=1.0,
                    help="simulated seconds per real second (1440: the hour "
                         "publishes 60 days, so the clusterer's 30-day window turns over)")
    a = ap.parse_args()
    out = a.out or tempfile.mkdtemp(prefix="soak-")
    os.makedirs(out, exist_ok=True)
    db = os.path.join(out, "soak.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    seconds = a.minutes * 60
    opml = os.path.join(out, "feeds.opml")
    news = subprocess.Popen(
        [os.path.join(a.bin, "newsroom"), "--feeds", str(a.feeds), "--hosts", str(a.hosts),
         "--synthetic", str(a.articles), "--over", str(int(seconds)), "--opml", opml,
         "--speed", str(a.speed)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    addr = None
    for line in news.stdout:
        m = re.search(r"127\.0\.0\.1:(\d+)", line)
        if m:
            addr = m.group(0)
            break
    if not addr:
        sys.exit("newsroom did not start")
    for _ in range(100):
        if os.path.exists(opml):
            break
        time.sleep(0.1)
    sl = os.path.join(a.bin, "storyline")
    subprocess.run([sl, "sources", "import", opml, "--db", db], check=True)
    watch_cmd = a.wrap.split() + [sl, "watch", "--db", db, "--allow-private", "--quiet",
                 "--resolve", "*.newsroom.test=127.0.0.1"]
    log = open(os.path.join(out, "watch.log"), "a")
    start = time.time()
    kills = sorted(random.uniform(0.1, 0.9) * seconds for _ in range(a.kills))
    watcher = subprocess.Popen(watch_cmd, stdout=log, stderr=log)
    samples = []  # (t, cpu seconds total over all watcher processes, rss, anonymous rss)
    briefs = []  # (t, storylines, storylines without a brief)
    cpu_done = 0.0  # CPU of killed watchers
    last_cpu = 0.0
    while time.time() - start < seconds:
        time.sleep(10)
        t = time.time() - start
        s = proc_sample(watcher.pid)
        if s:
            last_cpu = s[0]
            samples.append((t, cpu_done + s[0], s[1], s[2]))
        if len(samples) % 6 == 0:
            b = unbriefed(db)
            if b:
                briefs.append((t, b[0], b[1]))
        if kills and t >= kills[0]:
            kills.pop(0)
            watcher.send_signal(signal.SIGKILL)
            watcher.wait()
            cpu_done += last_cpu
            last_cpu = 0.0
            log.write(f"--- killed at {t:.0f}s, restarting\n")
            log.flush()
            watcher = subprocess.Popen(watch_cmd, stdout=log, stderr=log)
    # Let the last articles arrive, then stop cleanly.
    time.sleep(90)
    s = proc_sample(watcher.pid)
    if s:
        samples.append((time.time() - start, cpu_done + s[0], s[1], s[2]))
    watcher.send_signal(signal.SIGINT)
    try:
        watcher.wait(timeout=60)
    except subprocess.TimeoutExpired:
        watcher.kill()
    stats = get_json(addr, "/_stats")
    items = get_json(addr, "/_items")
    news.send_signal(signal.SIGINT)
    try:
        news.wait(timeout=10)
    except subprocess.TimeoutExpired:
        news.kill()

    con = sqlite3.connect(db)
    stored = {}
    dup_urls = 0
    for url, n, first in con.execute(
            "SELECT url, COUNT(*), MIN(ingested_at) FROM articles WHERE url IS NOT NULL GROUP BY url"):
        stored[url] = parse_time(first)
        if n > 1:
            dup_urls += 1
    placed = con.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0]
    total = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    counted = dict(con.execute("SELECT outlet, articles FROM outlets"))
    recount = dict(con.execute(
        "SELECT outlet, COUNT(*) FROM articles WHERE outlet IS NOT NULL AND length(text) > 0 GROUP BY outlet"))
    counters_right = all(counted.get(k) == v for k, v in recount.items())
    lags, lost = [], 0
    item_list = items
    for it in item_list:
        url = it["url"]
        if url in stored:
            lags.append(stored[url] - parse_time(it["appeared"]))
        else:
            lost += 1
    lags.sort()
    pct = lambda q: lags[min(len(lags) - 1, int(q * len(lags)))] if lags else float("nan")
    elapsed = samples[-1][0] if samples else seconds
    cpu_total = samples[-1][1] if samples else 0.0
    report = {
        "minutes": a.minutes, "feeds": a.feeds, "hosts": a.hosts,
        "items_listed": len(item_list), "articles_stored": total, "placed": placed,
        "lost": lost, "duplicate_urls": dup_urls, "counters_right": counters_right,
        "cpu_share_of_one_core": cpu_total / max(elapsed, 1e-9),
        "peak_rss_mb": max((s[2] for s in samples), default=0) / 1e6,
        "freshness_s": {"p50": pct(0.5), "p95": pct(0.95), "max": lags[-1] if lags else None},
        "requests": stats["total"]["requests"],
        "statuses": stats["total"]["statuses"],
        "unchanged_polls": stats["total"]["unchanged_polls"],
        "unchanged_304_share": stats["total"]["unchanged_304"] / max(stats["total"]["unchanged_polls"], 1),
        "per_host_min_gap_ms": min((h["min_gap_ms"] for h in stats["hosts"].values() if h["min_gap_ms"] is not None), default=None),
        "per_host_max_per_second": max((h["max_per_second"] for h in stats["hosts"].values()), default=0),
        "per_host_max_in_flight": max((h["max_in_flight"] for h in stats["hosts"].values()), default=0),
        "briefs_waiting": {
            "mean_share": sum(m / max(n, 1) for _, n, m in briefs) / max(len(briefs), 1),
            "max": max((m for _, _, m in briefs), default=0),
            "last": briefs[-1][1:] if briefs else None,
        },
        "brief_curve": [{"t": round(t), "storylines": n, "waiting": m} for t, n, m in briefs],
        "curve": [{"t": round(t), "cpu_s": round(c, 1), "rss_mb": round(r / 1e6, 1),
                   "anon_mb": round(an / 1e6, 1)} for t, c, r, an in samples],
    }
    with open(os.path.join(out, "soak.json"), "w") as f:
        json.dump(report, f, indent=1)
    print(json.dumps({k: v for k, v in report.items() if k not in ("curve", "brief_curve")}, indent=1))
    print(f"curve and details: {os.path.join(out, 'soak.json')}")


if __name__ == "__main__":
    main()
