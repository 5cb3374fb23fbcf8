#[test]
fn print() {
    for e in std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds"
    ))
    .unwrap()
    {
        let p = e.unwrap().path();
        let raw = std::fs::read_to_string(&p).unwrap();
        let t = if raw.starts_with(" date ") {
            &raw[17..]
        } else {
            &raw[..]
        };
        let c = storyline_furniture::clean(t);
        println!(
            "==== {:?}\ntitle={:?} author={:?} date={:?} outlet={:?}\nDROPPED={:#?}\nTEXT:\n{}\n",
            p.file_name().unwrap(),
            c.title,
            c.author,
            c.dateline,
            c.outlet,
            c.dropped,
            c.text.chars().take(600).collect::<String>()
        );
    }
}
