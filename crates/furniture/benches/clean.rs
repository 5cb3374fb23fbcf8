//! Cleaning speed on a megabyte of each input shape.
//!
//! `cargo bench -p storyline-furniture --bench clean`

use std::time::Instant;

fn main() {
    let page = "Menu\nAdvertisement:\nFerry line to reopen in spring\nBy JANE DOE | March 3, 2025\n\
                The harbour authority said on Tuesday that the ferry line would reopen in April, weeks later than hoped.\n\n\
                Local traders welcomed the news but asked for a firmer date.\nRelated\nPier repairs start next week\n22:41\n";
    let mut big = String::new();
    while big.len() < 1 << 20 {
        big.push_str(page);
    }
    let shapes = [
        ("realistic page text", big),
        ("one 1 MB line", "word, ".repeat((1 << 20) / 6)),
        ("512k one-letter lines", "a\n".repeat(1 << 19)),
        (
            "34k date lines",
            "Friday, 24 January 2025, 17:04\n".repeat((1 << 20) / 31),
        ),
    ];
    for (label, input) in shapes {
        let t = Instant::now();
        let c = storyline_furniture::clean(&input);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{label:<24} {:>8.1} MB/s  ({} bytes in, {} kept)",
            input.len() as f64 / secs / 1e6,
            input.len(),
            c.text.len()
        );
    }
}
