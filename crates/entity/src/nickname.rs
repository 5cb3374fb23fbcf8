//! English nicknames and the given names they stand for.
//!
//! One senator is "Chuck Schumer" in one report and "Charles Schumer" in
//! the next; the linker keys a person by given name and surname, so both
//! forms must give one key. The list is short and written by hand: the
//! familiar forms news writing uses for public figures.

/// (nickname, given name), sorted by nickname for a binary search.
const NICKNAMES: &[(&str, &str)] = &[
    ("abby", "abigail"),
    ("al", "albert"),
    ("alex", "alexander"),
    ("andy", "andrew"),
    ("barb", "barbara"),
    ("ben", "benjamin"),
    ("bernie", "bernard"),
    ("beth", "elizabeth"),
    ("betsy", "elizabeth"),
    ("bill", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("cathy", "catherine"),
    ("charlie", "charles"),
    ("chris", "christopher"),
    ("chuck", "charles"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("dick", "richard"),
    ("doug", "douglas"),
    ("ed", "edward"),
    ("eddie", "edward"),
    ("fred", "frederick"),
    ("greg", "gregory"),
    ("hank", "henry"),
    ("jack", "john"),
    ("jake", "jacob"),
    ("jeff", "jeffrey"),
    ("jen", "jennifer"),
    ("jenny", "jennifer"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("joey", "joseph"),
    ("jon", "jonathan"),
    ("kate", "katherine"),
    ("kathy", "katherine"),
    ("ken", "kenneth"),
    ("larry", "lawrence"),
    ("liz", "elizabeth"),
    ("matt", "matthew"),
    ("mike", "michael"),
    ("mitch", "mitchell"),
    ("nick", "nicholas"),
    ("pat", "patrick"),
    ("peggy", "margaret"),
    ("pete", "peter"),
    ("phil", "philip"),
    ("rich", "richard"),
    ("rick", "richard"),
    ("rob", "robert"),
    ("ron", "ronald"),
    ("sam", "samuel"),
    ("steve", "steven"),
    ("sue", "susan"),
    ("ted", "edward"),
    ("tom", "thomas"),
    ("tommy", "thomas"),
    ("tony", "anthony"),
    ("vic", "victor"),
    ("will", "william"),
];

/// The given name a lowercase first name stands for: "chuck" gives
/// "charles"; any other name is itself.
pub(crate) fn given(first: &str) -> &str {
    match NICKNAMES.binary_search_by(|(n, _)| (*n).cmp(first)) {
        Ok(i) => NICKNAMES[i].1,
        Err(_) => first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_for_the_search() {
        assert!(NICKNAMES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn nicknames_give_their_names() {
        assert_eq!(given("chuck"), "charles");
        assert_eq!(given("bill"), "william");
        assert_eq!(given("charles"), "charles");
        assert_eq!(given("nancy"), "nancy");
    }
}
