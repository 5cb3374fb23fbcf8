#!/usr/bin/env python3
"""How soon new coverage shows on an open story page of `storyline serve`.

Starts the server on a copy of DB, opens the live event stream of the story
a test article belongs to (the example corpus's Drummond court story), then
ingests variants of tests/data/live/appeal-date.jsonl one after another and
times, for each, from the moment the ingest has committed (its process has
exited) to the moment the story page shows the new headline (the update
event received and the page fetched again, as the page's script does).

    python3 scripts/serve_freshness.py DB [--runs 5] [--bin target/release/storyline]
"""
import argparse, json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request

ap = argparse.ArgumentParser()
ap.add_argument("db")
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--bin", default="target/release/storyline")
a = ap.parse_args()

tmp = tempfile.mkdtemp()
db = os.path.join(tmp, "fresh.db")
shutil.copy(a.db, db)
srv = subprocess.Popen([a.bin, "serve", "--db", db, "--bind", "127.0.0.1:0"],
                       stderr=subprocess.PIPE, text=True)
addr = None
for line in srv.stderr:
    if "on http://" in line:
        addr = line.split("on http://")[1].strip().rstrip("/")
        break
host, port = addr.split(":")

def get(path):
    with urllib.request.urlopen(f"http://{addr}{path}", timeout=30) as r:
        return r.read().decode()

items = json.loads(get("/api/v1/stories?limit=100"))["items"]
story = next(i["id"] for i in items if "Drummond" in i["headline"])
fixture = json.loads(open("tests/data/live/appeal-date.jsonl").read())
times = []
try:
    for run in range(a.runs):
        rec = dict(fixture)
        title = f"{fixture['title']} (update {run + 1})"
        rec.update(id=f"{fixture['id']}-{run}", url=f"{fixture['url']}-{run}", title=title,
                   text=fixture["text"] + f"\n\nThis is update number {run + 1} of the report.")
        path = os.path.join(tmp, f"a{run}.jsonl")
        open(path, "w").write(json.dumps(rec) + "\n")
        s = socket.create_connection((host, int(port)))
        s.sendall(f"GET /story/{story}/live HTTP/1.1\r\nHost: {addr}\r\n\r\n".encode())
        s.settimeout(60)
        s.recv(4096)  # the response head
        started = time.monotonic()
        subprocess.run([a.bin, "ingest", "-q", "--db", db, path], check=True)
        committed = time.monotonic()
        seen = ""
        while "event: update" not in seen:
            seen += s.recv(4096).decode(errors="replace")
        while title not in get(f"/story/{story}"):
            time.sleep(0.05)
        now = time.monotonic()
        shown, whole = now - committed, now - started
        s.close()
        times.append(whole)
        print(f"run {run + 1}: shown {shown:.2f} s after the ingest exited, "
              f"{whole:.2f} s after it started (an upper bound from the commit)")
finally:
    srv.terminate()
    shutil.rmtree(tmp)
times.sort()
print(f"freshness (from the ingest's start) over {len(times)} runs: "
      f"median {times[len(times) // 2]:.2f} s, max {times[-1]:.2f} s")
