//! `newsroom`: runs the newsroom simulator until Ctrl-C.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use clap::Parser;
use storyline_newsroom::{Newsroom, Options, Synthetic};

/// A loopback HTTP newsroom: feeds and pages from the example corpus over
/// simulated time, plus faulty feeds. Map *.newsroom.test to 127.0.0.1 in
/// the client.
#[derive(Debug, Parser)]
#[command(name = "newsroom", version)]
struct Args {
    /// Port on 127.0.0.1 (0: any free port).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Number of feeds.
    #[arg(long, default_value_t = storyline_newsroom::DEFAULT_FEEDS)]
    feeds: usize,
    /// Number of site hosts the feeds are spread over (default: one per feed).
    #[arg(long)]
    hosts: Option<usize>,
    /// Simulated seconds per real second.
    #[arg(long, default_value_t = 1.0)]
    speed: f64,
    /// Simulated start time (RFC 3339; default: a minute before the corpus's
    /// first article).
    #[arg(long)]
    start: Option<jiff::Timestamp>,
    /// Number of new synthetic articles to publish over --over seconds.
    #[arg(long, requires = "over")]
    synthetic: Option<usize>,
    /// Real seconds the synthetic articles are spread over.
    #[arg(long, requires = "synthetic")]
    over: Option<f64>,
    /// The corpus folder (default: the repository's examples/corpus).
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// Write an OPML file listing every feed URL.
    #[arg(long)]
    opml: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(run(args))
}

async fn run(args: Args) -> anyhow::Result<()> {
    let synthetic = match (args.synthetic, args.over) {
        (Some(articles), Some(over)) => Some(Synthetic {
            articles,
            over: Duration::try_from_secs_f64(over)
                .with_context(|| format!("--over {over} is not a number of seconds"))?,
        }),
        _ => None,
    };
    let mut options = Options {
        feeds: args.feeds,
        hosts: args.hosts.unwrap_or(0),
        start: args.start,
        speed: args.speed,
        synthetic,
        port: args.port,
        ..Options::default()
    };
    if let Some(corpus) = args.corpus {
        options.corpus = corpus;
    }
    let newsroom = Newsroom::start(options)
        .await
        .context("starting the newsroom")?;
    if let Some(path) = &args.opml {
        std::fs::write(path, newsroom.opml())
            .with_context(|| format!("writing the OPML file {}", path.display()))?;
    }
    let addr = newsroom.addr();
    println!("newsroom listening on http://{addr}");
    println!(
        "{} feeds, e.g. {} (map *.newsroom.test to 127.0.0.1)",
        newsroom.feeds(),
        newsroom.feed_urls().first().map_or("", String::as_str)
    );
    println!(
        "faults at http://faults.newsroom.test:{}/<name>.xml",
        addr.port()
    );
    println!(
        "stats at http://site-0.newsroom.test:{}/_stats, items at /_items",
        addr.port()
    );
    if let Some(path) = &args.opml {
        println!("OPML written to {}", path.display());
    }
    tokio::signal::ctrl_c()
        .await
        .context("waiting for Ctrl-C")?;
    newsroom.stop().await;
    Ok(())
}
