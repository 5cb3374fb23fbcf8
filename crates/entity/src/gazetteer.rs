//! Small hand-written word lists the tagger uses as extra hints.
//!
//! Written for this project (not taken from any data set): common given
//! names, countries and large places, nationality adjectives, words that
//! end organisation names, titles that precede a person's name, and
//! calendar words. The model learns how much to trust each list; the
//! lists only give it something to go on for names it never saw.
//!
//! They are part of the trained model, so they stay here rather than in
//! `storyline-lexicon`: the weights learned what membership of each list
//! means, and a list changes only with a retrained model. The rules of
//! the linker and the quote finder read the lexicon's lists.

use std::collections::HashMap;

use crate::hash::str_hash;

/// A common given name.
pub(crate) const FIRST_NAME: u16 = 1;
/// A country, region or large city.
pub(crate) const PLACE: u16 = 1 << 1;
/// A nationality or demonym adjective.
pub(crate) const NATIONALITY: u16 = 1 << 2;
/// A word that typically ends or heads an organisation's name.
pub(crate) const ORG_WORD: u16 = 1 << 3;
/// A title or role word that precedes a person's name.
pub(crate) const TITLE: u16 = 1 << 4;
/// A month or weekday name.
pub(crate) const CALENDAR: u16 = 1 << 5;
/// A word that ends a place's name (river, street, province).
pub(crate) const PLACE_WORD: u16 = 1 << 6;

/// How many classes there are (bits `0..CLASSES`).
pub(crate) const CLASSES: u32 = 7;

const FIRST_NAMES: &str = "aaron abdul adam adrian ahmed ahmad alan albert alex alexander alexei alexey ali alice \
alan amanda amy ana anatoly andrea andreas andrei andrew andrzej angela ann anna anne anthony antonio arnold \
barbara ben benjamin bernard bill bob boris brian bruce carl carlos carol catherine charles chris christian \
christine christopher claude claudia daniel david dennis diana dmitry donald dorothy douglas edward elena \
elizabeth emily emma emmanuel eric erik eva fernando francis francisco frank franz fred frederick gary george \
georg gerhard gordon greg gregory hans harry heinz helen helmut henry hugo ian igor ivan jack jacques james \
jan jane janet jean jeff jennifer jerry jim joan joe johan johann john jonathan jorge jose joseph juan julia \
julie karen karl kate keith ken kenneth kevin klaus kim larry laura lee leonid linda lisa luis mahmoud manuel \
marco margaret maria marie mario mark martin mary matthew maria michael michel michelle mikhail mohamed \
mohammad mohammed nancy natalia nathan nicholas nick nicolas nikolai oleg olga pablo patricia patrick paul \
pedro peter philip philippe pierre rachel ralph raymond richard robert roger ronald rosa ruth ryan sam samuel \
sandra sarah sergei sergey simon sophie stefan stephen steve steven susan thomas tim timothy tom tony vasily \
victor viktor vladimir walter wang william wolfgang xavier yuri yusuf";

const PLACES: &str = "afghanistan albania algeria angola argentina armenia australia austria azerbaijan \
bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria burundi cambodia cameroon canada \
chad chile china colombia congo croatia cuba cyprus czechia denmark ecuador egypt england eritrea estonia \
ethiopia europe africa asia america finland france gaza georgia germany ghana greece guatemala haiti \
honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan \
kenya korea kosovo kuwait kyrgyzstan laos latvia lebanon liberia libya lithuania luxembourg macedonia \
madagascar malawi malaysia mali malta mexico moldova monaco mongolia montenegro morocco mozambique myanmar \
namibia nepal netherlands holland nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru \
philippines poland portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia \
somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey \
turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe \
amsterdam ankara athens baghdad bangkok beijing beirut belgrade berlin bonn boston brussels bucharest \
budapest cairo chicago damascus delhi dublin geneva hamburg havana helsinki istanbul jakarta jerusalem \
johannesburg kabul karachi kiev kyiv lagos lima lisbon london madrid manila melbourne miami milan minsk \
moscow mumbai munich nairobi oslo ottawa paris prague riyadh rome seoul shanghai sofia stockholm sydney \
tehran tokyo toronto vienna warsaw washington zagreb zurich california texas florida ontario quebec \
siberia crimea donbas kosovo kashmir tibet";

const NATIONALITIES: &str = "afghan albanian algerian american argentine argentinian armenian asian \
australian austrian azeri belgian bolivian bosnian brazilian british bulgarian canadian chilean chinese \
colombian croatian cuban czech danish dutch egyptian english estonian ethiopian european finnish french \
georgian german ghanaian greek haitian hungarian icelandic indian indonesian iranian iraqi irish israeli \
italian jamaican japanese jordanian kazakh kenyan korean kurdish kuwaiti latvian lebanese libyan \
lithuanian malaysian mexican moldovan mongolian moroccan nigerian norwegian pakistani palestinian \
peruvian philippine polish portuguese romanian russian rwandan saudi scottish serbian slovak slovenian \
somali soviet spanish sudanese swedish swiss syrian taiwanese thai tunisian turkish ugandan ukrainian \
uzbek venezuelan vietnamese welsh yemeni zimbabwean african arab western eastern muslim christian \
jewish catholic islamic omani emirati qatari bahraini nepali bangladeshi filipino burmese cambodian \
belarusian cypriot maltese senegalese congolese cameroonian tanzanian angolan eritrean";

const ORG_WORDS: &str = "inc corp corporation co ltd limited plc llc ag sa nv gmbh group holdings bank \
ministry party council university college school institute association federation union committee \
agency airlines airways motors industries international company club fc united city rovers athletic \
commission court army navy police news times post press journal herald television radio network fund \
foundation organisation organization league department office bureau service authority board \
exchange securities capital partners systems technologies energy oil petroleum telecom parliament \
congress senate assembly government front movement alliance brigade forces guard";

const TITLES: &str = "mr mrs ms miss dr prof president minister premier chancellor senator sen rep \
representative governor gov mayor general gen colonel col captain capt lieutenant lt sergeant admiral \
king queen prince princess pope bishop archbishop cardinal rev sheikh chairman chairwoman chief director \
spokesman spokeswoman secretary ambassador envoy judge justice coach manager striker midfielder \
defender goalkeeper leader deputy commander officer analyst economist lawyer attorney candidate \
opponent rival champion";

const CALENDAR_WORDS: &str = "january february march april may june july august september october \
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday \
friday saturday sunday";

const PLACE_WORDS: &str = "river mountain mountains mount street avenue road square province region \
state county district island islands bay gulf sea ocean lake valley coast peninsula strait republic \
kingdom city town village airport port bridge";

/// The lists, keyed by the hash of the lowercase word (as [`crate::word`]
/// computes it, so lookups never build a string).
#[derive(Clone, Debug)]
pub(crate) struct Gazetteer {
    classes: HashMap<u64, u16>,
}

impl Gazetteer {
    /// Builds the lists (a few hundred words; done once per tagger).
    pub(crate) fn new() -> Gazetteer {
        let mut classes = HashMap::new();
        for (list, class) in [
            (FIRST_NAMES, FIRST_NAME),
            (PLACES, PLACE),
            (NATIONALITIES, NATIONALITY),
            (ORG_WORDS, ORG_WORD),
            (TITLES, TITLE),
            (CALENDAR_WORDS, CALENDAR),
            (PLACE_WORDS, PLACE_WORD),
        ] {
            for w in list.split_whitespace() {
                *classes.entry(str_hash(w)).or_insert(0) |= class;
            }
        }
        Gazetteer { classes }
    }

    /// The classes of a lowercase form's hash (0 when in no list).
    #[inline]
    pub(crate) fn classes(&self, lower: u64) -> u16 {
        self.classes.get(&lower).copied().unwrap_or(0)
    }
}

/// Whether a lowercase word is a country or large place (used by the linker).
pub(crate) fn is_place(lower: &str) -> bool {
    PLACES.split_whitespace().any(|w| w == lower)
}

/// Whether a lowercase word is a nationality adjective (used by the linker).
pub(crate) fn is_nationality(lower: &str) -> bool {
    NATIONALITIES.split_whitespace().any(|w| w == lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let g = Gazetteer::new();
        assert_eq!(g.classes(str_hash("kenya")) & PLACE, PLACE);
        assert_ne!(g.classes(str_hash("senator")) & TITLE, 0);
        assert_eq!(g.classes(str_hash("zzzqx")), 0);
        assert!(is_nationality("russian"));
        assert!(is_place("paris"));
    }
}
