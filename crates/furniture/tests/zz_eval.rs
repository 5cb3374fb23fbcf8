// TEMPORARY evaluation harness (not to be committed).
#[test]
#[ignore]
fn eval() {
    let inp = std::env::var("FE_IN").unwrap();
    let out = std::env::var("FE_OUT").unwrap();
    for set in std::fs::read_dir(&inp).unwrap() {
        let set = set.unwrap().path();
        let name = set.file_name().unwrap().to_string_lossy().to_string();
        std::fs::create_dir_all(format!("{out}/{name}")).unwrap();
        for f in std::fs::read_dir(&set).unwrap() {
            let p = f.unwrap().path();
            let t = std::fs::read_to_string(&p).unwrap();
            let c = storyline_furniture::clean(&t);
            let stem = p.file_stem().unwrap().to_string_lossy().to_string();
            std::fs::write(format!("{out}/{name}/{stem}.txt"), &c.text).unwrap();
            let meta = format!(
                "{}\n{}\n{}\n{}\n",
                c.title.unwrap_or_default(),
                c.author.unwrap_or_default(),
                c.dateline.unwrap_or_default(),
                c.outlet.unwrap_or_default()
            );
            std::fs::write(format!("{out}/{name}/{stem}.meta"), meta).unwrap();
            std::fs::write(format!("{out}/{name}/{stem}.dropped"), c.dropped.join("\n")).unwrap();
        }
    }
}
