//! The generic vocabulary of page furniture.
//!
//! These are words every news site uses for the same chrome (advertisement
//! labels, share buttons, photo credits, "related" headings, language
//! switchers), not rules for any one site. A line is judged on its own here;
//! the cleaner adds what only context can tell (headline runs after the body).

use regex::Regex;
use std::sync::LazyLock;

/// What kind of furniture a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Furniture {
    /// A line to drop that says nothing about where the article ends
    /// (an advertisement label, a photo credit, a share button).
    Line,
    /// A heading that opens a block of links after the article ("Related",
    /// "Latest news", "Tags:"): what follows it is not the article.
    EndMarker,
}

/// Furniture lines are short (a cookie banner being the longest); longer
/// lines are never judged by vocabulary.
const MAX_CHARS: usize = 1000;

/// Whole-line headings that open a list of other articles.
static END_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:related(?: articles| stories| news| content| coverage| topics| posts| links| reading| videos)?|recent(?: news| stories| posts| articles| videos)?|latest(?: news| videos?| stories| articles| updates| headlines| posts| from .{1,40})?|top (?:stories|news|headlines)|most (?:read|popular|viewed|shared|commented|watched)|popular(?: now| stories| news)?|trending(?: now| stories| news| topics)?|more (?:news|stories|articles|videos|headlines)|more from .{1,40}|more on this(?: story| topic)?|all (?:news|stories|videos|articles)|news feed|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories| articles| reading)?|editor'?s'? (?:picks|choice)|don'?t miss|read next|up next|next article|tags?|keywords|comments?|leave a comment|show comments|view comments|join the conversation|around the web|from the web|also on .{1,30}|the post .{1,200} appeared first on .{1,60})$",
    )
    .expect("END_WHOLE is a valid regex")
});

/// Whole-line chrome that may stand anywhere on the page.
static LINE_WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:advertisements?|advertising|advert|ads?|ad feedback|sponsored(?: content| post| links?)?|paid (?:content|post|partnership)|promoted(?: content| stories)?|partner content|subscribe(?: now| today| here)?|subscribe to (?:our|the) newsletters?|sign up(?: now| here| today)?|sign up for (?:our|the) newsletters?|newsletters?|get (?:our|the) newsletter|support(?: us)?|donate(?: now)?|share(?: this| this article| this story| article| story| on facebook| on twitter| on x| via email)?|tweet|e-?mail|print(?: article| this)?|copy link|link copied|read (?:more|also|full article|full story)|see also|also read|more|continue reading|show more|load more|view more|see more|all sections|all topics|topics|sections|breaking(?: news)?|menu|main menu|navigation|toggle navigation|skip to (?:main )?content|skip navigation|search|home|homepage|back to top|log ?in|sign in|register|my account|cookies?|cookie (?:policy|settings|preferences)|accept(?: all)?(?: cookies)?|reject all|manage (?:cookies|preferences)|privacy(?: policy)?|terms (?:of (?:use|service)|and conditions)|contact(?: us)?|about us|follow us(?: on .{1,30})?|watch(?: now| live| video)?|listen(?: now| live)?|listen to (?:this|the) article|videos?|photos?|gallery|photo gallery|next|previous|close|open|opinion|loading|updated|published|by|facebook|twitter|x|whatsapp|pinterest|flipboard|linkedin|reddit|telegram|instagram|youtube|tiktok|threads|bluesky|copy|copied|caption|back to gallery|(?:previous|next) (?:post|story|page)|advertise(?: with us)?|adchoices|sitemap|site map|privacy (?:overview|notice|settings)|reply|reply to(?: comment| this comment)?|learn more|book now|more info|get a quote|(?:shop|buy|order) now|(?:view|see|show) all|table of contents|contents|follow|email address|your email|submit|unsubscribe|careers|faqs?|jobs)$",
    )
    .expect("LINE_WHOLE is a valid regex")
});

/// Line openings that mark a tag or topic list.
static END_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:tags?|topics?|keywords|filed under|categories|category|related topics|see more on)\s*[:：]",
        // The head of a comment section: "34 responses to ...", "Leave a reply".
        r"|^\d+\s+(?:comments?|responses?|replies|thoughts|reactions)\b",
        r"|^(?:leave|post|add|write|submit) (?:a |your )?(?:comment|reply|response)\b",
        r"|^comments? (?:are|is) closed\b|^join the (?:discussion|conversation)\b|^show (?:\d+ )?comments\b",
    ))
        .expect("END_PREFIX is a valid regex")
});

/// Patterns of furniture lines of up to [`PATTERN_WORDS`] words.
static LINE_PATTERNS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // "Read also: <headline>" teasers inside or after the body.
        r"^(?:read (?:more|also|next)|see also|also read|more on (?:this|that)|related|watch|listen)\s*[:|–—-]",
        r"|^(?:copyright\b|\(c\)\s|©)",
        r"|\ball rights reserved\b",
        r"|^(?:(?:cover |main |top |featured |lead )?(?:photo|image|picture|illustration|video|credit|photograph|pic|graphic)s?(?: by| credit| source)?\s*[:：])",
        r"|^(?:photos? by|image by|pictures? by|video by)\b",
        r"|^(?:share|tweet|email|pin|post)\s+(?:on|this|via|to)\b",
        r"|^(?:follow|like|find) us\b",
        r"|^click to (?:share|email|print|tweet|pin)\b",
        // A comment's byline: "thelastfan says:".
        r"|^\S+(?: \S+){0,3} (?:says|said|wrote|writes|commented)$",
        r"|^(?:click|tap) here\b",
        r"|^(?:advertisement|advertising|sponsored|ad)\s*[-–—:|]",
        // A label run into the next one: "Advertisement Continue reading
        // the main story".
        r"|^advertisements? continue reading\b",
        r"|^\d+\s*(?:min(?:ute)?s?|m) read$",
        r"|^(?:estimated )?reading time\b",
        r"|^\d+\s*(?:comments?|shares?|views?|reads?)$",
        r"|^\d+\s*(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|h|days?|d|weeks?)\s+ago$",
        // A clock time alone on a line: the stamp of a "recent news" entry.
        r"|^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?$",
        r"|^(?:sign up|subscribe|register)\b.*\b(?:newsletters?|updates|alerts|free|now|today|here|e-?mails?)\b",
        r"|\bunsubscribe at any time\b|\bno spam\b",
        r"|^(?:check|compare) (?:the )?(?:price|prices|availability|deals?) (?:at|on)\b",
        r"|^(?:get|receive)\b.*\bnewsletters?\b",
    ))
    .expect("LINE_PATTERNS is a valid regex")
});

/// Cookie banners, which come as whole sentences.
static COOKIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bwe use cookies\b|\b(?:site|website) uses cookies\b|\baccept (?:all )?cookies\b|\bcookie (?:policy|settings|consent|preferences)\b|\bby continuing to (?:browse|use) (?:this|our)\b")
        .expect("COOKIES is a valid regex")
});

/// Photo credits: agency names and credit labels in a short line.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"stock photo|getty images|\bap photo\b|\bafp photo\b|\breuters/|/\s?reuters\b|/\s?ap\b|/\s?afp\b|\bshutterstock\b|\bepa-efe\b|\bphoto credit\b|\bimage credit\b|\bimage source\b|\bphoto courtesy\b|\bphoto:|\bimage:|\bcredit:|\bфото:",
    )
    .expect("CREDIT is a valid regex")
});

/// A caption, however long, that ends with its photo credit in brackets
/// ("... at the Capitol on Wednesday. (Photo by Ann Lee/The Daily)").
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\((?:(?:ap|afp|epa|reuters|getty)\s+)?(?:photos?|images?|pictures?|fotos?)(?:\s+by\b|\s*:|\s*/)[^()]{1,100}\)\s*$|\(getty images[^()]{0,60}\)\s*$",
    )
    .expect("CAPTION_CREDIT is a valid regex")
});

/// A call to support or join the outlet ("Support us", "Become our patron!").
static CALL_TO_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:please\s+)?(?:support|donate|subscribe|become|join)\b.*\b(?:us|our|patrons?|patreon|membership|member|supporter|subscriber|journalism|newsletter)\b",
    )
    .expect("CALL_TO_ACTION is a valid regex")
});

/// Lines of at most this many words are matched against [`LINE_PATTERNS`].
const PATTERN_WORDS: usize = 20;
/// Photo credits and calls to action are short.
const CREDIT_WORDS: usize = 15;
const CTA_WORDS: usize = 12;
/// Cookie banners run to a few sentences.
const COOKIE_WORDS: usize = 150;

/// Language names and codes of a language switcher ("Укр Рус Eng").
const LANGUAGES: &[&str] = &[
    "eng",
    "en",
    "english",
    "ukr",
    "укр",
    "українська",
    "українською",
    "ua",
    "рус",
    "русский",
    "ru",
    "rus",
    "de",
    "deu",
    "deutsch",
    "fr",
    "fra",
    "français",
    "francais",
    "es",
    "esp",
    "español",
    "espanol",
    "pl",
    "pol",
    "polski",
    "it",
    "ita",
    "italiano",
    "pt",
    "português",
    "portugues",
    "tr",
    "türkçe",
    "ar",
    "عربي",
    "العربية",
    "中文",
    "日本語",
    "ro",
    "română",
    "hu",
    "magyar",
    "cs",
    "čeština",
    "бел",
    "беларуская",
    "қаз",
    "kz",
    "ka",
    "ქართ",
    "lt",
    "lv",
    "et",
];

/// Share-button and social network names ("Facebook Twitter Email").
const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "linkedin",
    "reddit",
    "pinterest",
    "print",
    "messenger",
    "viber",
    "flipboard",
    "share",
    "copy",
    "link",
    "tumblr",
    "vk",
    "instagram",
    "youtube",
    "tiktok",
    "threads",
    "bluesky",
    "mastodon",
    "sms",
    "comment",
    "comments",
];

/// Judges one trimmed, non-empty line of `words` words.
pub(crate) fn classify(line: &str, words: usize) -> Option<Furniture> {
    if line.len() > MAX_CHARS * 4 || line.chars().count() > MAX_CHARS {
        return None;
    }
    let norm = normalise(line);
    if words <= COOKIE_WORDS && COOKIES.is_match(&norm) {
        return Some(Furniture::Line);
    }
    if norm.is_empty() {
        // Only punctuation or symbols: a separator rule, a lone bullet.
        return Some(Furniture::Line);
    }
    if words <= PATTERN_WORDS && END_PREFIX.is_match(&norm) {
        return Some(Furniture::EndMarker);
    }
    if END_WHOLE.is_match(&norm) {
        // "Don't miss:" with a colon introduces one teaser inside the text.
        let labelled = line.trim_end().ends_with([':', '：']);
        return Some(if labelled {
            Furniture::Line
        } else {
            Furniture::EndMarker
        });
    }
    if LINE_WHOLE.is_match(&norm) {
        return Some(Furniture::Line);
    }
    if words <= PATTERN_WORDS && LINE_PATTERNS.is_match(&norm) {
        return Some(Furniture::Line);
    }
    if words <= CREDIT_WORDS && CREDIT.is_match(&norm) {
        return Some(Furniture::Line);
    }
    // A video player's controls, with the caption they run into.
    let player = norm.starts_with("skip in skip x embed");
    if player || CAPTION_CREDIT.is_match(line) || related_teaser(line) {
        return Some(Furniture::Line);
    }
    let quoted = line.starts_with(['"', '“', '«', '\'', '‘', '„']);
    if words <= CTA_WORDS && !quoted && CALL_TO_ACTION.is_match(&norm) {
        return Some(Furniture::Line);
    }
    if is_language_switcher(&norm) || is_social_bar(&norm) || is_navigation(line) {
        return Some(Furniture::Line);
    }
    None
}

/// A "Related" label run into the headlines it links to ("Related Mayor
/// Opens Pier 'Harbour Days' Draws Record Crowds"): no full stop, and the
/// words after the label mostly capitalised.
fn related_teaser(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("Related ") else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let caps = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| !c.is_lowercase())
        })
        .count();
    !line.trim_end().ends_with(['.', '!', '?', ':'])
        && words.len() >= 3
        && caps * 4 >= words.len() * 3
}

/// Lowercases, collapses whitespace and strips the decoration around a
/// line's words (bullets, arrows, trailing colons) so vocabulary can match
/// whole lines.
pub(crate) fn normalise(line: &str) -> String {
    let edge =
        |c: char| !c.is_alphanumeric() && !matches!(c, '(' | '©' | '"' | '\'' | '“' | '’' | '«');
    let core = line.trim_matches(edge);
    let mut out = String::with_capacity(core.len());
    for w in core.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            // Curly apostrophes read as straight ones ("Don’t miss").
            let c = if c == '’' { '\'' } else { c };
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Tokens of a normalised line, split at whitespace and the separators
/// menus use.
fn tokens(norm: &str) -> impl Iterator<Item = &str> {
    norm.split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '·' | '•' | ','))
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty())
}

/// "Укр Рус Eng" or "EN | DE | FR", possibly followed by a menu word
/// ("Укр Рус Eng Support Us").
fn is_language_switcher(norm: &str) -> bool {
    let mut langs = 0usize;
    let mut rest: Vec<&str> = Vec::new();
    for t in tokens(norm) {
        if langs == 0 && !LANGUAGES.contains(&t) {
            return false;
        }
        if rest.is_empty() && LANGUAGES.contains(&t) {
            langs += 1;
        } else {
            rest.push(t);
            if rest.len() > 4 {
                return false;
            }
        }
    }
    langs >= 2 && (rest.is_empty() || LINE_WHOLE.is_match(&rest.join(" ")))
}

/// "Facebook Twitter WhatsApp Email": share buttons flattened to text.
fn is_social_bar(norm: &str) -> bool {
    let mut n = 0usize;
    for t in tokens(norm) {
        if !SOCIAL.contains(&t) {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// A menu or breadcrumb: four or more short items separated by `|`, `·`, `•`
/// or `/`, or three or more by `>`, `›`, `»`.
fn is_navigation(line: &str) -> bool {
    let short_items = |sep: &[char], min: usize| {
        let mut n = 0usize;
        for item in line.split(sep) {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            if item.split_whitespace().count() > 3 || item.ends_with(['.', '!', '?']) {
                return false;
            }
            n += 1;
        }
        n >= min
    };
    let has = |sep: &[char]| line.contains(sep);
    (has(&['|', '·', '•']) && short_items(&['|', '·', '•'], 4))
        || (has(&['>', '›', '»']) && short_items(&['>', '›', '»'], 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(line: &str) -> Option<Furniture> {
        classify(line, line.split_whitespace().count())
    }

    #[test]
    fn generic_chrome_is_furniture() {
        for line in [
            "Advertisement:",
            "ADVERTISEMENT",
            "Advertisement - scroll to continue",
            "Share this article",
            "Skip to main content",
            "Subscribe to our newsletter",
            "Sign up for the morning briefing, free every day",
            "Follow us on Telegram",
            "Photo: Reuters",
            "The mayor at the opening. Photo by Anna Kowalska / AFP",
            "Lisbon harbour at dawn. Stock photo: Getty Images",
            "HARBOUR CITY - MAY 3: Mayor Ada Moss cuts the ribbon at the new pier with the help of \
             her deputy and two harbour pilots on Tuesday morning, May 3, 2031. (Photo by Ann \
             Lee/The Harbour Daily)",
            "The ferry leaves the old pier for the last time. (AP Photo/Ann Lee)",
            "Advertisement Continue reading the main story",
            "Skip in Skip x Embed x Share The pier at dawn, where the harbour master and two \
             pilots waited for the first ferry of the season to come in from the north. (Ann \
             Lee/The Daily) Clipwire",
            "Related Harbour Board Chief Ada Moss on Ferries, Tolls 'Pier Days' Draws Record Crowds",
            "© 2025 Harbour Media Ltd. All rights reserved.",
            "22:41",
            "5 hours ago",
            "4 min read",
            "Facebook Twitter WhatsApp Email",
            "Home | World | Europe | Business | Sport",
            "News › World › Europe",
            "Укр Рус Eng",
            "EN | DE | FR Support Us",
            "Support Our Newsroom or become a patron!",
            "We use cookies to improve your experience on our site.",
            "This website uses cookies to give you the best experience. By continuing to use this site you agree to our use of cookies and to our privacy policy.",
            "Read also: Ferry operators warn of summer delays",
            "—",
        ] {
            assert_eq!(judge(line), Some(Furniture::Line), "{line}");
        }
    }

    #[test]
    fn list_headings_mark_the_end() {
        assert_eq!(judge("Don't miss:"), Some(Furniture::Line));
        for line in [
            "Related",
            "RELATED STORIES",
            "Latest Videos",
            "Recent news",
            "All News",
            "Tags: ports, ferries",
            "More from Europe",
            "You may also like",
            "Don’t miss",
        ] {
            assert_eq!(judge(line), Some(Furniture::EndMarker), "{line}");
        }
    }

    #[test]
    fn article_lines_are_not_furniture() {
        for line in [
            "Background:",
            "The council will support the plan, the mayor said.",
            "\"Support us in this fight,\" the minister told reporters.",
            "Source: the regional transport ministry",
            "The photo showed the damaged pier; Reuters could not verify it.",
            "The pier was rebuilt in 1931 (photos of it hang in the town hall).",
            "Related charges were filed against the harbour board on Monday.",
            "Related Harbour Board Chief Ada Moss Said The Pier Would Reopen.",
            "Ferries resume after a week of storms",
            "What happens next",
            "• On Monday, the port reopened to freight traffic.",
            "The agency's reporters saw smoke rising over the harbour, a photo: the city's worst fire in decades, and an image that would be shown around the world for weeks to come.",
        ] {
            assert_eq!(judge(line), None, "{line}");
        }
    }

    #[test]
    fn normalise_strips_decoration() {
        assert_eq!(normalise("  » Related   Stories: "), "related stories");
        assert_eq!(normalise("Don’t Miss"), "don't miss");
    }
}
