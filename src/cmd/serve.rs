//! `storyline serve`: the web app and JSON API over the database, on
//! loopback by default; with `--watch`, the watch loop runs beside it and
//! open story pages update as coverage arrives.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;

/// How often the server looks for changes other processes committed.
const FOLLOW_EVERY: Duration = Duration::from_millis(500);

/// Options of `storyline serve`.
#[derive(clap::Args)]
pub struct Options {
    /// Address to listen on. Loopback by default: give another address
    /// only behind a proxy you trust, since the pages are public to anyone
    /// who reaches them.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub bind: SocketAddr,
    /// Also watch feeds and sitemaps while serving: these URLs or OPML
    /// files, or, given alone, the sources kept in the database.
    #[arg(long, num_args = 0.., value_name = "SOURCE")]
    pub watch: Option<Vec<String>>,
    /// With --watch: allow fetching from internal addresses.
    #[arg(long)]
    pub allow_private: bool,
    /// With --watch: map a host name to an address, as `HOST=IP`.
    #[arg(long, value_name = "HOST=IP")]
    pub resolve: Vec<String>,
    /// With --watch: shortest time between two rounds, in seconds.
    #[arg(long, default_value_t = 5.0, value_name = "SECS")]
    pub pace: f64,
    /// With --watch: shortest polling interval of a source, in seconds.
    #[arg(long, default_value_t = 30, value_name = "SECS")]
    pub min_interval: u64,
    /// Enable source management (`/api/v1/sources`: list, add, remove)
    /// for requests that carry this token as `Authorization: Bearer TOKEN`.
    #[arg(long, env = "STORYLINE_ADMIN_TOKEN", value_name = "TOKEN")]
    pub admin_token: Option<String>,
    /// With --watch: seconds between two requests to one host.
    #[arg(long, default_value_t = 1.0, value_name = "SECS")]
    pub host_interval: f64,
}

pub fn run(db: &Path, o: &Options) -> anyhow::Result<ExitCode> {
    // A run of days: before any thread starts.
    storyline_story::heap::few_heaps();
    if let Some(sources) = &o.watch {
        // The watcher writes the database; it must exist before the server
        // opens it read-only.
        storyline_store::Store::open(db)?;
        let watch = crate::cmd::watch::Options {
            sources: sources.clone(),
            once: false,
            allow_private: o.allow_private,
            resolve: o.resolve.clone(),
            host_interval: o.host_interval,
            min_interval: o.min_interval,
            max_interval: 86_400,
            timeout: 30,
            pace: o.pace,
            quiet: true,
            json: false,
        };
        let db = db.to_owned();
        std::thread::Builder::new()
            .name("watch".into())
            .spawn(move || {
                if let Err(e) = crate::cmd::watch::run(&db, &watch) {
                    eprintln!("storyline: watch stopped: {e:#}");
                }
            })
            .context("starting the watcher")?;
    }
    if o.admin_token.as_deref().is_some_and(|t| t.len() < 16) {
        anyhow::bail!("--admin-token: use at least 16 characters");
    }
    let app = storyline_serve::App::open(db, o.admin_token.clone())?;
    let follower = Arc::clone(&app);
    std::thread::Builder::new()
        .name("follow".into())
        .spawn(move || follower.follow(FOLLOW_EVERY, |_, _| {}, |e| eprintln!("storyline: {e}")))
        .context("starting the database follower")?;
    let indexer = Arc::clone(&app);
    std::thread::Builder::new()
        .name("index".into())
        .spawn(move || indexer.index(|e| eprintln!("storyline: {e}")))
        .context("starting the search indexer")?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // Rendering and searching run on blocking threads; a few are
        // enough (searches take turns, one per core), and each thread
        // costs stack and an allocator arena.
        .max_blocking_threads(16)
        .build()
        .context("starting the server runtime")?;
    let bind = o.bind;
    runtime.block_on(storyline_serve::serve(
        app,
        bind,
        async {
            let _ = tokio::signal::ctrl_c().await;
            eprintln!("storyline: shutting down");
        },
        |at| {
            eprintln!(
                "storyline: serving {} on http://{at}/",
                storyline_store::shown(db)
            )
        },
    ))?;
    Ok(ExitCode::SUCCESS)
}
