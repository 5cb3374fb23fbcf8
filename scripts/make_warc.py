#!/usr/bin/env python3
"""WARC archives of real-sized pages for the scaling benchmark.

  python3 scripts/make_warc.py DIR OUT_PREFIX RECORDS FILES

DIR is a page set in the wcxb layout (html/ID.html.gz, ground-truth/ID.json
with the page's url). Its pages are cycled until RECORDS response records
are written, spread over FILES gzipped WARC files (OUT_PREFIX-000.warc.gz,
...), one gzip member per record as CC-NEWS ships them. Each copy of a
page after the first gets a comment and a URL suffix, so that every record
is a distinct article (its own content hash) of the same size and shape.
The output is benchmark input only: it stays outside the repository.
"""
import gzip, json, os, sys, uuid


def main():
    folder, prefix, total, files = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    gt = os.path.join(folder, 'ground-truth')
    ids = sorted(n[:-5] for n in os.listdir(gt) if n.endswith('.json'))
    pages = []
    for pid in ids:
        url = json.load(open(os.path.join(gt, pid + '.json'), encoding='utf-8')).get('url') or f'https://example.invalid/{pid}'
        pages.append((url, gzip.open(os.path.join(folder, 'html', pid + '.html.gz')).read()))
    per_file = -(-total // files)
    n = 0
    for f in range(files):
        with open(f'{prefix}-{f:03d}.warc.gz', 'wb') as out:
            for _ in range(per_file):
                if n >= total:
                    break
                url, html = pages[n % len(pages)]
                copy = n // len(pages)
                if copy:
                    html = html + f'\n<!-- copy {copy} -->\n'.encode()
                    url = f'{url}#copy{copy}'
                http = (b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: '
                        + str(len(html)).encode() + b'\r\n\r\n' + html)
                head = (f'WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-09-01T00:00:00Z\r\n'
                        f'WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\nWARC-Target-URI: {url}\r\n'
                        f'Content-Type: application/http; msgtype=response\r\n'
                        f'Content-Length: {len(http)}\r\n\r\n').encode()
                out.write(gzip.compress(head + http + b'\r\n\r\n', 6))
                n += 1
    print(f'{n} records in {files} files, {sum(len(p[1]) for p in pages) // len(pages) // 1000} KB of HTML per page on average')


if __name__ == '__main__':
    main()
