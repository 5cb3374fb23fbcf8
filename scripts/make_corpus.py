#!/usr/bin/env python3
"""Render the example corpus and the format fixtures from their source data.

Build-time tooling only (Python 3.11+, standard library). Two outputs:

* ``examples/corpus/``: the invented multi-outlet, multi-story corpus. Source
  of truth: ``examples/corpus/source/outlets.toml`` and
  ``examples/corpus/source/stories/*.toml``. Rendered: ``text/``, ``html/``,
  ``jsonl/``, ``feeds/``, ``warc/``, ``stories.tsv`` (the answer key) and
  ``README.md``.
* ``tests/data/``: one short article in every supported format, plus bad
  inputs. Source of truth: ``tests/data/source/article.toml``.

Everything is deterministic (no clock, no randomness, gzip mtime 0), so
running the script twice gives identical files and ``--check`` can verify that
the committed files match their sources.

Usage::

    python3 scripts/make_corpus.py            # regenerate both
    python3 scripts/make_corpus.py --check    # exit 1 if anything differs
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import email.utils
import gzip
import hashlib
import html
import json
import re
import sys
import tomllib
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"
SOURCE = CORPUS / "source"
TESTDATA = ROOT / "tests" / "data"

# Folders of examples/corpus that the generator owns entirely.
GENERATED_DIRS = ("text", "html", "jsonl", "feeds", "warc")

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]

WARC_FILE = "warc/cc-news-sample.warc.gz"
WARC_PLAIN_FILE = "warc/single.warc"


# --------------------------------------------------------------------------
# Source data
# --------------------------------------------------------------------------


@dataclass
class Article:
    """One article of the corpus, as the source data describes it."""

    key: str
    story: str
    outlet_key: str
    outlet: dict
    fmt: str
    published: dt.datetime
    author: str
    title: str
    text: str
    section: str = "news"
    standfirst: str = ""
    photo: str = ""
    tags: list = field(default_factory=list)
    comments: list = field(default_factory=list)
    pre: list = field(default_factory=list)
    post: list = field(default_factory=list)
    inserts: list = field(default_factory=list)
    dated: bool = True
    body: str = "text"
    date_style: str = "iso"
    syndicated_of: str = ""
    url: str = ""
    slug: str = ""
    n: int = 0
    # Filled in while rendering: where the article ended up.
    file: str = ""
    entry: str = "-"
    entry_id: str = "-"

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.text.strip().split("\n\n") if p.strip()]

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def day(self) -> str:
        return self.published.strftime("%Y-%m-%d")


def slugify(title: str, limit: int = 60) -> str:
    """A URL slug: ASCII, lower case, words joined by dashes, cut at a word."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    slug = ""
    for w in words:
        cand = f"{slug}-{w}" if slug else w
        if len(cand) > limit:
            break
        slug = cand
    return slug


def stable_number(key: str, lo: int = 10000, span: int = 89999) -> int:
    """A number derived from a key, so URLs and ids never change between runs."""
    return lo + int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % span


def make_url(pattern: str, a: Article) -> str:
    p = a.published
    return pattern.format(
        yyyy=f"{p.year:04}", mm=f"{p.month:02}", dd=f"{p.day:02}",
        slug=a.slug, section=a.section, n=a.n,
    )


def article_from(key: str, story: str, raw: dict, outlets: dict) -> Article:
    outlet_key = raw["outlet"]
    outlet = outlets[outlet_key]
    a = Article(
        key=key,
        story=story,
        outlet_key=outlet_key,
        outlet=outlet,
        fmt=raw.get("format", outlet["format"]),
        published=dt.datetime.fromisoformat(raw["published"]),
        author=raw["author"],
        title=raw["title"],
        text=raw["text"],
        section=raw.get("section", "news"),
        standfirst=raw.get("standfirst", ""),
        photo=raw.get("photo", ""),
        tags=list(raw.get("tags", [])),
        comments=[tuple(c) for c in raw.get("comments", [])],
        pre=list(raw.get("pre", [])),
        post=list(raw.get("post", [])),
        inserts=[(int(i), s) for i, s in raw.get("inserts", [])],
        dated=raw.get("dated", True),
        body=raw.get("body", "text"),
        date_style=raw.get("date_style", "iso"),
        syndicated_of=raw.get("syndicated_of", ""),
    )
    a.slug = raw.get("slug") or slugify(a.title)
    a.n = raw.get("n") or stable_number(key)
    a.url = raw.get("url") or make_url(outlet["url"], a)
    return a


def load_corpus() -> tuple[dict, list[dict], list[Article]]:
    outlets = tomllib.loads((SOURCE / "outlets.toml").read_text(encoding="utf-8"))
    stories, articles = [], []
    for path in sorted((SOURCE / "stories").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        story = data["story"]
        if story["id"] != path.stem:
            raise SystemExit(f"{path}: story id {story['id']!r} must match the file name")
        stories.append(story)
        for i, raw in enumerate(data["article"], start=1):
            articles.append(article_from(f"{story['id']}-{i}", story["id"], raw, outlets))
    articles.sort(key=lambda a: (a.published, a.key))
    return outlets, stories, articles


def validate(outlets: dict, stories: list[dict], articles: list[Article]) -> list[str]:
    """The corpus promises of examples/corpus/README.md, checked."""
    problems = []
    keys = {a.key for a in articles}
    if len(articles) < 48:
        problems.append(f"only {len(articles)} articles (want >= 48)")
    if len({a.outlet_key for a in articles}) < 6:
        problems.append("fewer than 6 outlets")
    if len(stories) < 8:
        problems.append(f"only {len(stories)} stories (want >= 8)")
    for s in stories:
        mine = [a for a in articles if a.story == s["id"]]
        n_outlets = len({a.outlet_key for a in mine})
        if not 4 <= len(mine) <= 8:
            problems.append(f"{s['id']}: {len(mine)} articles (want 4-8)")
        if not 3 <= n_outlets <= 5:
            problems.append(f"{s['id']}: {n_outlets} outlets (want 3-5)")
    for a in articles:
        if not 150 <= a.words <= 600:
            problems.append(f"{a.key}: {a.words} words (want 150-600)")
        if a.syndicated_of and a.syndicated_of not in keys:
            problems.append(f"{a.key}: syndicated_of {a.syndicated_of!r} is unknown")
        if a.fmt not in RENDERERS:
            problems.append(f"{a.key}: unknown format {a.fmt!r}")
        if a.published.tzinfo is None:
            problems.append(f"{a.key}: published needs a UTC offset")
    urls = [a.url for a in articles]
    if len(set(urls)) != len(urls):
        problems.append("two articles share a URL")
    return problems


# --------------------------------------------------------------------------
# Small formatting helpers
# --------------------------------------------------------------------------


def esc(s: str) -> str:
    """Escape for an attribute value (and for text, where entities are wanted)."""
    return html.escape(s, quote=True)


def esc_text(s: str) -> str:
    """Escape for element content: only `&`, `<` and `>`, as most CMSs write it."""
    return html.escape(s, quote=False)


def long_date(d: dt.datetime) -> str:
    """`Monday 6 October 2025`"""
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def rfc2822(d: dt.datetime) -> str:
    return email.utils.format_datetime(d)


def http_date(d: dt.datetime) -> str:
    return email.utils.format_datetime(d.astimezone(dt.timezone.utc), usegmt=True)


def utc_z(d: dt.datetime) -> str:
    return d.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def gz(data: bytes) -> bytes:
    # mtime=0 and no file name in the header: the same input gives the same bytes.
    return gzip.compress(data, compresslevel=9, mtime=0)


def html_paragraphs(paras: list[str], indent: str = "", entities: bool = False) -> list[str]:
    e = esc if entities else esc_text
    return [f"{indent}<p>{e(p)}</p>" for p in paras]


def related_for(a: Article, pool: list[Article], fillers: list[str], count: int = 4) -> list[tuple[str, str]]:
    """Headlines a page links to: the outlet's own earlier stories, then filler.

    Only earlier articles: a page cannot link to a story not yet written.
    """
    earlier = [b for b in pool if b.outlet_key == a.outlet_key and b.published < a.published and b.key != a.key]
    earlier.sort(key=lambda b: b.published, reverse=True)
    out = [(b.title, b.url) for b in earlier[: count // 2]]
    start = a.n % max(len(fillers), 1)
    domain = a.outlet["domain"]
    i = 0
    while len(out) < count and fillers:
        title = fillers[(start + i) % len(fillers)]
        out.append((title, f"https://{domain}/news/{slugify(title)}"))
        i += 1
    return out


def latest_list(a: Article, pool: list[Article], fillers: list[str], count: int = 4) -> list[str]:
    """A "Latest news" box: times and headlines, newest first."""
    items = related_for(a, pool, fillers, count)
    out = []
    minutes = a.published.hour * 60 + a.published.minute
    for i, (title, _) in enumerate(items):
        t = max(minutes - 17 - 23 * i, 0)
        out.append(f"{t // 60:02}:{t % 60:02} {title}")
    return out


# --------------------------------------------------------------------------
# HTML pages
# --------------------------------------------------------------------------


def json_ld(a: Article, graph: bool = False) -> str:
    article = {
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": a.published.isoformat(),
        "dateModified": (a.published + dt.timedelta(minutes=40)).isoformat(),
        "author": [{"@type": "Person", "name": a.author}],
        "publisher": {
            "@type": "Organization",
            "name": a.outlet["name"],
            "logo": {"@type": "ImageObject", "url": f"https://{a.outlet['domain']}/img/logo.png"},
        },
        "mainEntityOfPage": a.url,
        "articleSection": a.section.capitalize(),
        "inLanguage": "en",
    }
    if a.standfirst:
        article["description"] = a.standfirst
    if graph:
        crumbs = {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Home", "item": f"https://{a.outlet['domain']}/"},
                {"@type": "ListItem", "position": 2, "name": a.section.capitalize(),
                 "item": f"https://{a.outlet['domain']}/{a.section}/"},
            ],
        }
        doc = {"@context": "https://schema.org", "@graph": [article, crumbs]}
    else:
        doc = {"@context": "https://schema.org", **article}
    # `</` must not appear inside a script element.
    return json.dumps(doc, ensure_ascii=False, indent=1).replace("</", "<\\/")


def render_gazette(a: Article, pool: list[Article], full_meta: bool = False) -> str:
    """The Harbour Gazette: a local paper with every kind of page furniture.

    Its pages give title, author and canonical URL in meta tags, but the date
    only in the visible dateline (unless `full_meta`, used by tests/data).
    """
    o = a.outlet
    paras = a.paragraphs
    related = related_for(a, pool, o.get("filler", []))
    nav = "\n".join(f'      <li><a href="/{slugify(n) or ""}/">{esc(n)}</a></li>' for n in o["nav"])
    body = []
    for i, p in enumerate(paras, start=1):
        body.append(f"      <p>{esc_text(p)}</p>")
        if i == 2:
            body.append('      <div class="ad ad-inline" aria-hidden="true"><span class="ad-label">Advertisement</span><div class="ad-slot" id="div-gpt-ad-inline-1"></div></div>')
        if i == 4 and related:
            body.append(f'      <p class="read-more"><strong>Read more:</strong> <a href="{esc(related[-1][1])}">{esc(related[-1][0])}</a></p>')
    meta = [
        f'<meta name="author" content="{esc(a.author)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{esc(o["name"])}">',
        f'<meta property="og:title" content="{esc(a.title)}">',
        f'<meta property="og:url" content="{esc(a.url)}">',
    ]
    if a.standfirst:
        meta.append(f'<meta name="description" content="{esc(a.standfirst)}">')
        meta.append(f'<meta property="og:description" content="{esc(a.standfirst)}">')
    if full_meta:
        meta.append(f'<meta property="article:published_time" content="{a.published.isoformat()}">')
    meta.append(f'<link rel="canonical" href="{esc(a.url)}">')
    ld = f'\n<script type="application/ld+json">\n{json_ld(a)}\n</script>' if full_meta else ""
    comments = ""
    if a.comments:
        items = []
        for j, (who, what) in enumerate(a.comments):
            ago = ["2 hours ago", "5 hours ago", "yesterday", "2 days ago"][j % 4]
            items.append(
                f'      <div class="comment"><p class="comment-author">{esc(who)}</p>'
                f'<p class="comment-time">{ago}</p><p class="comment-text">{esc(what)}</p>'
                f'<a class="reply" href="#">Reply</a> <a class="report" href="#">Report</a></div>'
            )
        comments = (
            '    <section class="comments" id="comments">\n'
            f"      <h2>Comments ({len(a.comments)})</h2>\n"
            '      <p class="comments-note">Comments are moderated. Please keep it civil.</p>\n'
            + "\n".join(items)
            + "\n      <form class=\"comment-form\"><textarea placeholder=\"Join the discussion\"></textarea><button>Post comment</button></form>\n"
            "    </section>\n"
        )
    standfirst = f'    <p class="standfirst">{esc(a.standfirst)}</p>\n' if a.standfirst else ""
    figure = ""
    if a.photo:
        figure = (
            f'    <figure class="lead-image"><img src="/media/{a.published:%Y/%m}/{a.slug}.jpg" alt="">'
            f"<figcaption>Photo: {esc(a.photo)} / {esc(o['name'])}</figcaption></figure>\n"
        )
    tags = ""
    if a.tags:
        tags = '    <p class="tags">Tags: ' + ", ".join(
            f'<a href="/tag/{slugify(t)}">{esc(t)}</a>' for t in a.tags) + "</p>\n"
    rel = "\n".join(f'      <li><a href="{esc(u)}">{esc(t)}</a></li>' for t, u in related)
    stamp = f"{long_date(a.published)}, {a.published:%H:%M}"
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.title)} | {esc(o['name'])}</title>
{chr(10).join(meta)}
<link rel="stylesheet" href="/static/css/site.4f2a9c.css">{ld}
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"pageType": "article", "section": "greyhaven"}});</script>
</head>
<body class="page-article">
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Cookies">
  <p>We use cookies to give you the best experience on our website and to show you relevant advertising. By continuing to browse you agree to our use of cookies.</p>
  <button class="accept">Accept all</button> <button class="manage">Manage preferences</button>
</div>
<header class="site-header">
  <a class="logo" href="/">{esc(o['name'])}</a>
  <p class="tagline">Serving Greyhaven and the Sallow Coast since 1871</p>
  <nav class="main-nav">
    <ul>
{nav}
    </ul>
  </nav>
  <form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form>
  <a class="subscribe" href="/subscribe">Subscribe</a>
</header>
<div class="ad ad-leaderboard"><span class="ad-label">Advertisement</span><div class="ad-slot" id="div-gpt-ad-top"></div></div>
<main>
  <nav class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/news/">News</a> &rsaquo; <a href="/news/greyhaven/">Greyhaven</a></nav>
  <article class="story">
    <h1 class="headline">{esc(a.title)}</h1>
{standfirst}    <div class="byline">By <a href="/authors/{slugify(a.author)}" rel="author">{esc(a.author)}</a></div>
    <p class="dateline">Published: {stamp}</p>
    <ul class="share-buttons">
      <li><a href="#" class="share-facebook">Share on Facebook</a></li>
      <li><a href="#" class="share-x">Share on X</a></li>
      <li><a href="#" class="share-whatsapp">WhatsApp</a></li>
      <li><a href="#" class="share-email">Email</a></li>
    </ul>
{figure}    <div class="story-body">
{chr(10).join(body)}
    </div>
{tags}  </article>
  <aside class="related">
    <h2>Related stories</h2>
    <ul>
{rel}
    </ul>
  </aside>
{comments}  <aside class="newsletter"><h2>Get the Gazette in your inbox</h2><p>Subscribe to our newsletter for the top stories from Greyhaven every morning.</p><form><input type="email" placeholder="Email address"><button>Subscribe</button></form></aside>
</main>
<footer class="site-footer">
  <ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/advertise">Advertise</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/cookies">Cookie settings</a></li></ul>
  <p>&copy; 2025 Harbour Gazette Ltd, 14 Quay Street, Greyhaven. All rights reserved.</p>
</footer>
</body>
</html>
"""


def render_ledger(a: Article, pool: list[Article], graph: bool = False) -> str:
    """The Capital Ledger: a national paper with full metadata and JSON-LD."""
    o = a.outlet
    paras = a.paragraphs
    related = related_for(a, pool, o.get("filler", []))
    nav = "\n".join(f'    <li><a href="/{slugify(n)}/">{esc(n)}</a></li>' for n in o["nav"])
    body = []
    for i, p in enumerate(paras, start=1):
        body.append(f"    <p>{esc(p)}</p>")
        if i == 3 and related:
            t, u = related[0]
            body.append(f'    <aside class="inline-promo"><p>Read more: <a href="{esc(u)}">{esc(t)}</a></p></aside>')
        if i == 5:
            body.append('    <div class="ad-slot" data-ad="mpu"><p class="ad-label">Advertisement</p></div>')
    most_read = "\n".join(f'    <li><a href="{esc(u)}">{esc(t)}</a></li>' for t, u in related)
    section = a.section.capitalize()
    desc = a.standfirst or a.paragraphs[0][:150]
    standfirst = f'  <p class="standfirst">{esc(a.standfirst)}</p>\n' if a.standfirst else ""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.title)} | {esc(o['name'])}</title>
<meta name="description" content="{esc(desc)}">
<meta name="author" content="{esc(a.author)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{esc(o['name'])}">
<meta property="og:title" content="{esc(a.title)}">
<meta property="og:description" content="{esc(desc)}">
<meta property="og:url" content="{esc(a.url)}">
<meta property="og:image" content="https://{o['domain']}/img/{a.published:%Y/%m}/{a.slug}.jpg">
<meta property="article:published_time" content="{a.published.isoformat()}">
<meta property="article:modified_time" content="{(a.published + dt.timedelta(minutes=40)).isoformat()}">
<meta property="article:section" content="{esc(section)}">
<meta name="twitter:card" content="summary_large_image">
<link rel="canonical" href="{esc(a.url)}">
<link rel="stylesheet" href="/assets/ledger.9c1e.css">
<script type="application/ld+json">
{json_ld(a, graph)}
</script>
<script async src="/assets/ads.3b7.js"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="masthead">
  <div class="topbar"><span class="today">{long_date(a.published)}</span> <a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></div>
  <a class="brand" href="/">{esc(o['name'])}</a>
  <nav aria-label="Sections"><ul>
{nav}
  </ul></nav>
</header>
<main id="main">
<article class="article">
 <header class="article-header">
  <p class="kicker"><a href="/{a.section}/">{esc(section)}</a></p>
  <h1>{esc(a.title)}</h1>
{standfirst}  <p class="byline">By <a href="/profile/{slugify(a.author)}">{esc(a.author)}</a></p>
  <time datetime="{a.published.isoformat()}">{a.published.day} {MONTHS[a.published.month - 1]} {a.published.year}, {a.published:%H.%M}</time>
 </header>
 <figure class="lead"><img src="/img/{a.published:%Y/%m}/{a.slug}.jpg" alt=""><figcaption>Photograph: Ledger staff</figcaption></figure>
 <div class="article-body">
{chr(10).join(body)}
 </div>
 <div class="share-tools"><button class="share">Share</button> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">LinkedIn</a> <a href="#">Email</a> <button class="save">Save for later</button></div>
</article>
<aside class="most-read">
  <h2>Most read</h2>
  <ol>
{most_read}
  </ol>
</aside>
<section class="newsletter-signup"><h2>The Morning Ledger</h2><p>Our editors' pick of the day's news, in your inbox before 7am.</p><form><input type="email" placeholder="Your email address"><button>Sign up</button></form></section>
</main>
<footer class="site-footer">
  <nav><a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/corrections">Corrections</a> <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></nav>
  <p>&copy; 2025 {esc(o['name'])}. All rights reserved.</p>
</footer>
<div class="consent-banner" role="dialog" aria-label="Cookie consent"><p>We and our partners use cookies to personalise content and ads and to analyse our traffic.</p><button>Accept</button> <button>Reject</button> <a href="/cookies">Options</a></div>
</body>
</html>
"""


def render_courier(a: Article, pool: list[Article]) -> str:
    """Lindqvist Courier's legacy CMS: tables, windows-1252, visible date only."""
    o = a.outlet
    latest = related_for(a, pool, ["Rovers sign striker from Oldmere", "Foundry Road resurfacing starts Monday",
                                   "Family notices", "Harvest fair raises record sum"])
    items = "\n".join(f'<li><a href="{esc(u)}">{esc(t)}</a></li>' for t, u in latest)
    paras = "\n".join(html_paragraphs(a.paragraphs))
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta charset="windows-1252">
<title>{esc(o['name'])} - {esc(a.title)}</title>
<link rel="canonical" href="{esc(a.url)}">
<link rel="stylesheet" type="text/css" href="/courier.css">
</head>
<body bgcolor="#ffffff" topmargin="0">
<table width="780" cellpadding="0" cellspacing="0" border="0" align="center">
<tr><td colspan="2"><img src="/img/masthead.gif" alt="{esc(o['name'])}" width="780" height="90"></td></tr>
<tr><td colspan="2" class="menu"><a href="/">Home</a> | <a href="/nieuws.php">News</a> | <a href="/sport.php">Sport</a> | <a href="/agenda.php">What's on</a> | <a href="/notices.php">Family notices</a> | <a href="/contact.php">Contact</a></td></tr>
<tr>
<td width="560" valign="top" class="content">
<font size="1" color="#666666">Lindqvist, {long_date(a.published)}</font>
<h2>{esc(a.title)}</h2>
<b>By {esc(a.author)}</b><br><br>
{paras}
<br><a href="javascript:window.print()">Print this article</a> | <a href="mailto:?subject={esc(a.title)}">E-mail to a friend</a>
</td>
<td width="220" valign="top" class="sidebar">
<b>Advertisement</b><br><img src="/ads/ohlsen-garage.gif" alt="Ohlsen Garage &ndash; service while you wait" width="200" height="300"><br><br>
<b>Latest news</b>
<ul>
{items}
</ul>
<b>Weather</b><br>Lindqvist: 7&deg;C, showers
</td>
</tr>
<tr><td colspan="2" class="footer"><font size="1">© 2025 {esc(o['name'])} · Harbour Lane 4 · Lindqvist · Tel. 0481 22 31 00</font></td></tr>
</table>
</body>
</html>
"""


def render_wire_page(a: Article) -> str:
    """Northwire's own article page, for the one JSON line that carries HTML."""
    paras = "\n".join(html_paragraphs(a.paragraphs, "  "))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(a.title)} | Northwire</title>"
        f'<link rel="canonical" href="{esc(a.url)}"></head>\n<body>\n'
        '<header><nav><a href="/">Northwire</a> · <a href="/world">World</a> · <a href="/business">Business</a> · '
        '<a href="/environment">Environment</a> · <a href="/markets">Markets</a></nav></header>\n'
        f'<article>\n  <h1>{esc(a.title)}</h1>\n  <p class="byline">By {esc(a.author)}</p>\n'
        f'  <time datetime="{a.published.isoformat()}">{a.published.day} {MONTHS[a.published.month - 1][:3]} {a.published.year} {a.published:%H:%M}</time>\n'
        f"{paras}\n</article>\n"
        "<footer>© 2025 Northwire. All rights reserved. Republication requires a licence.</footer>\n"
        "</body></html>"
    )


def page_for(a: Article, pool: list[Article]) -> tuple[str, str]:
    """The HTML page of an article and the charset it is served in."""
    style = a.outlet["style"]
    if style == "gazette":
        return render_gazette(a, pool), "utf-8"
    if style == "ledger":
        return render_ledger(a, pool, graph=a.fmt == "warc"), "utf-8"
    if style == "courier":
        return render_courier(a, pool), "windows-1252"
    raise SystemExit(f"{a.key}: no HTML page style for outlet {a.outlet_key}")


def encode_page(page: str, charset: str) -> bytes:
    return page.encode(charset, errors="xmlcharrefreplace")


# --------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------


def date_prefix(a: Article) -> str:
    # The exact form some scraped dumps use: space, "date", space, day, space.
    return f" date {a.day} "


def render_observer_text(a: Article, pool: list[Article]) -> str:
    """Valley Observer: the same furniture lines around every article.

    The fixed lines (menu, newsletter, "Advertisement", "Share this article",
    "Latest news", copyright, social) are what per-outlet boilerplate learning
    should find; the "Read more", tags, photo credit and latest items vary.
    """
    o = a.outlet
    paras = a.paragraphs
    fillers = o.get("filler", [])
    # Not one of the "Latest news" items, which start at filler[n % len].
    read_more = fillers[(a.n + 5) % len(fillers)]
    first = (date_prefix(a) if a.dated else "") + "Valley Observer"
    lines = [
        first,
        "Home | News | Valley | Business | Sport | Opinion | Weather | Jobs",
        "Subscribe to our newsletter",
        "",
        a.title,
        "",
        f"By {a.author}",
        f"Published: {long_date(a.published)}",
        "",
    ]
    for i, p in enumerate(paras, start=1):
        lines += [p, ""]
        if i == 2:
            lines += ["Advertisement", ""]
        if i == 4:
            lines += [f"Read more: {read_more}", ""]
    lines += [
        f"Photo: {a.photo} / Valley Observer" if a.photo else "Photo: Valley Observer",
        "",
        "Tags: " + ", ".join(a.tags),
        "",
        "Share this article",
        "",
        "Latest news",
        *latest_list(a, pool, o.get("filler", [])),
        "",
        "© 2025 Valley Observer. All rights reserved.",
        "Follow us on Facebook, X and Instagram",
    ]
    return "\n".join(lines) + "\n"


def render_courier_text(a: Article) -> str:
    """Lindqvist Courier plain text: per-article leftover furniture lines."""
    paras = a.paragraphs
    pre = list(a.pre)
    lines = []
    if a.dated:
        lines.append(date_prefix(a) + (pre.pop(0) if pre else a.title))
    lines += pre
    lines += ["", a.title, "", f"By {a.author}", ""]
    inserts = dict(a.inserts)
    for i, p in enumerate(paras, start=1):
        lines += [p, ""]
        if i in inserts:
            lines += [inserts[i], ""]
    lines += a.post
    return "\n".join(lines) + "\n"


def render_plain_text(a: Article) -> str:
    """Text with no furniture: title line, byline, paragraphs."""
    head = (date_prefix(a) if a.dated else "") + a.title
    return "\n".join([head, f"By {a.author}", "", *[p + "\n" for p in a.paragraphs]]).rstrip() + "\n"


# --------------------------------------------------------------------------
# Containers
# --------------------------------------------------------------------------


def jsonl_date(a: Article) -> str:
    if a.date_style == "utc-z":
        return utc_z(a.published)
    if a.date_style == "rfc2822-gmt":
        return http_date(a.published)
    return a.published.isoformat()


def jsonl_line(a: Article, entry_id: str, html_page: str | None = None) -> str:
    obj = {"id": entry_id, "url": a.url, "title": a.title}
    if html_page is not None:
        obj["html"] = html_page
    else:
        obj["text"] = "\n\n".join(a.paragraphs)
    obj.update({
        "date": jsonl_date(a),
        "outlet": a.outlet["name"],
        "author": a.author,
        "lang": "en",
        "section": a.section,
    })
    return json.dumps(obj, ensure_ascii=False)


def cdata(s: str) -> str:
    return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def rss_item(a: Article, guid: str, trailer: bool = True) -> str:
    o = a.outlet
    content = "\n".join(html_paragraphs(a.paragraphs))
    if a.n % 2 == 0:
        content = (
            f'<figure><img src="https://{o["domain"]}/wp-content/uploads/{a.published:%Y/%m}/{a.slug}.jpg" alt="" />'
            f"<figcaption>{esc(a.title)}</figcaption></figure>\n" + content
        )
    if trailer:
        content += (
            f'\n<p>The post <a href="{esc(a.url)}">{esc(a.title)}</a> appeared first on '
            f'<a href="https://{o["domain"]}">{esc(o["name"])}</a>.</p>'
        )
    summary = a.paragraphs[0]
    if len(summary) > 200:
        summary = summary[:200].rsplit(" ", 1)[0] + " […]"
    return f"""    <item>
      <title>{esc(a.title)}</title>
      <link>{esc(a.url)}</link>
      <dc:creator>{cdata(a.author)}</dc:creator>
      <pubDate>{rfc2822(a.published)}</pubDate>
      <category>{cdata(a.section.capitalize())}</category>
      <guid isPermaLink="false">{esc(guid)}</guid>
      <description>{cdata(summary)}</description>
      <content:encoded>{cdata(content)}</content:encoded>
    </item>"""


def rss_feed(name: str, home: str, items: list[str], built: dt.datetime, desc: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{esc(name)}</title>
    <link>{esc(home)}</link>
    <atom:link href="{esc(home)}feed/" rel="self" type="application/rss+xml" />
    <description>{esc(desc)}</description>
    <language>en-GB</language>
    <lastBuildDate>{rfc2822(built)}</lastBuildDate>
    <generator>https://wordpress.example/?v=6.4</generator>
{chr(10).join(items)}
  </channel>
</rss>
"""


def atom_entry(a: Article, entry_id: str) -> str:
    o = a.outlet
    content = "\n".join(html_paragraphs(a.paragraphs))
    content += f'\n<p><a href="https://{o["domain"]}/newsletter">Sign up for the Coastal Review morning briefing</a></p>'
    cats = "".join(f'\n    <category term="{esc(t)}"/>' for t in a.tags)
    summary = a.paragraphs[0]
    return f"""  <entry>
    <title type="text">{esc(a.title)}</title>
    <link rel="alternate" type="text/html" href="{esc(a.url)}"/>
    <id>{esc(entry_id)}</id>
    <published>{a.published.isoformat()}</published>
    <updated>{(a.published + dt.timedelta(hours=1, minutes=5)).isoformat()}</updated>
    <author><name>{esc(a.author)}</name></author>{cats}
    <summary type="text">{esc(summary)}</summary>
    <content type="html">{esc(content)}</content>
  </entry>"""


def atom_feed(name: str, domain: str, entries: list[str], updated: dt.datetime, subtitle: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>{esc(name)}</title>
  <subtitle>{esc(subtitle)}</subtitle>
  <link rel="alternate" type="text/html" href="https://{domain}/"/>
  <link rel="self" type="application/atom+xml" href="https://{domain}/feed.atom"/>
  <id>tag:{domain},2025:feed</id>
  <updated>{updated.isoformat()}</updated>
  <generator>Storypress 3.2</generator>
{chr(10).join(entries)}
</feed>
"""


def jsonfeed_item(a: Article, entry_id: str, as_text: bool) -> dict:
    item = {"id": entry_id, "url": a.url, "title": a.title}
    if as_text:
        item["content_text"] = "\n\n".join(a.paragraphs)
    else:
        item["content_html"] = "\n".join(html_paragraphs(a.paragraphs))
    item["summary"] = a.paragraphs[0]
    item["date_published"] = a.published.isoformat()
    item["authors"] = [{"name": a.author}]
    if a.tags:
        item["tags"] = a.tags
    return item


def jsonfeed(name: str, domain: str, items: list[dict]) -> str:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": name,
        "home_page_url": f"https://{domain}/",
        "feed_url": f"https://{domain}/feed.json",
        "description": "News from the plains and the capital",
        "language": "en",
        "items": items,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# --- WARC -------------------------------------------------------------------


def record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'storyline-example:' + name)}>"


def sha1_b32(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def warc_record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    """One WARC/1.0 record: header lines, CRLF, block, CRLF CRLF."""
    lines = ["WARC/1.0"]
    for k, v in headers:
        lines.append(f"{k}: {v}")
    # Content-Length goes after the identifying headers, as crawlers write it.
    idx = next(i for i, line in enumerate(lines) if line.startswith("WARC-Record-ID:")) + 1
    lines.insert(idx, f"Content-Length: {len(block)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def warcinfo(filename: str, when: dt.datetime, description: str) -> tuple[bytes, str]:
    rid = record_id("warcinfo:" + filename)
    fields = (
        "software: storyline-make-corpus/1.0 (invented example data)\r\n"
        "format: WARC File Format 1.0\r\n"
        "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"
        "isPartOf: CC-NEWS-EXAMPLE\r\n"
        "publisher: storyline example corpus\r\n"
        f"description: {description}\r\n"
        "robots: checked\r\n"
        "operator: nobody@storyline.example\r\n"
    ).encode()
    rec = warc_record([
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", utc_z(when)),
        ("WARC-Record-ID", rid),
        ("Content-Type", "application/warc-fields"),
        ("WARC-Filename", filename.rsplit("/", 1)[-1]),
    ], fields)
    return rec, rid


def http_response(payload: bytes, content_type: str, when: dt.datetime, extra: list[str] = ()) -> bytes:
    head = [
        "HTTP/1.1 200 OK",
        f"Date: {http_date(when)}",
        "Server: nginx",
        f"Content-Type: {content_type}",
        f"Content-Length: {len(payload)}",
        "Connection: close",
        "Cache-Control: max-age=300",
        *extra,
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + payload


def warc_response(url: str, when: dt.datetime, info_id: str, http_block: bytes, payload: bytes,
                  ptype: str, ip: str) -> tuple[bytes, str]:
    rid = record_id("response:" + url)
    rec = warc_record([
        ("WARC-Type", "response"),
        ("WARC-Date", utc_z(when)),
        ("WARC-Record-ID", rid),
        ("Content-Type", "application/http; msgtype=response"),
        ("WARC-Warcinfo-ID", info_id),
        ("WARC-IP-Address", ip),
        ("WARC-Target-URI", url),
        ("WARC-Payload-Digest", sha1_b32(payload)),
        ("WARC-Block-Digest", sha1_b32(http_block)),
        ("WARC-Identified-Payload-Type", ptype),
    ], http_block)
    return rec, rid


def warc_request(url: str, when: dt.datetime, info_id: str, concurrent: str) -> bytes:
    host = url.split("/")[2]
    path = "/" + url.split("/", 3)[3]
    block = (
        f"GET {path} HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        "User-Agent: storyline-example-crawler/1.0 (+https://storyline.example/bot)\r\n"
        "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
        "Accept-Language: en-GB,en;q=0.7\r\n"
        "Accept-Encoding: gzip\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    return warc_record([
        ("WARC-Type", "request"),
        ("WARC-Date", utc_z(when)),
        ("WARC-Record-ID", record_id("request:" + url)),
        ("Content-Type", "application/http; msgtype=request"),
        ("WARC-Warcinfo-ID", info_id),
        ("WARC-Concurrent-To", concurrent),
        ("WARC-IP-Address", "192.0.2.10"),
        ("WARC-Target-URI", url),
        ("WARC-Block-Digest", sha1_b32(block)),
    ], block)


def ip_for(domain: str) -> str:
    # Addresses from the documentation ranges (RFC 5737).
    return f"198.51.100.{stable_number(domain, 1, 250)}"


def html_response_record(a: Article, page: bytes, charset: str, info_id: str,
                         crawled: dt.datetime, header_charset: bool = True) -> tuple[bytes, str]:
    ctype = f"text/html; charset={charset}" if header_charset else "text/html"
    block = http_response(page, ctype, crawled, ["X-Cache: HIT", "Vary: Accept-Encoding"])
    return warc_response(a.url, crawled, info_id, block, page, "text/html", ip_for(a.outlet["domain"]))


# A tiny stand-in for a JPEG: the right magic bytes, and no picture.
FAKE_JPEG = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    b"\xff\xdb\x00C\x00" + bytes(range(1, 65)) + b"\xff\xd9"
)

ROBOTS = b"User-agent: *\nDisallow: /search\nDisallow: /account/\n\nSitemap: https://thecapitalledger.example/sitemap.xml\n"


def non_html_response(url: str, payload: bytes, ctype: str, when: dt.datetime, info_id: str) -> bytes:
    block = http_response(payload, ctype, when)
    rec, _ = warc_response(url, when, info_id, block, payload, ctype.split(";")[0], ip_for(url.split("/")[2]))
    return rec


# --------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------


def crawl_time(a: Article) -> dt.datetime:
    """When the example crawler fetched a page: a couple of hours after publication."""
    return (a.published + dt.timedelta(hours=2, minutes=17, seconds=a.n % 60)).astimezone(dt.timezone.utc)


def render_text(a: Article, pool: list[Article]) -> str:
    style = a.outlet["style"]
    if style == "observer":
        return render_observer_text(a, pool)
    if style == "courier":
        return render_courier_text(a)
    return render_plain_text(a)


def render_corpus(articles: list[Article]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    pool = articles

    def base(a: Article) -> str:
        return f"{a.outlet_key}-{a.published:%Y%m%d}-{a.slug}"

    # One file per article.
    for a in articles:
        if a.fmt == "text":
            a.file = f"text/{base(a)}.txt"
            files[a.file] = render_text(a, pool).encode("utf-8")
        elif a.fmt in ("html", "html.gz"):
            page, charset = page_for(a, pool)
            data = encode_page(page, charset)
            a.file = f"html/{base(a)}.{a.fmt}"
            files[a.file] = gz(data) if a.fmt == "html.gz" else data

    # JSON Lines: one file per outlet, oldest first.
    for outlet_key in sorted({a.outlet_key for a in articles if a.fmt == "jsonl"}):
        mine = [a for a in articles if a.fmt == "jsonl" and a.outlet_key == outlet_key]
        lines = []
        for i, a in enumerate(mine, start=1):
            a.file, a.entry = f"jsonl/{outlet_key}.jsonl", str(i)
            a.entry_id = f"nw-{a.published:%Y%m%d}-{a.n}"
            page = render_wire_page(a) if a.body == "html" else None
            lines.append(jsonl_line(a, a.entry_id, page))
        files[f"jsonl/{outlet_key}.jsonl"] = ("\n".join(lines) + "\n").encode("utf-8")

    # Feeds: newest first, as feeds list them.
    for outlet_key in sorted({a.outlet_key for a in articles if a.fmt in ("rss", "atom", "jsonfeed")}):
        mine = sorted((a for a in articles if a.outlet_key == outlet_key and a.fmt in ("rss", "atom", "jsonfeed")),
                      key=lambda a: a.published, reverse=True)
        fmt = mine[0].fmt
        o = mine[0].outlet
        if fmt == "rss":
            path = f"feeds/{outlet_key}.rss.xml"
            items = []
            for i, a in enumerate(mine, start=1):
                a.file, a.entry = path, str(i)
                a.entry_id = f"https://{o['domain']}/?p={a.n}"
                items.append(rss_item(a, a.entry_id))
            doc = rss_feed(o["name"], f"https://{o['domain']}/", items, mine[0].published,
                           "Independent news from across Estravia")
        elif fmt == "atom":
            path = f"feeds/{outlet_key}.atom.xml"
            entries = []
            for i, a in enumerate(mine, start=1):
                a.file, a.entry = path, str(i)
                a.entry_id = f"tag:{o['domain']},{a.day}:/articles/{a.slug}"
                entries.append(atom_entry(a, a.entry_id))
            doc = atom_feed(o["name"], o["domain"], entries, mine[0].published + dt.timedelta(hours=1, minutes=5),
                            "News and views from the Sallow Coast")
        else:
            path = f"feeds/{outlet_key}.feed.json"
            items = []
            for i, a in enumerate(mine, start=1):
                a.file, a.entry = path, str(i)
                a.entry_id = f"{outlet_key}-{a.n}"
                items.append(jsonfeed_item(a, a.entry_id, as_text=bool(a.syndicated_of) or i == 2))
            doc = jsonfeed(o["name"], o["domain"], items)
        files[path] = doc.encode("utf-8")

    # CC-NEWS-like WARC: each record its own gzip member.
    in_warc = [a for a in articles if a.fmt == "warc"]
    if in_warc:
        first_crawl = crawl_time(in_warc[0])
        info, info_id = warcinfo(WARC_FILE, first_crawl - dt.timedelta(minutes=3),
                                 "Invented news pages in the shape of a CC-NEWS crawl")
        records = [info]
        for i, a in enumerate(in_warc):
            when = crawl_time(a)
            page, charset = page_for(a, pool)
            rec, rid = html_response_record(a, encode_page(page, charset), charset, info_id, when,
                                            header_charset=i != 1)
            if i == 0:
                records.append(warc_request(a.url, when, info_id, rid))
            records.append(rec)
            a.file, a.entry, a.entry_id = WARC_FILE, str(len(records)), rid
            if i == 0:
                records.append(non_html_response("https://thecapitalledger.example/robots.txt", ROBOTS,
                                                 "text/plain", when + dt.timedelta(seconds=4), info_id))
            if i == 2:
                records.append(non_html_response(
                    f"https://{a.outlet['domain']}/media/{a.published:%Y/%m}/{a.slug}.jpg", FAKE_JPEG,
                    "image/jpeg", when + dt.timedelta(seconds=9), info_id))
        files[WARC_FILE] = b"".join(gz(r) for r in records)

    # A plain, uncompressed WARC with a warcinfo and one response.
    plain = [a for a in articles if a.fmt == "warc-plain"]
    if plain:
        a = plain[0]
        when = crawl_time(a)
        info, info_id = warcinfo(WARC_PLAIN_FILE, when - dt.timedelta(minutes=1), "A single crawled page")
        page, charset = page_for(a, pool)
        rec, rid = html_response_record(a, encode_page(page, charset), charset, info_id, when)
        a.file, a.entry, a.entry_id = WARC_PLAIN_FILE, "2", rid
        files[WARC_PLAIN_FILE] = info + rec
        if len(plain) > 1:
            raise SystemExit("only one article may use warc-plain")

    missing = [a.key for a in articles if not a.file]
    if missing:
        raise SystemExit(f"articles not rendered: {missing}")
    return files


def stories_tsv(articles: list[Article]) -> bytes:
    cols = ["key", "story", "file", "entry", "id", "url", "outlet", "published", "syndicated_of", "title"]
    rows = ["\t".join(cols)]
    for a in sorted(articles, key=lambda a: (a.story, a.published, a.key)):
        url = "-" if a.fmt == "text" else a.url
        rows.append("\t".join([
            a.key, a.story, a.file, a.entry, a.entry_id, url, a.outlet["domain"],
            a.published.isoformat(), a.syndicated_of or "-", a.title,
        ]))
    return ("\n".join(rows) + "\n").encode("utf-8")


def corpus_readme(outlets: dict, stories: list[dict], articles: list[Article], files: dict[str, bytes]) -> bytes:
    out = [
        "# Example corpus",
        "",
        "Invented news coverage for the storyline README demo and for tests: "
        f"**{len(articles)} articles** from **{len({a.outlet_key for a in articles})} outlets** "
        f"about **{len(stories)} stories**, October to December 2025.",
        "",
        "Everything here was written for this project: the country (Estravia), its places "
        "(Port Ardent, the Kessel Valley, the Sallow Coast, Greyhaven, Lindqvist), people, companies "
        "and outlets are fictional, and every domain uses the reserved `.example` TLD. "
        "Nothing is copied or paraphrased from real reporting.",
        "",
        "**Do not edit the rendered files by hand.** The source of truth is `source/outlets.toml` "
        "and `source/stories/*.toml` (this README and `stories.tsv` are generated too, by "
        "`scripts/make_corpus.py`); regenerate with Python 3.11 or later (standard library only):",
        "",
        "```sh",
        "python3 scripts/make_corpus.py          # rewrite examples/corpus and tests/data",
        "python3 scripts/make_corpus.py --check  # verify the committed files match the sources",
        "```",
        "",
        "`storyline ingest examples/corpus` reads the whole folder: a directory walk takes only "
        "article files (`.txt`, `.html`, `.jsonl`, `.xml`, `.json`, `.warc`, each also gzipped), "
        "so `source/`, this README and `stories.tsv` are passed over.",
        "",
        "## What makes it hard",
        "",
        "- **Close pairs of different events.** Two earthquakes (`quake-kessel`, inland, 6 October; "
        "`quake-sallow`, offshore, 9 November), two factory strikes (`strike-brennan`, pay, Lindqvist; "
        "`strike-halden`, safety, Oldmere) and two court cases (`court-retention`, Constitutional Court; "
        "`court-mayor`, a bribery trial) share vocabulary; clustering must separate events, not topics. "
        "Some articles mention the other event of their pair, and `algal-bloom`, `quake-sallow` and "
        "`court-mayor` all happen in Greyhaven.",
        "- **Shared people across stories**: Transport Minister Ilse Varga appears in `rail-tunnel` and "
        "`quake-sallow`; Governor Anneke Voss in three Kessel Valley stories.",
        "- **Numbers that differ between outlets**: the Kessel death toll (12, 19, 23, 25, 27 as it rose), "
        "injured (\"more than 140\" vs \"about 160\"); Brennan strikers (1,200 / nearly 1,300 / 1,400); "
        "Sallow quake injured (14 vs 11); Drummond's bribes (175,000 vs 180,000 crowns); "
        "Allcare records (1.3 million vs 1.26 million); the shellfish ban (80 km vs nearly 90 km).",
        "- **Syndicated near-copies** (see `syndicated_of` in `stories.tsv`): a Northwire wire story "
        "re-published with light edits by another outlet, in three stories.",
        "- **Relative dates in the text** (\"on Monday\", \"last week\", \"on 12 November\") and datelines.",
        "- **Page furniture**: cookie banners, menus, \"Advertisement\" blocks, related-story lists, share "
        "buttons and comments in HTML; leftover menu lines, \"Read more:\", newsletter prompts, photo "
        "credits, tags and \"Latest news\" lists in plain text. The Valley Observer's text files all "
        "repeat the same furniture lines, for per-outlet boilerplate learning.",
        "",
        "## Stories",
        "",
        "| id | what happens | outlets | dates | articles |",
        "|---|---|---|---|---|",
    ]
    for s in stories:
        mine = [a for a in articles if a.story == s["id"]]
        doms = ", ".join(sorted({a.outlet_key for a in mine}))
        out.append(f"| `{s['id']}` | {s['summary']} | {doms} | {mine[0].day} – {mine[-1].day} | {len(mine)} |")
    out += [
        "",
        "## Outlets",
        "",
        "| outlet | domain | rendered as | articles |",
        "|---|---|---|---|",
    ]
    describe = {
        "harbourgazette": "HTML pages full of furniture; date only in the visible dateline (no published_time, no JSON-LD); also inside the WARC files",
        "northwire": "wire agency; JSON Lines with an extra `section` field, one line carrying `html` instead of `text`; mixed date styles",
        "thecapitalledger": "HTML with og/article meta tags and JSON-LD NewsArticle; one page gzipped; also inside the WARC",
        "valleyobserver": "plain text, the same furniture lines in every file; most start with ` date YYYY-MM-DD `",
        "meridian-daily": "RSS 2.0 with `content:encoded` and RFC 2822 `pubDate`",
        "coastalreview": "Atom with `content type=\"html\"` and `published`",
        "plainsmanpost": "JSON Feed 1.1 with `content_html` or `content_text`",
        "lindqvist-courier": "plain text with varying leftover furniture (one file with no date at all); one legacy windows-1252 HTML page with only a visible dateline",
    }
    for key, o in outlets.items():
        n = sum(1 for a in articles if a.outlet_key == key)
        out.append(f"| {o['name']} | `{o['domain']}` | {describe.get(key, o['format'])} | {n} |")
    out += [
        "",
        "## Files",
        "",
        "| file | size | articles |",
        "|---|---|---|",
    ]
    for path in sorted(files):
        n = sum(1 for a in articles if a.file == path)
        out.append(f"| `{path}` | {len(files[path]):,} B | {n} |")
    fmt_counts: dict[str, int] = {}
    for a in articles:
        fmt_counts[a.fmt] = fmt_counts.get(a.fmt, 0) + 1
    out += [
        "",
        "Articles per format: " + ", ".join(f"{k} {v}" for k, v in sorted(fmt_counts.items())) + ".",
        "",
        "Notes on the containers:",
        "",
        f"- `{WARC_FILE}` follows CC-NEWS: a `warcinfo` record, then `response` records "
        "(`application/http; msgtype=response`, an HTTP/1.1 response whose body is the page), each record "
        "its own gzip member. It also holds one `request` record, a `robots.txt` (text/plain) response and "
        "an `image/jpeg` response, which must be skipped; one HTML response declares `Content-Type: text/html` "
        "without a charset (the page's `<meta charset>` says utf-8).",
        f"- `{WARC_PLAIN_FILE}` is uncompressed: a `warcinfo` and one `response`.",
        "- `html/lindqvist-courier-*.html` is encoded in windows-1252 (declared in `<meta charset>`), with "
        "accented names and typographic quotes, so charset decoding is exercised.",
        "- `html/*.html.gz` is a gzipped page.",
        "",
        "## Answer key: `stories.tsv`",
        "",
        "One row per article, tab-separated, with a header row:",
        "",
        "- `key`: the article's id in the source data (`<story>-<n>`).",
        "- `story`: the story it belongs to (the grouping a clusterer should find).",
        "- `file`: its file, relative to this folder.",
        "- `entry`: where it is inside a container, counting from 1: the line of a `.jsonl`, the item/entry "
        "in document order of a feed, the record of a WARC file (counting every record, `warcinfo` "
        "included). `-` for one-article files.",
        "- `id`: the container's own id for it: the JSON line's `id`, the RSS `guid`, the Atom `id`, the "
        "JSON Feed `id`, the `WARC-Record-ID`; `-` for one-article files.",
        "- `url`: the article's URL (`-` for plain-text files, which carry none).",
        "- `outlet`: the outlet's domain; `published`: the true publication time.",
        "- `syndicated_of`: the key of the article this one re-publishes, or `-`.",
        "- `title`: the headline.",
        "",
        "Match articles by `url` where there is one, else by `file`.",
        "",
    ]
    return "\n".join(out).encode("utf-8")


# --------------------------------------------------------------------------
# tests/data
# --------------------------------------------------------------------------


def load_fixture(outlets: dict) -> Article:
    raw = tomllib.loads((TESTDATA / "source" / "article.toml").read_text(encoding="utf-8"))
    a = article_from("fixture-1", "fixture", raw, outlets)
    a.fmt = "html"
    return a


def fixture_text(a: Article) -> str:
    return f"{date_prefix(a)}{a.title}\nBy {a.author}\n\n" + "\n\n".join(a.paragraphs) + "\n"


def fixture_furniture_text(a: Article) -> str:
    paras = a.paragraphs
    lines = [
        date_prefix(a) + "The Harbour Gazette",
        "Home | News | Greyhaven | Sport | Business | Opinion | Tides | Weather",
        "Subscribe to our newsletter",
        "Advertisement",
        "",
        a.title,
        "",
        f"By {a.author}",
        f"Published: {long_date(a.published)}, {a.published:%H:%M}",
        "",
    ]
    for i, p in enumerate(paras, start=1):
        lines += [p, ""]
        if i == 2:
            lines += ["Advertisement", ""]
        if i == 4:
            lines += ["Read more: Chapel Hill steps to close for repairs", ""]
    lines += [
        f"Photo: {a.photo} / The Harbour Gazette",
        "Tags: " + ", ".join(a.tags),
        "Share this article",
        "",
        "Latest news",
        "09:12 Lifeboat crew called out twice in one night",
        "08:47 Tide times and weather for the week ahead",
        "08:05 Fore Street bakery wins regional pie award",
        "",
        "© 2025 Harbour Gazette Ltd. All rights reserved.",
        "Follow us on Facebook, X and Instagram",
    ]
    return "\n".join(lines) + "\n"


def fixture_warc(a: Article, page: bytes, gzipped: bool, extra_page: bytes | None = None) -> bytes:
    name = "article.warc.gz" if gzipped else "article.warc"
    when = crawl_time(a)
    info, info_id = warcinfo(name, when - dt.timedelta(minutes=1), "One invented page for format tests")
    resp, rid = html_response_record(a, page, "utf-8", info_id, when)
    records = [info]
    if gzipped:
        records.append(warc_request(a.url, when, info_id, rid))
    records.append(resp)
    if gzipped:
        records.append(non_html_response("https://harbourgazette.example/robots.txt", ROBOTS.replace(
            b"thecapitalledger", b"harbourgazette"), "text/plain", when + dt.timedelta(seconds=3), info_id))
    if extra_page is not None:
        url = "https://harbourgazette.example/news/greyhaven/second-page-12345"
        block = http_response(extra_page, "text/html; charset=utf-8", when + dt.timedelta(seconds=6))
        rec, _ = warc_response(url, when + dt.timedelta(seconds=6), info_id, block, extra_page, "text/html",
                               ip_for("harbourgazette.example"))
        records.append(rec)
    if gzipped:
        return b"".join(gz(r) for r in records)
    return b"".join(records)


def pseudo_random_bytes(n: int, seed: bytes) -> bytes:
    out = b""
    block = seed
    while len(out) < n:
        block = hashlib.sha256(block).digest()
        out += block
    return out[:n]


def render_test_data(outlets: dict) -> dict[str, bytes]:
    a = load_fixture(outlets)
    files: dict[str, bytes] = {}
    text = fixture_text(a)
    page = render_gazette(a, [], full_meta=True)
    page_utf8 = page.encode("utf-8")

    files["article.txt"] = text.encode("utf-8")
    files["article_furniture.txt"] = fixture_furniture_text(a).encode("utf-8")
    files["article.html"] = page_utf8
    files["article.html.gz"] = gz(page_utf8)
    latin = page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    files["article_latin1.html"] = latin.encode("cp1252")  # strict: every character must fit
    files["article.jsonl"] = (jsonl_line(a, "hg-20251103-library") + "\n").encode("utf-8")
    files["article.rss.xml"] = rss_feed(
        a.outlet["name"], f"https://{a.outlet['domain']}/",
        [rss_item(a, f"https://{a.outlet['domain']}/?p={a.n}", trailer=False)], a.published,
        "News from Greyhaven and the Sallow Coast").encode("utf-8")
    files["article.atom.xml"] = atom_feed(
        a.outlet["name"], a.outlet["domain"],
        [atom_entry(a, f"tag:{a.outlet['domain']},{a.day}:/news/greyhaven/{a.slug}")],
        a.published, "News from Greyhaven and the Sallow Coast").encode("utf-8")
    files["article.feed.json"] = jsonfeed(
        a.outlet["name"], a.outlet["domain"], [jsonfeed_item(a, "hg-20251103-library", as_text=False)]).encode("utf-8")
    files["article.warc"] = fixture_warc(a, page_utf8, gzipped=False)
    files["article.warc.gz"] = fixture_warc(a, page_utf8, gzipped=True)

    # Bad inputs. Nothing here is large: tests build bombs and huge files at run time.
    files["bad/binary.bin"] = b"\x00\x01\x7fELF" + pseudo_random_bytes(508, b"storyline-binary")
    files["bad/empty.txt"] = b""
    raw = text.encode("utf-8")
    cut = raw.index(b"The Victorian building")
    files["bad/invalid_utf8.txt"] = raw[:cut] + b"\xff\xfe Broken \xc3\x28 bytes \xe2\x82 here. " + raw[cut:]
    files["bad/utf16.txt"] = "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")
    whole = files["article.html.gz"]
    files["bad/truncated.html.gz"] = whole[: len(whole) // 2]
    valid1 = jsonl_line(a, "hg-20251103-library")
    second = Article(
        key="fixture-2", story="fixture", outlet_key=a.outlet_key, outlet=a.outlet, fmt="jsonl",
        published=dt.datetime.fromisoformat("2025-11-04T08:00:00+01:00"), author="Callum Reid",
        title="Chapel Hill steps to close for repairs",
        text="The steps linking Fore Street with Chapel Hill will close for six weeks from Monday while "
             "the council replaces the worn handrails and resurfaces the lower flight.\n\n"
             "Pedestrians will be diverted along Quay Street. The council said the work would cost "
             "about 180,000 crowns.",
    )
    second.slug = slugify(second.title)
    second.url = "https://harbourgazette.example/news/greyhaven/chapel-hill-steps-to-close-for-repairs-51212"
    broken = '{"id": "hg-broken", "url": "https://harbourgazette.example/news/x", "title": "Half a line", "text": "This line stops in the mid'
    files["bad/malformed.jsonl"] = "\n".join([valid1, broken, jsonl_line(second, "hg-20251104-steps")]).encode("utf-8") + b"\n"
    files["bad/broken_dates.rss.xml"] = broken_dates_feed(a, second).encode("utf-8")
    extra = render_gazette(second, [], full_meta=True).encode("utf-8")
    good = fixture_warc(a, page_utf8, gzipped=True, extra_page=extra)
    # Cut in the middle of the last record's gzip member: the first page is whole.
    last_member = gz(fixture_warc_last_record(a, extra))
    files["bad/truncated.warc.gz"] = good[: len(good) - len(last_member) // 2]
    assert good.endswith(last_member)
    return files


def fixture_warc_last_record(a: Article, extra_page: bytes) -> bytes:
    when = crawl_time(a)
    _, info_id = warcinfo("article.warc.gz", when - dt.timedelta(minutes=1), "One invented page for format tests")
    url = "https://harbourgazette.example/news/greyhaven/second-page-12345"
    block = http_response(extra_page, "text/html; charset=utf-8", when + dt.timedelta(seconds=6))
    rec, _ = warc_response(url, when + dt.timedelta(seconds=6), info_id, block, extra_page, "text/html",
                           ip_for("harbourgazette.example"))
    return rec


def broken_dates_feed(a: Article, b: Article) -> str:
    items = []
    for art, bad_date in ((a, "yesterday-ish"), (b, "2025-13-45")):
        item = rss_item(art, f"https://{art.outlet['domain']}/?p={art.n}", trailer=False)
        item = re.sub(r"<pubDate>.*?</pubDate>", f"<pubDate>{bad_date}</pubDate>", item)
        items.append(item)
    return rss_feed(a.outlet["name"], f"https://{a.outlet['domain']}/", items, a.published,
                    "A feed whose items have unparseable dates")


def test_data_readme(a: Article) -> bytes:
    rows = [
        ("article.txt", "plain text, first line ` date 2025-11-03 <title>`, then `By Mara Ellison`"),
        ("article_furniture.txt", "the same text wrapped in furniture lines (menu, \"Advertisement\", \"Read more:\", photo credit, tags, \"Latest news\" with times, copyright); starts with ` date 2025-11-03 The Harbour Gazette`"),
        ("article.html", "full page: og:title, article:published_time, meta author, JSON-LD NewsArticle, canonical link, plus cookie banner, nav, ads, share buttons, related stories, newsletter box, footer"),
        ("article.html.gz", "`article.html` gzipped"),
        ("article_latin1.html", "`article.html` encoded in windows-1252, declared by `<meta charset=\"windows-1252\">` (’ “ ” – é Ø are single bytes)"),
        ("article.jsonl", "one JSON line: id, url, title, text, date, outlet, author, lang, and `section` (an unknown field that must be kept in `extra`)"),
        ("article.rss.xml", "RSS 2.0, one item with `content:encoded`, `pubDate` in RFC 2822, `dc:creator`"),
        ("article.atom.xml", "Atom, one entry with `content type=\"html\"`, `published`, `author/name`"),
        ("article.feed.json", "JSON Feed 1.1, one item with `content_html`, `date_published`, `authors`"),
        ("article.warc", "uncompressed WARC/1.0: `warcinfo` + one `response`"),
        ("article.warc.gz", "WARC/1.0, one gzip member per record: `warcinfo`, `request` (skip), `response` (the page), `response` for robots.txt (text/plain, skip)"),
    ]
    out = [
        "# Format fixtures",
        "",
        "One short invented article in every supported format, and a few bad inputs. Generated by "
        "`python3 scripts/make_corpus.py` from `source/article.toml`; do not edit the files by hand.",
        "",
        "## The article",
        "",
        "Every good file below must produce exactly **one** article with:",
        "",
        f"- title: `{a.title}`",
        f"- published day: `{a.day}` (full timestamp `{a.published.isoformat()}` where the format carries the time: html, jsonl, feeds, warc)",
        f"- author: `{a.author}`",
        f"- outlet: `{a.outlet['domain']}` (from the URL `{a.url}`); for the two `.txt` files, which carry no URL, none (an outlet is never taken from a text, not even from the masthead line of `article_furniture.txt`); the HTML pages and the WARC also name the publisher, `The Harbour Gazette`, as `extra.outlet_name`",
        "- text: the six paragraphs of `source/article.toml`, beginning “Greyhaven’s public library reopened on Monday” "
        "and ending “9am to 6pm.”, with no furniture line (no “Advertisement”, menu, “Read more:”, comments, footer)",
        "- language: English",
        f"- the HTML pages (and the WARC responses) also show the standfirst “{a.standfirst}” above the body; "
        "keeping it as the first paragraph or dropping it are both acceptable",
        "",
        "All files carry the same characters (’ “ ” – é Ø), so the text must be identical whatever the format "
        "or charset. `article.jsonl` must also keep `\"section\": \"news\"` in `extra`.",
        "",
        "| file | what it is |",
        "|---|---|",
        *[f"| `{f}` | {d} |" for f, d in rows],
        "",
        "## Bad inputs (`bad/`)",
        "",
        "None of these may panic or hang.",
        "",
        "| file | what it is | expected |",
        "|---|---|---|",
        "| `bad/binary.bin` | 512 pseudo-random bytes starting with an ELF-like magic | error: not text / unsupported format; no article |",
        "| `bad/empty.txt` | 0 bytes | no article (an empty-input error or simply nothing) |",
        "| `bad/invalid_utf8.txt` | `article.txt` with a few invalid UTF-8 bytes (`FF FE`, `C3 28`, a cut `E2 82`) inserted before the second paragraph | one article, same title and date; the bad bytes become U+FFFD (lossy decoding, not an error) |",
        "| `bad/utf16.txt` | `article.txt` in UTF-16LE with a BOM | one article identical to `article.txt` (decode by BOM); if UTF-16 is unsupported, an encoding error, never garbage text |",
        "| `bad/truncated.html.gz` | the first half of `article.html.gz` | error: truncated gzip stream (unexpected end of file); no article from garbage |",
        "| `bad/malformed.jsonl` | 3 lines: valid (the library article), broken JSON (cut mid-string), valid (`Chapel Hill steps to close for repairs`, 2025-11-04, Callum Reid) | 2 articles and 1 error naming line 2 |",
        "| `bad/broken_dates.rss.xml` | RSS with 2 items whose `pubDate` are `yesterday-ish` and `2025-13-45` | 2 articles (the library one and `Chapel Hill steps to close for repairs`), both with no published date: a date is never invented |",
        "| `bad/truncated.warc.gz` | `article.warc.gz` plus a second page, cut in the middle of the last record's gzip member | the library article (records before the cut are whole), then error: truncated WARC/gzip |",
        "",
    ]
    return "\n".join(out).encode("utf-8")


# --------------------------------------------------------------------------
# Writing and checking
# --------------------------------------------------------------------------


RENDERERS = {"text", "html", "html.gz", "jsonl", "rss", "atom", "jsonfeed", "warc", "warc-plain"}


def build() -> tuple[dict[Path, bytes], list[Path]]:
    """Everything the script owns: path -> bytes, and the folders it owns."""
    outlets, stories, articles = load_corpus()
    problems = validate(outlets, stories, articles)
    if problems:
        raise SystemExit("corpus source is invalid:\n  " + "\n  ".join(problems))
    files = render_corpus(articles)
    if sum(len(v) for v in files.values()) > 1_000_000:
        raise SystemExit("corpus is over 1 MB")
    out = {CORPUS / p: v for p, v in files.items()}
    out[CORPUS / "stories.tsv"] = stories_tsv(articles)
    out[CORPUS / "README.md"] = corpus_readme(outlets, stories, articles, files)
    fixture = load_fixture(outlets)
    for p, v in render_test_data(outlets).items():
        out[TESTDATA / p] = v
    out[TESTDATA / "README.md"] = test_data_readme(fixture)
    owned = [CORPUS / d for d in GENERATED_DIRS] + [TESTDATA / "bad"]
    return out, owned


def same(path: Path, want: bytes) -> bool:
    if not path.exists():
        return False
    have = path.read_bytes()
    if have == want:
        return True
    # Another zlib may compress differently; what matters is the content.
    if path.name.endswith(".gz") and "bad" not in path.parts:
        try:
            return gzip.decompress(have) == gzip.decompress(want)
        except (OSError, EOFError):
            return False
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if any file differs")
    args = ap.parse_args()
    out, owned = build()
    stale = sorted(p for d in owned if d.exists() for p in d.rglob("*") if p.is_file() and p not in out)
    if args.check:
        bad = [p for p, v in out.items() if not same(p, v)]
        for p in bad:
            print(f"differs: {p.relative_to(ROOT)}")
        for p in stale:
            print(f"stale:   {p.relative_to(ROOT)}")
        return 1 if bad or stale else 0
    for p, v in sorted(out.items()):
        p.parent.mkdir(parents=True, exist_ok=True)
        if not same(p, v):
            p.write_bytes(v)
    for p in stale:
        p.unlink()
    print(f"wrote {len(out)} files ({sum(len(v) for v in out.values()):,} bytes); removed {len(stale)} stale")
    return 0


if __name__ == "__main__":
    sys.exit(main())
