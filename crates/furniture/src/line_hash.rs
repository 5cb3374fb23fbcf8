//! A stable hash of a normalised line, for counting boilerplate across runs.
//!
//! The hash is persisted by the store, so it must not change between runs or
//! versions: 64-bit FNV-1a over the UTF-8 of the line lowercased with its
//! whitespace collapsed to single spaces and trimmed. std's hasher is
//! randomised per process and would make stored counts meaningless.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The stable hash of `line` after normalisation (lowercase, whitespace
/// collapsed and trimmed): "  Support  Us " and "support us" hash alike.
pub fn line_hash(line: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    };
    let mut buf = [0u8; 4];
    let mut first = true;
    for word in line.split_whitespace() {
        if !first {
            feed(b' ');
        }
        first = false;
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(&mut feed);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_fnv1a_of_the_normalised_line() {
        // Published FNV-1a test vectors: the hash must never drift.
        assert_eq!(line_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(line_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(line_hash("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn normalises_case_and_whitespace() {
        assert_eq!(line_hash("  Support \t Us "), line_hash("support us"));
        assert_eq!(line_hash("ПІДТРИМАЙТЕ НАС"), line_hash("підтримайте нас"));
        assert_ne!(line_hash("support us"), line_hash("supportus"));
    }
}
