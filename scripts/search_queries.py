#!/usr/bin/env python3
"""Writes a search mix for the load benchmark, drawn from the database
itself so that it fits whatever text the database holds: common words
(in many of 500 sampled articles), rare words (in one), phrases (two
adjacent words of an article), two-word AND queries, and the fixed mix of
scripts/search_mix.lua. One query per line.

    python3 scripts/search_queries.py DB > queries.txt
"""
import random, re, sqlite3, sys
from collections import Counter

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rng = random.Random(7)
(n,) = db.execute("SELECT MAX(id) FROM articles").fetchone()
ids = sorted(rng.sample(range(1, n + 1), min(500, n)))


def plain(t):
    """A stored text: TEXT, or zstd-compressed bytes when that shrank it."""
    if isinstance(t, bytes):
        import zstandard  # pip install zstandard
        return zstandard.ZstdDecompressor().decompress(t, max_output_size=64 << 20).decode()
    return t


texts = [plain(t) for (t,) in db.execute(
    f"SELECT text FROM articles WHERE id IN ({','.join(map(str, ids))})")]
STOP = set("the of and to a in that is was for on with as by at from it he she they had have "
           "not but were said this be are an has his her their will which who".split())
words = [[w for w in re.findall(r"[A-Za-z]{4,}", t.lower()) if w not in STOP] for t in texts]
df = Counter(w for ws in words for w in set(ws))
common = [w for w, c in df.most_common(40)][:15]
rare = [w for w, c in df.items() if c == 1]
rng.shuffle(rare)
phrases = []
for ws in rng.sample(words, min(40, len(words))):
    if len(ws) > 3:
        i = rng.randrange(len(ws) - 1)
        phrases.append(f'"{ws[i]} {ws[i + 1]}"')
pairs = [f"{rng.choice(common)} {rng.choice(common)}" for _ in range(5)]
fixed = ["harbour", "council budget", '"said on Monday"', "Drummond", "strike OR ruling",
         "ferry -bridge", "quake rescue", "Arkwright appeal", "outlet:harbourgazette.example Drummond"]
for q in common + rare[:15] + phrases[:15] + pairs + fixed:
    print(q)
