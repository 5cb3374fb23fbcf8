#!/usr/bin/env python3
"""Writes N synthetic news articles as JSON Lines, for measuring `storyline index`.

    python3 scripts/search_corpus.py 100000 > corpus.jsonl

Invented text with a realistic shape for a search index: ~300 words per
article drawn from a Zipf-distributed vocabulary of 40,000 made-up words,
each story with its own names and topic words, one or two attributed
quotes per article, 60 outlets, dates over a year. Deterministic.
"""
import json
import random
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
rng = random.Random(18)
SYL = ["ka", "lo", "mi", "ren", "ta", "vo", "sil", "dun", "ar", "pe", "ko", "bra", "tis", "on",
       "el", "mar", "qui", "zo", "len", "us", "fa", "gor", "hel", "in", "ja", "nu", "ost", "ri"]
FUNCTION = ["the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "with", "as",
            "by", "at", "from", "it", "he", "she", "they", "had", "have", "not", "but", "were"]


def word(i):
    r = random.Random(i)
    return "".join(r.choice(SYL) for _ in range(r.randint(2, 4)))


VOCAB = FUNCTION + [word(i) for i in range(40_000)]
WEIGHTS = [1.0 / (r + 1) ** 1.05 for r in range(len(VOCAB))]
CUM = []
t = 0.0
for w in WEIGHTS:
    t += w
    CUM.append(t)


def zipf_words(k):
    return rng.choices(VOCAB, cum_weights=CUM, k=k)


def name():
    return word(rng.randrange(10**6, 2 * 10**6)).capitalize() + " " + word(rng.randrange(2 * 10**6, 3 * 10**6)).capitalize()


stories = []
for i in range(N):
    if not stories or rng.random() < 0.35:
        stories.append({"names": [name() for _ in range(3)],
                        "topic": [word(rng.randrange(5 * 10**6, 6 * 10**6)) for _ in range(6)],
                        "day": rng.randrange(365)})
    s = stories[min(len(stories) - 1, int(len(stories) * (1 - rng.random() ** 3)))]
    paras = []
    for _ in range(rng.randint(4, 7)):
        ws = zipf_words(rng.randint(35, 60))
        for j in range(0, len(ws), 7):
            ws[j] = rng.choice(s["topic"])
        ws.insert(rng.randrange(len(ws)), rng.choice(s["names"]))
        paras.append(" ".join(ws).capitalize() + ".")
    for _ in range(rng.randint(1, 2)):
        q = " ".join(zipf_words(rng.randint(8, 20))).capitalize()
        paras.insert(rng.randrange(len(paras)), f"\u201c{q},\u201d said {rng.choice(s['names'])}.")
    day = s["day"] + rng.randint(0, 3)
    month, dom = 1 + (day // 31) % 12, 1 + day % 28
    outlet = rng.randrange(60)
    print(json.dumps({
        "id": f"s{i}",
        "url": f"https://outlet{outlet}.example/news/{i}",
        "title": " ".join([rng.choice(s["topic"]).capitalize()] + zipf_words(6)),
        "date": f"2025-{month:02d}-{dom:02d}T{rng.randrange(24):02d}:00:00Z",
        "text": "\n\n".join(paras),
    }))
