//! Small invented articles in an in-memory store, for the unit tests.

use storyline_model::Article;
use storyline_store::Store;

/// One invented article: (outlet, published, title, text).
pub type Piece<'a> = (Option<&'a str>, Option<&'a str>, &'a str, &'a str);

/// An article with the given fields and a source named after its title.
pub fn article(outlet: Option<&str>, published: Option<&str>, title: &str, text: &str) -> Article {
    Article {
        source: format!("{title}.txt"),
        outlet: outlet.map(str::to_string),
        url: outlet.map(|o| format!("https://{o}/{}", title.replace(' ', "-"))),
        title: Some(title.to_string()),
        author: None,
        published: published.map(str::to_string),
        lang: None,
        text: text.to_string(),
        extra: Default::default(),
    }
}

/// A store holding `pieces`, stored in order and clustered into stories.
pub fn store(pieces: &[Piece<'_>]) -> Store {
    let articles: Vec<Article> = pieces
        .iter()
        .map(|&(o, p, t, x)| article(o, p, t, x))
        .collect();
    store_of(&articles)
}

/// A store holding `articles`, stored in order and clustered into stories.
pub fn store_of(articles: &[Article]) -> Store {
    let mut store = Store::open_in_memory().expect("in-memory store");
    store.insert_texts(articles).expect("stored");
    crate::update(&mut store).expect("clustered");
    store
}

/// A story too big to read whole: many more than [`crate::MAX_READ`]
/// reports of one invented bridge closure, from nine outlets over five
/// days (some undated), then of its reopening two weeks on. One outlet
/// gives its display name only on a late report, which a sample is likely
/// to pass over.
pub fn crowd() -> Store {
    store_of(&crowd_articles())
}

/// The articles of [`crowd`], in the order it stores them.
pub fn crowd_articles() -> Vec<Article> {
    const OUTLETS: [&str; 9] = [
        "ferrywire.example",
        "tidings.example",
        "coastpost.example",
        "bayherald.example",
        "gull.example",
        "lantern.example",
        "morrow.example",
        "quay.example",
        "rookery.example",
    ];
    const WEEKDAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    let mut articles = Vec::new();
    for i in 0..96usize {
        let outlet = OUTLETS[i % OUTLETS.len()];
        let day = 2 + i % 5;
        let published = (i % 13 != 5)
            .then(|| format!("2031-06-0{day}T{:02}:{:02}:00Z", 6 + i % 12, (i * 7) % 60));
        let text = format!(
            "The Tarrow river bridge closed on {} after floodwater cracked its eastern pier, \
             engineer Dara Voss said. {} trucks were turned back at the Tarrow bridge by noon. \
             Council leader Maren Okafor said: \"We will reopen the Tarrow bridge within {} weeks.\" \
             Ferries across the Tarrow carried {} passengers on the first day.",
            WEEKDAYS[day - 2],
            20 + i,
            3 + i % 4,
            400 + 13 * i,
        );
        let title = format!("Tarrow bridge closed by flood, report {i}");
        articles.push(article(Some(outlet), published.as_deref(), &title, &text));
    }
    for i in 0..24usize {
        let outlet = OUTLETS[(i * 2) % OUTLETS.len()];
        let text = format!(
            "The Tarrow river bridge reopened on Monday, two weeks after floodwater cracked \
             its eastern pier, engineer Dara Voss said. {} trucks crossed the Tarrow bridge by \
             noon. Council leader Maren Okafor said: \"We reopened the Tarrow bridge within \
             two weeks.\" Ferries across the Tarrow carried {} passengers on their last day.",
            30 + i,
            200 + 7 * i,
        );
        let published = format!("2031-06-16T{:02}:00:00Z", 7 + i % 10);
        let title = format!("Tarrow bridge reopens, report {i}");
        articles.push(article(Some(outlet), Some(&published), &title, &text));
    }
    // The first outlet is named on one late report only.
    let late = articles.len() - 40;
    articles[late].outlet = Some(OUTLETS[0].to_string());
    articles[late]
        .extra
        .insert("outlet_name".into(), "Ferry Wire".into());
    articles
}

/// Three reports of one invented event from three outlets over two days.
pub fn harbour() -> Store {
    const A: &str = "The harbour of Velmora closed on Tuesday after a storm broke the northern pier. \
        Mayor Ilsa Brandt said: \"We will rebuild the northern pier before the autumn fleet returns.\" \
        Fishing boats waited outside the harbour of Velmora for a second day.";
    const B: &str = "Storm damage closed the harbour of Velmora on Tuesday, and the northern pier broke. \
        \"We will rebuild the northern pier before the autumn fleet returns,\" Mayor Ilsa Brandt said. \
        The Velmora harbour board counted forty boats waiting outside.";
    const C: &str = "Velmora harbour reopened on Wednesday, a day after the storm broke its northern pier. \
        Ilsa Brandt, the mayor, said the harbour of Velmora would stay open through the repairs. \
        Forty boats entered the harbour of Velmora by noon.";
    store(&[
        (
            Some("tidings.example"),
            Some("2031-03-04T09:00:00+01:00"),
            "Storm closes Velmora harbour",
            A,
        ),
        (
            Some("coastpost.example"),
            Some("2031-03-04"),
            "Velmora pier broken by storm",
            B,
        ),
        (
            Some("bayherald.example"),
            Some("2031-03-05T08:30:00Z"),
            "Velmora harbour reopens",
            C,
        ),
    ])
}

/// The harbour story ([`harbour`]) read back as a view.
pub fn harbour_view() -> crate::StoryView {
    let store = harbour();
    crate::StoryView::load(&store, store.stories().unwrap()[0].id)
        .unwrap()
        .unwrap()
}
