#!/usr/bin/env python3
"""Do two storyline databases hold the same articles and the same stories?

  python3 scripts/compare_stores.py A B

A and B are each a SQLite file or a PostgreSQL URL (read with psql).
Articles are matched by content hash, and compared on every field the
reader sees (title, author, date, outlet, language, text). Stories and
storylines are compared as sets of member articles, since their ids
follow article ids, which differ when several workers store in parallel.
Exits 1 and prints the first differences when they differ.
"""
import hashlib, sqlite3, subprocess, sys

QUERY = ("SELECT a.hash, a.title, a.author, a.published, a.outlet, a.lang, a.text, "
         "m.story_id, coalesce(l.storyline_id, m.story_id), m.duplicate_of "
         "FROM articles a LEFT JOIN story_articles m ON m.article_id = a.id "
         "LEFT JOIN story_lines l ON l.story_id = m.story_id")
IDS = "SELECT id, hash FROM articles"


def rows(db, sql):
    if db.startswith(('postgres://', 'postgresql://')):
        out = subprocess.run(['psql', db, '-X', '-At', '-F', '\x1f', '-R', '\x1e', '-c', sql],
                             check=True, capture_output=True).stdout.decode()
        return [[None if f == '' else f for f in r.split('\x1f')] for r in out.split('\x1e') if r]
    con = sqlite3.connect(f'file:{db}?mode=ro', uri=True)
    return [[v if v is None or isinstance(v, bytes) else str(v) for v in r]
            for r in con.execute(sql)]


def plain(text):
    """An article's text as stored (TEXT, or bytes zstd-compressed when that
    shrinks it; PostgreSQL's bytea comes from psql as \\x-hex) as a string."""
    if text is None:
        return ''
    if isinstance(text, str) and text.startswith('\\x'):
        text = bytes.fromhex(text[2:])
    if isinstance(text, bytes):
        if text.startswith(b'\x28\xb5\x2f\xfd'):
            import zstandard  # pip install zstandard
            text = zstandard.ZstdDecompressor().decompress(text, max_output_size=64 << 20)
        return text.decode('utf-8')
    return text


def load(db):
    by_id = {i: h for i, h in rows(db, IDS)}
    articles, stories, lines = {}, {}, {}
    for h, title, author, pub, outlet, lang, text, story, line, dup in rows(db, QUERY):
        digest = hashlib.sha256(plain(text).encode()).hexdigest()[:16]
        articles[h] = (title, author, pub, outlet, lang, digest, by_id.get(dup))
        if story is not None:
            stories.setdefault(story, set()).add(h)
            lines.setdefault(line, set()).add(h)
    canon = lambda groups: sorted(sorted(g) for g in groups.values())
    return articles, canon(stories), canon(lines)


def main():
    a, b = load(sys.argv[1]), load(sys.argv[2])
    ok = True
    for name, x, y in (('articles', a[0], b[0]), ('stories', a[1], b[1]), ('storylines', a[2], b[2])):
        if x == y:
            print(f'{name}: {len(x)} the same')
            continue
        ok = False
        if isinstance(x, dict):
            only = set(x) ^ set(y)
            diff = [h for h in set(x) & set(y) if x[h] != y[h]]
            print(f'{name}: {len(x)} vs {len(y)}; {len(only)} in one only, {len(diff)} differ')
            for h in diff[:3]:
                print('  ', h[:12], x[h], '\n   ', ' ' * 12, y[h])
        else:
            sx, sy = set(map(tuple, x)), set(map(tuple, y))
            print(f'{name}: {len(x)} vs {len(y)}; {len(sx - sy)} only in A, {len(sy - sx)} only in B')
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
