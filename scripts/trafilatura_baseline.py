#!/usr/bin/env python3
"""The public reference on a page benchmark: Python trafilatura's
bare_extraction (text and metadata) on every page of a wcxb-layout folder
(`html/ID.html.gz`, `ground-truth/ID.json` with the page's `url`), written in
the referee's PRED.json shape, with its speed on one core.

  pip install trafilatura==2.3.1 lxml_html_clean
  python3 scripts/trafilatura_baseline.py DIR PRED.json
  python3 ../shared/referee/score_extraction.py fundus DIR/ground-truth PRED.json
"""
import gzip, json, os, sys, time

import trafilatura


def main():
    folder, out = sys.argv[1], sys.argv[2]
    gt = os.path.join(folder, 'ground-truth')
    ids = sorted(n[:-5] for n in os.listdir(gt) if n.endswith('.json'))
    pred, spent = {}, 0.0
    for pid in ids:
        url = json.load(open(os.path.join(gt, pid + '.json'), encoding='utf-8')).get('url')
        raw = gzip.open(os.path.join(folder, 'html', pid + '.html.gz')).read()
        html = raw.decode('utf-8', 'replace')
        started = time.process_time()
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
        spent += time.process_time() - started
        if doc is not None and not isinstance(doc, dict):
            doc = doc.as_dict()
        doc = doc or {}
        pred[pid] = {'articleBody': doc.get('text') or '', 'title': doc.get('title'),
                     'author': doc.get('author'), 'date': doc.get('date')}
    json.dump(pred, open(out, 'w', encoding='utf-8'), ensure_ascii=False)
    print(f'{len(ids)} pages, {spent:.1f} s of CPU, {len(ids) / max(spent, 1e-9):.1f} pages/s on one core')


if __name__ == '__main__':
    main()
