//! robots.txt (RFC 9309): parsing, matching, and the per-site cache.
//!
//! We read the group for our product token (`storyline`), or else the `*`
//! group, and decide a path by its longest matching `Allow`/`Disallow` rule
//! (an `Allow` wins a tie). Patterns may use `*` for any run of characters
//! and a final `$` to pin the end of the path.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

/// At most this many rules are kept for our group; a robots.txt is capped in
/// size anyway, this bounds the matching work per page.
const MAX_RULES: usize = 10_000;

/// How long a robots.txt that could not be fetched (5xx, network trouble)
/// keeps its host closed before we ask again.
pub(crate) const UNREACHABLE_TTL: Duration = Duration::from_secs(600);

/// One `Allow` or `Disallow` line of our group.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    allow: bool,
    /// Normalised (see [`normalise`]); may hold `*` and a final `$`.
    pattern: Vec<u8>,
}

/// The rules of a site's robots.txt that apply to us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Robots {
    rules: Vec<Rule>,
}

/// The parser's view of the group being read.
#[derive(Default)]
struct Group {
    agents: Vec<String>,
    rules: Vec<Rule>,
}

impl Robots {
    /// No rules: everything allowed (no robots.txt, or a 4xx for it).
    pub fn allow_all() -> Robots {
        Robots { rules: Vec::new() }
    }

    /// Everything but robots.txt itself disallowed (robots.txt unreachable).
    pub fn disallow_all() -> Robots {
        Robots {
            rules: vec![Rule {
                allow: false,
                pattern: b"/".to_vec(),
            }],
        }
    }

    /// Parses a robots.txt body and keeps the rules for `token` (matched
    /// case-insensitively), or, if no group names it, for `*`. Several
    /// groups naming the same agent are merged. Never fails: lines that do
    /// not parse are skipped.
    pub fn parse(body: &[u8], token: &str) -> Robots {
        let text = String::from_utf8_lossy(body);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut groups: Vec<Group> = Vec::new();
        let mut current = Group::default();
        for line in text.split(['\n', '\r']) {
            let line = line.split('#').next().unwrap_or("");
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" | "useragent" | "user agent" => {
                    if !current.rules.is_empty() {
                        groups.push(std::mem::take(&mut current));
                    }
                    current.agents.push(value.to_string());
                }
                "allow" | "disallow" | "dissallow" | "disalow" => {
                    // Rules before any user-agent line belong to no group;
                    // empty values match nothing.
                    if current.agents.is_empty() || value.is_empty() {
                        continue;
                    }
                    current.rules.push(Rule {
                        allow: key == "allow",
                        pattern: normalise(value.as_bytes()),
                    });
                }
                _ => {}
            }
        }
        groups.push(current);

        let mut ours: Option<Vec<Rule>> = None;
        let mut star: Vec<Rule> = Vec::new();
        for group in groups {
            let mine = group.agents.iter().any(|a| agent_matches(a, token));
            let any = group.agents.iter().any(|a| a == "*");
            if mine {
                ours.get_or_insert_with(Vec::new).extend(group.rules);
            } else if any {
                star.extend(group.rules);
            }
        }
        let mut rules = ours.unwrap_or(star);
        rules.truncate(MAX_RULES);
        Robots { rules }
    }

    /// Whether we may fetch this path (with its query, as in `/a?b=c`).
    /// `/robots.txt` itself is always allowed.
    pub fn allows(&self, path_and_query: &str) -> bool {
        let path = normalise(path_and_query.as_bytes());
        if path == b"/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for rule in &self.rules {
            if !matches(&rule.pattern, &path) {
                continue;
            }
            let len = rule.pattern.len();
            best = match best {
                Some((l, allow)) if l > len || (l == len && allow) => Some((l, allow)),
                _ => Some((len, rule.allow)),
            };
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// Does a `User-agent` value name our product token? Its leading run of
/// letters, `-` and `_` is compared, so `storyline/1.0` counts.
fn agent_matches(agent: &str, token: &str) -> bool {
    let name: &str = agent
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '-' || c == '_'))
        .next()
        .unwrap_or("");
    !name.is_empty() && name.eq_ignore_ascii_case(token)
}

/// Brings a pattern or a path to one spelling before comparing them:
/// percent-escapes of unreserved characters are decoded, other escapes get
/// upper-case hex, and bytes outside printable ASCII are escaped.
fn normalise(s: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        if b == b'%'
            && let (Some(h), Some(l)) = (
                s.get(i + 1).copied().and_then(hex),
                s.get(i + 2).copied().and_then(hex),
            )
        {
            let v = h * 16 + l;
            if v.is_ascii_alphanumeric() || matches!(v, b'-' | b'.' | b'_' | b'~') {
                out.push(v);
            } else {
                out.extend(format!("%{v:02X}").bytes());
            }
            i += 3;
            continue;
        }
        if b <= b' ' || b >= 0x7f {
            out.extend(format!("%{b:02X}").bytes());
        } else {
            out.push(b);
        }
        i += 1;
    }
    out
}

/// Does `pattern` match the start of `path` (all of it, when the pattern
/// ends in `$`)? `*` matches any run of bytes. Greedy with one backtrack
/// point, so the work is at most pattern length times path length.
fn matches(pattern: &[u8], path: &[u8]) -> bool {
    let (pat, anchored) = match pattern.strip_suffix(b"$") {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let (mut p, mut s) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    loop {
        if p == pat.len() {
            if !anchored || s == path.len() {
                return true;
            }
        } else if pat[p] == b'*' {
            star = Some((p, s));
            p += 1;
            continue;
        } else if s < path.len() && pat[p] == path[s] {
            p += 1;
            s += 1;
            continue;
        }
        match star {
            Some((sp, ss)) if ss < path.len() => {
                star = Some((sp, ss + 1));
                p = sp + 1;
                s = ss + 1;
            }
            _ => return false,
        }
    }
}

/// A cached robots.txt and when it goes stale.
#[derive(Debug, Clone)]
pub(crate) struct Cached {
    pub robots: Arc<Robots>,
    pub until: Instant,
}

/// One slot per site; the async lock makes concurrent pages of one site
/// wait for a single robots.txt fetch.
pub(crate) type Slot = Arc<tokio::sync::Mutex<Option<Cached>>>;

/// Cache size past which stale, idle slots are dropped.
const CACHE_PRUNE_AT: usize = 4096;

/// robots.txt per site (`scheme://host:port`).
#[derive(Debug, Default)]
pub(crate) struct RobotsCache {
    slots: Mutex<HashMap<String, Slot>>,
}

impl RobotsCache {
    /// The slot for a site, created empty if new.
    pub fn slot(&self, site: &str) -> Slot {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        if slots.len() >= CACHE_PRUNE_AT {
            let now = Instant::now();
            slots.retain(|_, slot| match slot.try_lock() {
                Ok(c) => c.as_ref().is_some_and(|c| c.until > now),
                Err(_) => true,
            });
        }
        slots.entry(site.to_string()).or_default().clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn robots(text: &str) -> Robots {
        Robots::parse(text.as_bytes(), "storyline")
    }

    #[test]
    fn no_file_or_empty_file_allows_everything() {
        assert!(Robots::allow_all().allows("/anything"));
        assert!(robots("").allows("/x"));
        assert!(robots("# only a comment\n").allows("/x"));
        assert!(!Robots::disallow_all().allows("/x"));
        assert!(Robots::disallow_all().allows("/robots.txt"));
    }

    #[test]
    fn our_group_wins_over_star() {
        let r =
            robots("User-agent: *\nDisallow: /\n\nUser-agent: Storyline\nDisallow: /private/\n");
        assert!(r.allows("/news/1"));
        assert!(!r.allows("/private/a"));
        // A crawler without a group of its own gets the star group.
        let other = Robots::parse(
            b"User-agent: *\nDisallow: /\n\nUser-agent: storyline\nAllow: /\n",
            "otherbot",
        );
        assert!(!other.allows("/news/1"));
    }

    #[test]
    fn star_group_when_ours_is_absent() {
        let r = robots("User-agent: somebot\nDisallow: /\n\nUser-agent: *\nDisallow: /tmp\n");
        assert!(r.allows("/news"));
        assert!(!r.allows("/tmp/x"));
        assert!(!r.allows("/tmpfile"));
    }

    #[test]
    fn product_token_match_is_case_insensitive_and_versionless() {
        for line in [
            "storyline",
            "STORYLINE",
            "StoryLine/2.0",
            "storyline (feeds)",
        ] {
            let r = robots(&format!("User-agent: {line}\nDisallow: /\n"));
            assert!(!r.allows("/a"), "{line}");
        }
        let r = robots("User-agent: storylinebot\nDisallow: /\n");
        assert!(r.allows("/a"));
    }

    #[test]
    fn consecutive_agents_share_a_group_and_same_agent_groups_merge() {
        let r = robots(
            "User-agent: alpha\nUser-agent: storyline\nDisallow: /a\n\
             User-agent: beta\nDisallow: /b\n\
             User-agent: storyline\nDisallow: /c\n",
        );
        assert!(!r.allows("/a"));
        assert!(r.allows("/b"));
        assert!(!r.allows("/c"));
    }

    #[test]
    fn blank_lines_do_not_end_a_group() {
        let r = robots("User-agent: storyline\n\nUser-agent: *\nDisallow: /\n");
        // The storyline group has no rules before the next agent line, so it
        // joins the star group: both get Disallow: /.
        assert!(!r.allows("/x"));
        let r = robots("User-agent: storyline\nAllow: /\n\nUser-agent: *\nDisallow: /\n");
        assert!(r.allows("/x"));
    }

    #[test]
    fn longest_match_decides_and_allow_wins_ties() {
        let r = robots(
            "User-agent: *\nDisallow: /shop\nAllow: /shop/open\nDisallow: /shop/open/closed\n",
        );
        assert!(!r.allows("/shop"));
        assert!(r.allows("/shop/open/today"));
        assert!(!r.allows("/shop/open/closed/x"));
        let tie = robots("User-agent: *\nDisallow: /same\nAllow: /same\n");
        assert!(tie.allows("/same/page"));
        let tie = robots("User-agent: *\nAllow: /same\nDisallow: /same\n");
        assert!(tie.allows("/same/page"));
    }

    #[test]
    fn wildcards_and_end_anchor() {
        let r = robots(
            "User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\nAllow: /$\nDisallow: /\n",
        );
        assert!(r.allows("/"));
        assert!(!r.allows("/index.html"));
        let r = robots("User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\n");
        assert!(!r.allows("/docs/report.pdf"));
        assert!(r.allows("/docs/report.pdf?page=2"));
        assert!(r.allows("/docs/report.pdfx"));
        assert!(!r.allows("/search?lang=en&q=news"));
        assert!(r.allows("/search?lang=en"));
        let r = robots("User-agent: *\nDisallow: /a*b*c$\n");
        assert!(!r.allows("/aXbYc"));
        assert!(!r.allows("/abcbc"));
        assert!(r.allows("/abcd"));
        let r = robots("User-agent: *\nDisallow: *\n");
        assert!(!r.allows("/x"));
    }

    #[test]
    fn matching_is_case_sensitive_on_paths_and_keys_are_not() {
        let r = robots("USER-AGENT: *\nDISALLOW: /Private\n");
        assert!(!r.allows("/Private/x"));
        assert!(r.allows("/private/x"));
    }

    #[test]
    fn percent_encoding_is_compared_in_one_spelling() {
        // A rule in raw UTF-8 matches the percent-encoded path a URL has.
        let r = robots("User-agent: *\nDisallow: /café\n");
        assert!(!r.allows("/caf%C3%A9/menu"));
        assert!(!r.allows("/caf%c3%a9/menu"));
        // An escaped unreserved character equals the character itself.
        let r = robots("User-agent: *\nDisallow: /%7Euser\n");
        assert!(!r.allows("/~user/page"));
        // An escaped slash is not a slash.
        let r = robots("User-agent: *\nDisallow: /a/b\n");
        assert!(r.allows("/a%2Fb"));
    }

    #[test]
    fn comments_blank_lines_odd_endings_and_junk() {
        let r = robots(
            "\u{feff}# site rules\r\nUser-agent: * # everyone\r\nDisallow: /x # not this\rSitemap: https://a.test/s.xml\r\nnonsense line\nCrawl-delay: 5\nDisallow:\n",
        );
        assert!(!r.allows("/x/1"));
        assert!(r.allows("/y"));
        // Rules before any user-agent line belong to nobody.
        let r = robots("Disallow: /\nUser-agent: *\nDisallow: /z\n");
        assert!(r.allows("/a"));
        assert!(!r.allows("/z"));
        // Binary junk parses to something without panicking.
        let junk: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
        let _ = Robots::parse(&junk, "storyline").allows("/");
    }

    #[test]
    fn robots_txt_itself_is_always_allowed() {
        let r = robots("User-agent: *\nDisallow: /\n");
        assert!(r.allows("/robots.txt"));
        assert!(!r.allows("/robots.txt.bak"));
    }

    #[test]
    fn pathological_patterns_stay_cheap() {
        let pattern = "/*a".repeat(200) + "$";
        let r = robots(&format!("User-agent: *\nDisallow: {pattern}\n"));
        let path = "/".to_string() + &"a".repeat(2000) + "b";
        let start = std::time::Instant::now();
        assert!(r.allows(&path));
        assert!(start.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn matcher_basics() {
        assert!(matches(b"/", b"/anything"));
        assert!(matches(b"/fish", b"/fish.html"));
        assert!(!matches(b"/fish", b"/Fish"));
        assert!(matches(b"/fish*", b"/fish"));
        assert!(matches(b"/*.php", b"/folder/index.php?x"));
        assert!(!matches(b"/*.php$", b"/index.php?x"));
        assert!(matches(b"/*.php$", b"/index.php"));
        assert!(matches(b"/$", b"/"));
        assert!(!matches(b"/$", b"/a"));
        assert!(!matches(b"/abc", b"/ab"));
        assert!(matches(b"", b"/x"));
    }
}
