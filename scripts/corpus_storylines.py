#!/usr/bin/env python3
"""The example corpus as a user meets it: ingest it, read the storylines
back, and score them against its answer key (examples/corpus/stories.tsv).

  python3 scripts/corpus_storylines.py [--bin target/release/storyline]
      [--referee ../shared/referee/score_clusters.py] [--out DIR] [--dir examples/corpus]

Writes DIR/gold.jsonl (one article per line: id, cluster = its answer-key
story) and DIR/pred.tsv (id, storyline), prints the storylines and events
found, and prints BCubed as the referee computes it (the referee script
when given, else the same formula here). Articles are matched to the key by
URL, and by title where the key has no URL. Also used for the seeds
(--dir ../shared/seeds --one-story): every article is gold-labelled as one
story.
"""
import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile


def run(bin_, *args):
    out = subprocess.run([bin_, *args], check=True, capture_output=True, text=True)
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def bcubed(gold, pred):
    cont = collections.Counter((gold[i], p) for i, p in pred.items())
    gs = collections.Counter(gold[i] for i in pred)
    ps = collections.Counter(pred.values())
    n = len(pred) or 1
    p = sum(cont[(gold[i], q)] / ps[q] for i, q in pred.items()) / n
    r = sum(cont[(gold[i], q)] / gs[gold[i]] for i, q in pred.items()) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/storyline")
    ap.add_argument("--referee")
    ap.add_argument("--out")
    ap.add_argument("--dir", default="examples/corpus")
    ap.add_argument("--one-story", action="store_true")
    a = ap.parse_args()
    out = a.out or tempfile.mkdtemp()
    os.makedirs(out, exist_ok=True)
    db = os.path.join(out, "corpus.db")
    if os.path.exists(db):
        os.remove(db)
    subprocess.run([a.bin, "ingest", "-q", "--db", db, a.dir], check=True)
    key_url, key_title = {}, {}
    if not a.one_story:
        with open(os.path.join(a.dir, "stories.tsv"), newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row["url"] != "-":
                    key_url[row["url"]] = row["story"]
                key_title[row["title"]] = row["story"]
    gold, pred, events = {}, {}, 0
    for line in run(a.bin, "stories", "--json", "--db", db):
        shown = run(a.bin, "story", str(line["id"]), "--json", "--db", db)[0]
        events += len(shown["events"])
        print(f"storyline {line['id']}: {len(shown['events'])} events, "
              f"{line['articles']} articles: {line['title']}")
        for art in shown["articles"]:
            if a.one_story:
                story = "one"
            else:
                story = key_url.get(art.get("url")) or key_title.get(art.get("title"))
            if story is None:
                sys.exit(f"article {art['id']} ({art.get('url')}) is not in the answer key")
            gold[str(art["id"])] = story
            pred[str(art["id"])] = line["id"]
    with open(os.path.join(out, "gold.jsonl"), "w") as f:
        for i, g in gold.items():
            f.write(json.dumps({"id": i, "cluster": g}) + "\n")
    with open(os.path.join(out, "pred.tsv"), "w") as f:
        for i, p in pred.items():
            f.write(f"{i}\t{p}\n")
    print(f"articles {len(pred)}  stories in the key {len(set(gold.values()))}  "
          f"storylines {len(set(pred.values()))}  events {events}")
    if a.referee:
        res = subprocess.run(
            ["python3", a.referee, os.path.join(out, "gold.jsonl"), os.path.join(out, "pred.tsv")],
            check=True, capture_output=True, text=True)
        s = json.loads(res.stdout)
        p, r, f1 = s["bcubed_p"], s["bcubed_r"], s["bcubed_f1"]
    else:
        p, r, f1 = bcubed(gold, pred)
    print(f"storyline BCubed P {p:.5f} R {r:.5f} F1 {f1:.5f}")


if __name__ == "__main__":
    main()
