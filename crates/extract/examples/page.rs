//! Extracts one HTML file and prints the page as storyline sees it.
//!
//! `cargo run -p storyline-extract --example page -- FILE.html [URL]`

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: page FILE.html [URL]");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let html = String::from_utf8_lossy(&bytes);
    let page = storyline_extract::Extractor::new().page(&html, args.get(2).map(String::as_str));
    println!("title:     {:?}", page.title);
    println!("author:    {:?}", page.author);
    println!("published: {:?}", page.published);
    println!("url:       {:?}", page.url);
    println!("\n{}", page.text);
}
