//! Live story pages: a server-sent event stream per story that says
//! `update` whenever the story gains coverage (the page's script then
//! fetches it again). A stream ends when the server shuts down; the
//! browser reconnects by itself.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use tokio::sync::broadcast::error::RecvError;

use crate::App;

/// The event stream of storyline `id` (or of the storyline its event `id`
/// belongs to).
pub fn stream(app: Arc<App>, id: i64) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let line = app.library().line(id).map_or(id, |l| l.id);
    let rx = app.changes();
    let stop = app.stopping();
    let events = futures_util::stream::unfold(
        (rx, stop, line),
        move |(mut rx, mut stop, line)| async move {
            loop {
                let got = tokio::select! {
                    got = rx.recv() => got,
                    // Shutting down: end the stream so the server can stop.
                    _ = stop.wait_for(|s| *s) => return None,
                };
                match got {
                    Ok(change) => {
                        if change.lines.contains(&line) {
                            let e = Event::default()
                                .event("update")
                                .data(change.generation.to_string());
                            return Some((Ok(e), (rx, stop, line)));
                        }
                    }
                    // Missed changes: tell the page to look again anyway.
                    Err(RecvError::Lagged(_)) => {
                        let e = Event::default().event("update").data("lagged");
                        return Some((Ok(e), (rx, stop, line)));
                    }
                    Err(RecvError::Closed) => return None,
                }
            }
        },
    );
    Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}
