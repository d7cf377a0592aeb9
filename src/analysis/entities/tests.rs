use super::*;
use crate::analysis::tokens::tokenize;

/// Every mention of `text` as (surface, type).
fn mentions(text: &str) -> Vec<(String, EntityType)> {
    let tokens = tokenize(text);
    find_mentions(text, &tokens)
        .into_iter()
        .map(|m| (text[m.span()].to_string(), m.kind))
        .collect()
}

fn has(text: &str, surface: &str, kind: EntityType) {
    let found = mentions(text);
    assert!(
        found.iter().any(|(s, k)| s == surface && *k == kind),
        "{surface} as {kind:?} in {found:?}"
    );
}

/// No mention of `text` is any of `surfaces`, whatever its type.
fn lacks(text: &str, surfaces: &[&str]) {
    let found = mentions(text);
    for surface in surfaces {
        assert!(
            found.iter().all(|(s, _)| s != surface),
            "{surface} in {found:?}"
        );
    }
}

/// A surname that is also an ordinary word names the person named in full elsewhere,
/// even opening a sentence where it is written only once more ("Tusk,", "Brown said").
/// Not an ordinary word the article also writes in lower case, nor the last word of a
/// name that is no person's.
#[test]
fn an_ordinary_word_is_a_surname_after_the_full_name() {
    let text = "The president, Donald Tusk, wrote about it. Tusk, a founding member, is \
                from Gdansk. Scotland manager Craig Brown spoke. Brown said: \"Yes.\"";
    has(text, "Tusk", EntityType::Person);
    has(text, "Brown", EntityType::Person);
    let lowered = mentions("Neil Young sang. Young people came, young and old.");
    assert!(lowered.iter().all(|(s, _)| s != "Young"), "{lowered:?}");
    let institution = mentions("He sued in New York State courts. State officials came.");
    assert!(
        institution.iter().all(|(s, _)| s != "State"),
        "{institution:?}"
    );
}

/// What has staff with titles is an organisation: "Zorvex's chief economist Anna Berg",
/// "Zorvex chief executive Hans Straberg".
#[test]
fn an_employer_of_titled_staff_is_an_organisation() {
    has(
        "Prices rose, and Zorvex's chief economist Anna Berg said so.",
        "Zorvex",
        EntityType::Org,
    );
    has(
        "\"It looks grim,\" said Zorvex chief executive Hans Straberg.",
        "Zorvex",
        EntityType::Org,
    );
    has(
        "Prices rose, and Zorvex's partner Anna Berg said so.",
        "Zorvex",
        EntityType::Person,
    );
    // A role's words only: "for president and professor" is no role of Myers.
    has(
        "It nominated Jed Myers for president and professor Tia Lusk for vice president.",
        "Jed Myers",
        EntityType::Person,
    );
}

/// An award named like a first name is the award ("an Oscar nomination", "a Grammy
/// Award"), unless a surname follows ("Oscar Wilde").
#[test]
fn awards_named_like_people() {
    has("She won an Oscar nomination.", "Oscar", EntityType::Other);
    has(
        "He won a Grammy Award last year.",
        "Grammy Award",
        EntityType::Other,
    );
    has(
        "The play by Oscar Wilde opened.",
        "Oscar Wilde",
        EntityType::Person,
    );
}

/// A first name that is also a faith or a nationality opens a person's name before an
/// unknown surname; before a title, a first name or an ordinary word it stays a group.
#[test]
fn a_first_name_that_is_a_faith_or_a_nationality() {
    has(
        "\"It is charged,\" said Christian Jasperneite, an economist.",
        "Christian Jasperneite",
        EntityType::Person,
    );
    for (text, group) in [
        ("Tory MP Michael Mates spoke.", "Tory"),
        ("The Scot Kathy Butler won.", "Scot"),
    ] {
        has(text, group, EntityType::Group);
    }
}

/// "And" after a whole institution or place starts another name; inside a name it stays.
#[test]
fn and_between_two_institutions_makes_two_names() {
    let found = mentions("Shares in Deutsche Bank and Citigroup fell on Monday.");
    assert!(found.iter().any(|(s, _)| s == "Deutsche Bank"), "{found:?}");
    assert!(found.iter().all(|(s, _)| !s.contains(" and ")), "{found:?}");
    has(
        "Staff of the Ambulance Service and Fire Brigade met.",
        "Ambulance Service",
        EntityType::Org,
    );
    has(
        "He joined the Food and Agriculture Organization in May.",
        "Food and Agriculture Organization",
        EntityType::Org,
    );
    has(
        "He flew to Bosnia and Herzegovina on Monday.",
        "Bosnia and Herzegovina",
        EntityType::Place,
    );
}

#[test]
fn wars_holidays_and_illnesses_are_events_and_things() {
    has(
        "He served in World War Two as a pilot.",
        "World War Two",
        EntityType::Event,
    );
    has(
        "Veterans of the Syrian Civil War met.",
        "Syrian Civil War",
        EntityType::Event,
    );
    has(
        "She won the Birmingham Grand Prix in February.",
        "Birmingham Grand Prix",
        EntityType::Event,
    );
    has(
        "Wales chase a first Grand Slam since 1978.",
        "Grand Slam",
        EntityType::Event,
    );
    has(
        "Shops closed for Halloween this year.",
        "Halloween",
        EntityType::Event,
    );
    has(
        "Cases of Middle East Respiratory Syndrome rose.",
        "Middle East Respiratory Syndrome",
        EntityType::Other,
    );
    // An institution's cue wins over an illness at the end of its name.
    has(
        "He led the National Institute of Allergy and Infectious Disease for years.",
        "National Institute of Allergy and Infectious Disease",
        EntityType::Org,
    );
}

/// Plans, protocols and agreements are things, whoever they are named after ("Marshall
/// Plan" is no person's name, "Kyoto Protocol" no place).
#[test]
fn plans_protocols_and_agreements_are_things() {
    for (text, name) in [
        (
            "Aid on the scale of the Marshall Plan was promised.",
            "Marshall Plan",
        ),
        (
            "Countries that signed the Kyoto Protocol met.",
            "Kyoto Protocol",
        ),
        (
            "Unions backed the Warwick Agreement in July.",
            "Warwick Agreement",
        ),
    ] {
        has(text, name, EntityType::Other);
    }
}

/// A known name that opens with a title is the name, not a titled person ("General Motors"
/// is no general called Motors); a title before a name stays one.
#[test]
fn a_known_name_opening_with_a_title_is_that_name() {
    has(
        "Shares in General Motors fell on Monday.",
        "General Motors",
        EntityType::Org,
    );
    has(
        "Workers at General Mills' plants struck.",
        "General Mills",
        EntityType::Org,
    );
    let titled = mentions("General Mike Jackson inspected the troops.");
    assert!(
        titled.contains(&("Mike Jackson".to_string(), EntityType::Person)),
        "{titled:?}"
    );
}

/// A name ends at its possessive ("Arsenal's Thierry Henry"), except where names carry one
/// inside.
#[test]
fn a_possessive_ends_a_name() {
    has(
        "Yesterday Arsenal's Thierry Henry scored twice.",
        "Thierry Henry",
        EntityType::Person,
    );
    has(
        "They met at Fishmongers' Hall in London.",
        "Fishmongers' Hall",
        EntityType::Other,
    );
    has(
        "She won the Volvo Women's Open in Pattaya.",
        "Volvo Women's Open",
        EntityType::Event,
    );
}

/// A sentence-initial ordinary word is part of the name the article also writes with it
/// mid-sentence; an ordinary word (no first name) opens a company's or a work's name, not
/// a person's; a named storm is an event.
#[test]
fn names_that_open_with_ordinary_words() {
    let text = "Analysts said Time Warner did well. Time Warner said profits rose.";
    let found = mentions(text);
    assert_eq!(
        found.iter().filter(|(s, _)| s == "Time Warner").count(),
        2,
        "{found:?}"
    );
    has(text, "Time Warner", EntityType::Org);
    has(
        "Fans of Vanity Fair wrote in.",
        "Vanity Fair",
        EntityType::Org,
    );
    has(
        "The film Finding Neverland opened.",
        "Finding Neverland",
        EntityType::Org,
    );
    has(
        "Hurricane Dorian hit the Bahamas.",
        "Hurricane Dorian",
        EntityType::Event,
    );
    has(
        "Tropical Storm Imelda flooded Texas.",
        "Tropical Storm Imelda",
        EntityType::Event,
    );
    // Still people: a first name opens the name, or a role comes before a full name.
    has(
        "Yesterday Will Smith arrived.",
        "Will Smith",
        EntityType::Person,
    );
    has(
        "Then Minority Whip Dick Durbin spoke.",
        "Dick Durbin",
        EntityType::Person,
    );
    // "And I" is never a name, wherever it is written.
    assert!(
        mentions("He said: And I agree. And I left.").is_empty(),
        "{:?}",
        mentions("He said: And I agree. And I left.")
    );
}

/// Listed companies type a name that is all of one, or opens with one; they never split
/// a longer name ("Leonardo da Vinci" holds the name of the company Vinci).
#[test]
fn listed_companies_are_organisations() {
    has(
        "Nintendo fell. Analysts expect Nintendo to recover.",
        "Nintendo",
        EntityType::Org,
    );
    has(
        "Yesterday Sony Ericsson released a phone.",
        "Sony Ericsson",
        EntityType::Org,
    );
    has(
        "A drawing by Leonardo da Vinci sold.",
        "Leonardo da Vinci",
        EntityType::Person,
    );
}

/// A city followed by a player's or manager's role is its club; a country stays itself.
#[test]
fn a_city_before_a_players_role_is_its_club() {
    has(
        "Then Liverpool boss Rafael Benitez spoke.",
        "Liverpool",
        EntityType::Org,
    );
    has(
        "He moved to Liverpool last year.",
        "Liverpool",
        EntityType::Place,
    );
    has("The England squad flew out.", "England", EntityType::Place);
}

/// Award ceremonies are events; an award named after its statuette is a thing.
#[test]
fn awards_and_their_ceremonies() {
    has("Stars gathered at the Oscars.", "Oscars", EntityType::Event);
    has(
        "It won the Best Foreign Language Oscar.",
        "Best Foreign Language Oscar",
        EntityType::Other,
    );
}

#[test]
fn tournaments_called_open_are_events() {
    has(
        "He won the Australian Open last year.",
        "Australian Open",
        EntityType::Event,
    );
    has(
        "She lost at the Qatar Open.",
        "Qatar Open",
        EntityType::Event,
    );
}

/// An interjection opening a sentence is no name; the Earth is a place.
#[test]
fn interjections_are_no_names_and_the_earth_is_a_place() {
    let found = mentions("Yeah, why not? Okay, go on.");
    assert!(found.is_empty(), "{found:?}");
    has("Life on Earth needs oxygen.", "Earth", EntityType::Place);
}

#[test]
fn institutions_keep_their_whole_name() {
    // A part of a known organisation: "BBC Sport", "BBC One"; not "EU Constitution".
    has("He told BBC Sport so.", "BBC Sport", EntityType::Org);
    has("It was on BBC One tonight.", "BBC One", EntityType::Org);
    let found = mentions("They signed the EU Constitution today.");
    assert!(
        found.iter().all(|(s, _)| s != "EU Constitution"),
        "{found:?}"
    );
    // Airlines, telecoms, railways, governments, embassies, libraries, papers.
    for name in [
        "British Airways",
        "Singapore Telecom",
        "Indian Railways",
        "Kenyan Government",
        "US Embassy",
        "British Library",
        "Samoa Observer",
    ] {
        has(&format!("Shares in {name} rose."), name, EntityType::Org);
    }
    has(
        "The case reached the International Court of Justice today.",
        "International Court of Justice",
        EntityType::Org,
    );
    has(
        "He said the Supreme Court of Justice had ruled.",
        "Supreme Court of Justice",
        EntityType::Org,
    );
    has(
        "A vote in the General Assembly passed.",
        "General Assembly",
        EntityType::Org,
    );
    has(
        "It settled with the Department of Justice and the SEC on Monday.",
        "Department of Justice",
        EntityType::Org,
    );
    has(
        "Leaders of the Kurdistan Workers' Party spoke.",
        "Kurdistan Workers' Party",
        EntityType::Org,
    );
    // A possessive place owns the institution after it.
    let found = mentions("He ran the United States' Centers for Disease Control and Prevention.");
    assert!(
        !found.iter().any(|(s, _)| s.starts_with("United States'")),
        "{found:?}"
    );
}

#[test]
fn places_are_known_by_where_they_stand() {
    has(
        "She died in La Jolla, California last year.",
        "La Jolla",
        EntityType::Place,
    );
    has(
        "The pipeline will go to Zorvath, Greece next year.",
        "Zorvath",
        EntityType::Place,
    );
    // Opening a sentence, before its country and a verb; not as one of a list.
    has(
        "Zorvath, Italy is a proposed end point for the pipeline.",
        "Zorvath",
        EntityType::Place,
    );
    let listed = mentions("Kowalczyk, France and Spain signed the treaty.");
    assert!(
        listed
            .iter()
            .any(|(s, k)| s == "Kowalczyk" && *k != EntityType::Place),
        "{listed:?}"
    );
    has(
        "They built a road to the island Zorvath.",
        "Zorvath",
        EntityType::Place,
    );
    has(
        "He criticised the Zorvath ministers again.",
        "Zorvath",
        EntityType::Place,
    );
    has(
        "Drilling at the Zorvath gas field began.",
        "Zorvath",
        EntityType::Place,
    );
    has(
        "The Luxembourg-based court ruled.",
        "Luxembourg",
        EntityType::Place,
    );
    has(
        "Judges met in the Hague on Monday.",
        "Hague",
        EntityType::Place,
    );
    // Beside "and" and a known place, a name is not made a place ("Henman and Britain"),
    // nor before an appositive ("Gordon Brown, Britain's chancellor").
    has(
        "This is a win for Iran and Zorvath, he said.",
        "Zorvath",
        EntityType::Person,
    );
    has("Henman and Britain lost.", "Henman", EntityType::Person);
    has(
        "He met Gordon Zorvath, Britain's chancellor, in Paris.",
        "Gordon Zorvath",
        EntityType::Person,
    );
    has(
        "Fans saw Zorvath battle Freddy in the film.",
        "Zorvath",
        EntityType::Person,
    );
}

/// A city that is also a first name (Sydney, Leicester) is the city where a place stands,
/// and a person's name elsewhere.
#[test]
fn a_city_named_like_a_person_is_a_place_where_places_stand() {
    has("He flew to Sydney on Monday.", "Sydney", EntityType::Place);
    has(
        "Networks in London, Leicester and Sydney failed.",
        "Leicester",
        EntityType::Place,
    );
    has(
        "Networks in London, Leicester and Sydney failed.",
        "Sydney",
        EntityType::Place,
    );
    has("Sydney and Melbourne bid.", "Sydney", EntityType::Place);
    has("Sydney said she would stay.", "Sydney", EntityType::Person);
    has(
        "According to Sydney, the bid failed.",
        "Sydney",
        EntityType::Person,
    );
}

/// A town's name after a title or a first name is a person's ("President Bush", "Abraham
/// Lincoln"); a town named by an ordinary word is no name at a sentence's start.
#[test]
fn a_town_named_like_a_person_or_a_thing() {
    has("Then President Bush spoke.", "Bush", EntityType::Person);
    has(
        "He cited Abraham Lincoln often.",
        "Abraham Lincoln",
        EntityType::Person,
    );
    has(
        "They met George W. Bush there.",
        "George W. Bush",
        EntityType::Person,
    );
    has(
        "Lindsay Davenport won the final. Then Davenport left.",
        "Davenport",
        EntityType::Person,
    );
    let found = mentions("Mobile phones are cheap. Reading is fun.");
    assert!(found.is_empty(), "{found:?}");
}

/// "Quillan boss", "Quillan shares": the word names an organisation; not "Quillan fans".
#[test]
fn what_follows_a_name_may_make_it_an_organisation() {
    has(
        "Yesterday Quillan boss Jo Tate resigned.",
        "Quillan",
        EntityType::Org,
    );
    has("Then Quillan shares fell.", "Quillan", EntityType::Org);
    has(
        "He joined investment bank Zorvath Mible last year.",
        "Zorvath Mible",
        EntityType::Org,
    );
    has("Then Quillan fans cheered.", "Quillan", EntityType::Person);
}

/// Abbreviations of ordinary nouns and plurals of capitals name nothing; acronyms of
/// institutions still do.
#[test]
fn an_abbreviation_of_a_common_noun_is_no_entity() {
    has(
        "Then radio DJ Trevor Nelson spoke.",
        "Trevor Nelson",
        EntityType::Person,
    );
    let found = mentions("MPs said the new TV and DVDs cost more than a PhD, the IMF said.");
    let surfaces: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(surfaces, ["IMF"], "{found:?}");
}

#[test]
fn surnames_with_mc_are_people_and_a_lone_institution_head_is_the_institution() {
    has(
        "He said McGurk later resigned.",
        "McGurk",
        EntityType::Person,
    );
    has(
        "She worked at the Brixley Institution of Oceanography. Brixley hired her.",
        "Brixley",
        EntityType::Org,
    );
}

/// A word with digits is never a person, even as the subject of a verb of speech.
#[test]
fn a_name_with_digits_is_not_a_person() {
    let found = mentions("Police said it was serious. TVN24 reported he received surgery.");
    assert!(
        found
            .iter()
            .all(|(s, k)| s != "TVN24" || *k != EntityType::Person),
        "{found:?}"
    );
    // A speaking one is an organisation.
    has(
        "Police said it was serious. TVN24 reported he received surgery.",
        "TVN24",
        EntityType::Org,
    );
}

/// An ordinary word opening a sentence is part of an institution's name when the name's
/// cue follows it; a determiner or a number is not.
#[test]
fn an_institution_may_open_a_sentence() {
    has(
        "Progressive Party of Working People, the main opposition, said so.",
        "Progressive Party of Working People",
        EntityType::Org,
    );
    has(
        "National Assembly members met today.",
        "National Assembly",
        EntityType::Org,
    );
    let found = mentions("This Court ruled today. Four Navy ships sailed.");
    assert!(
        found
            .iter()
            .all(|(s, _)| s != "This Court" && s != "Four Navy"),
        "{found:?}"
    );
}

/// A word the word list lacks, capitalised only where a sentence starts and written in lower
/// case elsewhere in the article, is an ordinary word ("Broadband has become competitive ...
/// cheap broadband"); an unknown name written so only capitalised is still a name.
#[test]
fn a_word_the_article_also_writes_in_lower_case_opens_no_name() {
    let found = mentions("Broadband has become competitive. Many want cheap broadband now.");
    assert!(found.iter().all(|(s, _)| s != "Broadband"), "{found:?}");
    has(
        "Zorvexian has become competitive. Many want Zorvexian now.",
        "Zorvexian",
        EntityType::Person,
    );
}

/// The New Year is a holiday, as Christmas is: an event, not an institution of two ordinary
/// words.
#[test]
fn the_new_year_is_an_event() {
    has(
        "Rates may rise in the New Year, the bank said.",
        "New Year",
        EntityType::Event,
    );
    has(
        "Shoppers returned after a strong New Year's bank holiday.",
        "New Year",
        EntityType::Event,
    );
}

/// An organisation whose name ends with a place is one name ("Gas Infrastructure Europe",
/// "Borussia Dortmund"), unless general knowledge names the organisation on its own ("the EU
/// Turkey deal" names two).
#[test]
fn an_organisation_may_end_with_a_place() {
    has(
        "A map by Gas Infrastructure Europe shows the route.",
        "Gas Infrastructure Europe",
        EntityType::Org,
    );
    has(
        "They met in the EU Turkey talks.",
        "Turkey",
        EntityType::Place,
    );
}

/// A nationality before an organisation's name is part of it ("British Retail Consortium",
/// "European Southern Observatory"), unless general knowledge names the organisation on its own ("Iranian Quds
/// Force" is the Quds Force, described), or it is an acronym ("Turkish EU").
#[test]
fn a_nationality_opens_an_organisations_name() {
    has(
        "Sales fell, the British Retail Consortium said on Tuesday.",
        "British Retail Consortium",
        EntityType::Org,
    );
    has(
        "Astronomers at the European Southern Observatory said so.",
        "European Southern Observatory",
        EntityType::Org,
    );
    let described = "He met the head of the Iranian Quds Force in Baghdad.";
    has(described, "Quds Force", EntityType::Org);
    has(described, "Iranian", EntityType::Group);
    lacks("He spoke of the Turkish EU bid.", &["Turkish EU"]);
}

/// A university's campus after a comma is part of its name when the campus is a city
/// ("University of California, Los Angeles"), not when it is a country.
#[test]
fn a_universitys_campus_is_part_of_its_name() {
    has(
        "He studied at the University of California, Los Angeles, in 1939.",
        "University of California, Los Angeles",
        EntityType::Org,
    );
    has(
        "He studied at the University of Sydney, Australia.",
        "Australia",
        EntityType::Place,
    );
}

/// A lone capitalised word ending like a doctrine or a field of study names no one
/// ("Spectroscopy", "Euroscepticism"), while a lone unknown surname still does.
#[test]
fn a_field_of_study_is_no_persons_name() {
    let text = "Spectroscopy showed it. Euroscepticism grew. Then Vantonen spoke.";
    lacks(text, &["Spectroscopy", "Euroscepticism"]);
    has(text, "Vantonen", EntityType::Person);
}

/// Abbreviations of technologies, fuels, units and honours are ordinary nouns, no
/// organisations ("LNG terminals", "a 3G and HSDPA network", "awarded an OBE").
#[test]
fn abbreviations_of_things_name_nothing() {
    let text = "Greece plans LNG terminals. Vodafone will run an HSDPA network of 50 MW. \
                He was awarded an OBE by the Queen.";
    lacks(text, &["LNG", "HSDPA", "MW", "OBE"]);
    has(text, "Vodafone", EntityType::Org);
}

/// A title opening a sentence still titles the name after it ("Mayor Adamowicz had led the
/// city"), as it does mid-sentence: later references by title find the person.
#[test]
fn a_title_opening_a_sentence_titles_the_name() {
    let text = "The city grieved. Mayor Vantonen had led it for years.";
    let tokens = tokenize(text);
    let found = find_mentions(text, &tokens);
    let person = found
        .iter()
        .find(|m| &text[m.span()] == "Vantonen")
        .unwrap_or_else(|| panic!("no Vantonen in {found:?}"));
    assert_eq!(person.kind, EntityType::Person);
    assert_eq!(person.title(), Some("mayor"));
}

/// An unknown name with a country after it, set off before "where", is a place in that
/// country ("Thesprotia, Greece, where it merges"), whatever word stands before it.
#[test]
fn a_name_and_its_country_before_where_is_a_place() {
    has(
        "The pipeline runs between the gas field and Thesprotia, Greece, where it merges with \
         another line.",
        "Thesprotia",
        EntityType::Place,
    );
}

/// A faith or nation between two unknown names in one capitalised run is inside an
/// organisation's name ("Akhil Bharat Hindu Mahasabha"): no person's name has one in its
/// middle. Before a name it is still the person's nationality.
#[test]
fn a_faith_inside_a_run_of_names_makes_one_organisation() {
    let text = "The party was organised by Akhil Bharat Hindu Mahasabha president Swami \
                Chakrapani. Indian Prime Minister Narendra Modi stayed away.";
    has(text, "Akhil Bharat Hindu Mahasabha", EntityType::Org);
    has(text, "Narendra Modi", EntityType::Person);
}

/// Police, church and local government ranks are titles ("Detective Constable Daniel Dubé",
/// "Reverend Adrian Rodgers", "Assemblywoman Selena Torres"); ordinary words right before a
/// title qualify the office ("EU Trade Commissioner"), an institution before it employs the
/// holder ("Metropolitan Police Commissioner"); a parish or a township is a place.
#[test]
fn ranks_are_titles_and_what_qualifies_them_names_nothing() {
    let text = "Detective Constable Daniel Dubé said prices rose. Reverend Adrian Rodgers \
                agreed. EU Trade Commissioner Peter Mandelson spoke. Metropolitan Police \
                Commissioner Sir John Stevens did not. He lives in Jefferson Parish.";
    has(text, "Daniel Dubé", EntityType::Person);
    has(text, "Adrian Rodgers", EntityType::Person);
    has(text, "Peter Mandelson", EntityType::Person);
    has(text, "Metropolitan Police", EntityType::Org);
    has(text, "Jefferson Parish", EntityType::Place);
    lacks(
        text,
        &[
            "Detective Constable Daniel Dubé",
            "Reverend Adrian Rodgers",
            "Trade",
        ],
    );
}

/// A first name that is also an ordinary word opens a person's name at a sentence's start
/// ("Mark Serwotka", "Bill Gates said"), not a question ("Will Parliament agree?") nor a
/// role before another first name ("Lock Ben Kay").
#[test]
fn a_first_name_that_is_a_word_opens_a_name_at_a_sentence_start() {
    has(
        "Mark Serwotka led the strike.",
        "Mark Serwotka",
        EntityType::Person,
    );
    has(
        "Bill Gates said the firm would grow.",
        "Bill Gates",
        EntityType::Person,
    );
    lacks("Will Parliament agree? Nobody knows.", &["Will Parliament"]);
    lacks("Lock Ben Kay came off the bench.", &["Lock Ben Kay"]);
}

/// After a title, a town's name ending the name is the titled person's surname
/// ("Communications Minister Dayanidhi Maran", "Agriculture Minister Adamu Bello"), not the
/// town; "Lord Nicholls of Birkenhead" is still of the town.
#[test]
fn a_town_ending_a_titled_name_is_a_surname() {
    let text = "Communications Minister Dayanidhi Maran said so.";
    has(text, "Dayanidhi Maran", EntityType::Person);
    lacks(text, &["Maran"]);
}

/// A member of a parliament is titled so before the name ("UKIP MEP Gerard Batten", "Labour
/// MSP Christine May"): the title is not part of the person's name.
#[test]
fn members_of_parliaments_are_titled() {
    let text = "UKIP MEP Gerard Batten spoke. Later Labour MSP Christine May agreed.";
    has(text, "Gerard Batten", EntityType::Person);
    has(text, "Christine May", EntityType::Person);
    lacks(
        text,
        &["UKIP MEP Gerard Batten", "Labour MSP Christine May"],
    );
}

/// A quotation's first word is capitalised as a sentence's first word is: however often the
/// speakers open with "It" or "We", that is no evidence of a name (an article that never
/// writes "it" in lower case made "It" a person). A first name opening a quotation still is.
#[test]
fn a_word_opening_quotations_is_no_name() {
    let text = "Tony Abbott said, \"It is a licence. It is wrong.\" Penny Sharpe said, \"It \
                follows decades of work.\" Kevin Conolly said, \"We lost. We will return.\" \
                His coach said, \"Harry is fit.\" And: \"Harry will play.\"";
    lacks(text, &["It", "We"]);
    has(text, "Harry", EntityType::Person);
}

/// A name does not run on through a connector into a day or a month ("the Environmental
/// Protection Agency on February 18"), unless the whole is a known name ("The Mail on Sunday")
/// or "of" names it ("the Ides of March").
#[test]
fn a_name_stops_before_the_date() {
    let text = "Ford told the Environmental Protection Agency on February 18 and the Air \
                Resources Board on Monday. The Mail on Sunday reported it.";
    has(text, "Environmental Protection Agency", EntityType::Org);
    has(text, "Air Resources Board", EntityType::Org);
    has(text, "The Mail on Sunday", EntityType::Org);
    lacks(
        text,
        &[
            "Environmental Protection Agency on February",
            "Air Resources Board on Monday",
        ],
    );
}

/// A known newspaper named "The ..." is named so after a lowercase "the" too ("told the
/// Times"), and one opening with a day keeps its day ("the Sunday Telegraph").
#[test]
fn a_newspaper_is_named_after_a_lowercase_the() {
    let text = "He told the Times on Friday, and the Sunday Telegraph said so too.";
    has(text, "Times", EntityType::Org);
    has(text, "Sunday Telegraph", EntityType::Org);
}

/// A compass word before a place that opens an organisation's name is part of that name:
/// "North Wales Police", not "North" and "Wales Police".
#[test]
fn a_compass_word_opens_the_organisation_of_its_place() {
    let text = "North Wales Fire and Rescue Service came. Later North Wales Police arrived.";
    has(text, "North Wales Fire and Rescue Service", EntityType::Org);
    has(text, "North Wales Police", EntityType::Org);
    lacks(text, &["North", "Wales Police"]);
}

/// "D.C." is a place, the numero sign no name, and neither runs into the next sentence's
/// first word ("Washington, D.C. It is", "Republic Act No. 3846").
#[test]
fn an_abbreviation_ends_its_name() {
    let text = "Talks in Washington, D.C. It is long past time. Republic Act No. 3846 lapsed. \
                Leonov, cosmonaut No. 11, died.";
    has(text, "D.C.", EntityType::Place);
    lacks(text, &["D.C. It", "No.", "Republic Act No."]);
}

/// A first name and a place's name ending the chunk are one person's name: "George
/// Washington", "Neil Hamilton", "James Ireland". Not when the first name is also a word
/// ("Royal Caribbean", "Bell Canada").
#[test]
fn a_first_name_before_a_place_names_a_person() {
    let text = "The first president, George Washington, left. Neil Hamilton and James \
                Ireland spoke. Royal Caribbean and Bell Canada sailed.";
    has(text, "George Washington", EntityType::Person);
    has(text, "Neil Hamilton", EntityType::Person);
    has(text, "James Ireland", EntityType::Person);
    lacks(text, &["Royal Caribbean", "Bell Canada", "Washington"]);
}

/// A rank before a title is part of the title, whatever the article's other capitals:
/// "Deputy Chief Minister", "MGM Vice Chairman Chris McGurk".
#[test]
fn a_rank_before_a_title_is_part_of_it() {
    let text = "Francis D'Souza, former Deputy Chief Minister of Goa, died. D'Souza was the \
                Deputy Chief Minister. MGM Vice Chairman Chris McGurk said so.";
    lacks(text, &["Deputy", "MGM Vice"]);
    has(text, "MGM", EntityType::Org);
    has(text, "Chris McGurk", EntityType::Person);
}

/// States and provinces are places ("New South Wales", "Queensland", "Hubei"), and every
/// country's people a group ("Tongan", "New Zealanders"); a name no list knows before a town's
/// or a province's is a person's ("Toshihiko Fukui", "Satoru Iwata").
#[test]
fn provinces_and_peoples_of_every_country_are_known() {
    let text = "New South Wales decriminalised abortion, and Queensland did not. Cases rose in \
                Hubei. A Tongan official and two New Zealanders came. Governor Toshihiko Fukui \
                and Satoru Iwata spoke.";
    has(text, "New South Wales", EntityType::Place);
    has(text, "Queensland", EntityType::Place);
    has(text, "Hubei", EntityType::Place);
    has(text, "Tongan", EntityType::Group);
    has(text, "New Zealanders", EntityType::Group);
    // Bavaria's own name is, in English news, its club's.
    let club = "Bayern Munich beat Hertha. Hong Kongers cheered.";
    has(club, "Bayern Munich", EntityType::Org);
    has(club, "Hong Kongers", EntityType::Group);
    has(text, "Toshihiko Fukui", EntityType::Person);
    has(text, "Satoru Iwata", EntityType::Person);
}

/// A sentence's ordinary first word before "outbreak", "pandemic", "virus" or "news agency"
/// names nothing: "The outbreak spread" has no event, "Corona pandemic" has. Nor does a time
/// zone ("5 p.m. ET").
#[test]
fn the_outbreak_is_no_event() {
    let text = "The outbreak spread. The virus mutated. Then the Corona pandemic hit. The \
                news agency reported it at 5 p.m. ET.";
    lacks(
        text,
        &["The outbreak", "The virus", "The news agency", "ET"],
    );
    has(text, "Corona pandemic", EntityType::Event);
}

/// "and the" joins no names: "Colorado and the College of Wooster" are a place and an
/// organisation ("Republic of the Congo" is still one name).
#[test]
fn and_the_joins_no_names() {
    let text = "Researchers from Colorado and the College of Wooster met in the Republic of \
                the Congo.";
    has(text, "College of Wooster", EntityType::Org);
    has(text, "Colorado", EntityType::Place);
    has(text, "Republic of the Congo", EntityType::Place);
}

/// A survey is an institution: "the US Geological Survey" is one organisation, not the US
/// and a "Geological Survey".
#[test]
fn a_survey_is_an_organisation() {
    has(
        "It was recorded by the US Geological Survey on Tuesday.",
        "US Geological Survey",
        EntityType::Org,
    );
}

/// Any chief officer is a title, not a person: "Ken Kutaragi, Chief Operating Officer of Sony".
#[test]
fn a_chief_officer_is_a_title() {
    let text = "\"It is new,\" said Ken Kutaragi, Chief Operating Officer of Sony. Chris \
                Wright, Chief Technological Officer, agreed.";
    has(text, "Ken Kutaragi", EntityType::Person);
    has(text, "Sony", EntityType::Org);
    lacks(text, &["Technological Officer", "Operating Officer"]);
}

/// An ordinary word that numbers a thing wherever the article capitalises it names no one
/// ("a Category 5 hurricane", "Chapter 11"); a name that also stands alone still does
/// ("Biden led Trump 47 percent to 40").
#[test]
fn a_numbered_ordinary_word_is_no_name() {
    let text = "It became a Category 5 storm, then Category 4. The firm filed for Chapter 11. \
                Donald Trump spoke. Biden led Trump 47 percent to 40.";
    lacks(text, &["Category", "Chapter"]);
    has(text, "Trump", EntityType::Person);
}
