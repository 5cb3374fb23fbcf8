//! What the reader targets share: feed bytes to `storyline_source::from_bytes`
//! and drain every record, after keeping the fuzzer on one reader.

use storyline_source::{Format, Limits, capped};

/// Reads `data` as the file `name` and drains every record. Plain inputs
/// that `keep` refuses (they would sniff as another format) return at once;
/// gzip inputs always go through, since sniffing happens after inflating.
pub fn drain(data: &[u8], name: &str, keep: impl Fn(Format) -> bool) {
    if !capped::is_gzip(data) && !keep(Format::sniff(data, name)) {
        return;
    }
    for record in storyline_source::from_bytes(data.to_vec(), name, &Limits::default()) {
        let _ = record;
    }
}
