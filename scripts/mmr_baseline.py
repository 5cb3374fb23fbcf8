#!/usr/bin/env python3
"""Classic MMR summaries of a summaries file, scored like the referee.

A comparison, not part of the product: the baseline the summary issue names
(maximal marginal relevance, Carbonell & Goldstein 1998), written plainly so
that it runs on the same clusters as `storyline eval summarize`.

  python3 scripts/mmr_baseline.py FILE.jsonl WORDS [LAMBDA ...] [--pred PRED.jsonl]

Each cluster's article texts are split into sentences (the referee's splitter,
sentences under five words dropped); sentences are TF-IDF vectors over
lowercase alphanumeric words without a short stopword list, IDF counted over
the cluster's sentences; relevance is the cosine with the cluster's summed
vector. Sentences are picked greedily by LAMBDA * relevance - (1 - LAMBDA) *
(highest cosine with a sentence already picked), skipping any that no longer
fits in WORDS. Prints mean ROUGE-1/2 F1 x100 per LAMBDA (default 0.5 0.7),
computed by rouge-score (`pip install rouge-score`) as
`../shared/referee/score_summaries.py` does.

With `--pred PRED.jsonl` (the predictions `storyline eval summarize --pred`
writes), it also prints how far those predictions lead each MMR run in mean
ROUGE-1, with the standard error of that paired difference over the clusters,
and last the lead over the best of the MMR runs (`lead R1 ...`), which
`.ci/run` gates.
"""
import json
import math
import re
import sys
from collections import Counter

from rouge_score import rouge_scorer

SPLIT = re.compile(r'([.!?]["\u201d\u2019)]?)\s+(?=[A-Z0-9"\u201c\u2018(])')
STOP = set(
    "the a an of to in and or for on at by with from as is was are were be been "
    "that this it its he she they his her their said says will would has have had "
    "not but".split()
)


def sentences(text):
    out = []
    for para in text.split("\n"):
        for s in SPLIT.sub(r"\1\n", para.strip()).split("\n"):
            if len(s.split()) >= 5:
                out.append(s.strip())
    return out


def terms(s):
    return [w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in STOP]


def cosine(a, b):
    num = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return num / (na * nb) if na and nb else 0.0


def summarize(articles, words, lam):
    sents = [s for a in articles for s in sentences(a.get("text") or "")]
    n = len(sents)
    df = Counter(w for s in sents for w in set(terms(s)))
    vecs = [
        {w: c * math.log((n + 1) / (df[w] + 1) + 1) for w, c in Counter(terms(s)).items()}
        for s in sents
    ]
    centroid = Counter()
    for v in vecs:
        centroid.update(v)
    rel = [cosine(v, centroid) for v in vecs]
    chosen, left, open_ = [], words, set(range(n))
    while open_ and left > 0:
        def mmr(i):
            near = max((cosine(vecs[i], vecs[j]) for j in chosen), default=0.0)
            return lam * rel[i] - (1 - lam) * near

        best = max(open_, key=mmr)
        open_.discard(best)
        k = len(sents[best].split())
        if k <= left:
            chosen.append(best)
            left -= k
    return "\n".join(sents[i] for i in chosen)


def main():
    args = sys.argv[1:]
    pred = None
    if "--pred" in args:
        i = args.index("--pred")
        pred = {}
        for line in open(args[i + 1], encoding="utf-8"):
            r = json.loads(line)
            pred[r["cluster_id"]] = r.get("summary") or ""
        del args[i : i + 2]
    path, words = args[0], int(args[1])
    lams = [float(x) for x in args[2:]] or [0.5, 0.7]
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=False)
    refs = [SPLIT.sub(r"\1\n", row["reference_summary"].strip()) for row in rows]
    ours = None
    if pred is not None:
        ours = []
        for row, ref in zip(rows, refs):
            p = pred.get(row["cluster_id"], "")
            ours.append(scorer.score(ref, p if "\n" in p else SPLIT.sub(r"\1\n", p))["rouge1"].fmeasure)
    best = None
    for lam in lams:
        r1 = r2 = 0.0
        per = []
        for row, ref in zip(rows, refs):
            s = scorer.score(ref, summarize(row["articles"], words, lam))
            r1 += s["rouge1"].fmeasure
            r2 += s["rouge2"].fmeasure
            per.append(s["rouge1"].fmeasure)
        line = f"lambda {lam}: clusters {len(rows)}  R1 {100 * r1 / len(rows):.2f}  R2 {100 * r2 / len(rows):.2f}"
        if ours is not None:
            lead, se = paired(ours, per)
            line += f"  lead {lead:.2f} +- {se:.2f}"
            if best is None or r1 > best[0]:
                best = (r1, lam, lead, se)
        print(line)
    if best is not None:
        _, lam, lead, se = best
        print(f"lead R1 {lead:.2f} se {se:.2f} over the best MMR run (lambda {lam})")


def paired(ours, theirs):
    """Mean difference x100 of per-cluster scores and its standard error."""
    d = [100 * (a - b) for a, b in zip(ours, theirs)]
    n = len(d)
    if n < 2:
        return (d[0] if d else 0.0), 0.0
    mean = sum(d) / n
    var = sum((x - mean) ** 2 for x in d) / (n - 1)
    return mean, math.sqrt(var / n)


if __name__ == "__main__":
    main()
