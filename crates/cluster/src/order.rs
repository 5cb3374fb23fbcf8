//! The canonical stream order of a batch of articles.
//!
//! Dated articles go by time. An undated article inherits the time of the
//! article before it in the input, so it keeps its place relative to its
//! neighbours (a fully undated input keeps its order). Among equal times,
//! dated articles come first, ordered by a content hash so that the input
//! order of simultaneous articles cannot change the result; undated ones
//! follow in input order.

use crate::Doc;
use crate::hash::content_hash;

/// Indices of `docs` in the order a clusterer should see them.
pub fn stream_order(docs: &[Doc]) -> Vec<usize> {
    let mut carried = i64::MIN;
    let mut keys: Vec<(i64, u8, u64, usize)> = Vec::with_capacity(docs.len());
    for (i, d) in docs.iter().enumerate() {
        match d.time {
            Some(t) => {
                carried = t;
                keys.push((t, 0, content_hash(d.title, d.text, d.id), i));
            }
            None => keys.push((carried, 1, 0, i)),
        }
    }
    keys.sort_unstable();
    keys.into_iter().map(|k| k.3).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, time: Option<i64>) -> Doc<'_> {
        Doc::new(id, time, id, "")
    }

    #[test]
    fn dated_sorted_undated_carried() {
        let docs = [
            doc("a", Some(30)),
            doc("u1", None),
            doc("b", Some(10)),
            doc("u2", None),
            doc("c", Some(20)),
        ];
        let order = stream_order(&docs);
        let ids: Vec<&str> = order.iter().map(|&i| docs[i].id).collect();
        assert_eq!(ids, ["b", "u2", "c", "a", "u1"]);
    }

    #[test]
    fn equal_times_ignore_input_order() {
        let a = [doc("x", Some(5)), doc("y", Some(5)), doc("z", Some(5))];
        let b = [doc("z", Some(5)), doc("x", Some(5)), doc("y", Some(5))];
        let ia: Vec<&str> = stream_order(&a).iter().map(|&i| a[i].id).collect();
        let ib: Vec<&str> = stream_order(&b).iter().map(|&i| b[i].id).collect();
        assert_eq!(ia, ib);
    }

    #[test]
    fn undated_keep_input_order() {
        let docs = [doc("q", None), doc("p", None), doc("r", None)];
        assert_eq!(stream_order(&docs), [0, 1, 2]);
    }
}
