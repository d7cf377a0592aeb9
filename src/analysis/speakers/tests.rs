use crate::analysis::{analyse_texts, QuoteKind};

/// The speaker of the first direct quote of one article.
fn first_direct_speaker(text: &str) -> Option<String> {
    let corpus = analyse_texts(&[text]);
    let article = &corpus.articles[0];
    let quote = article.quotes.iter().find(|q| q.kind == QuoteKind::Direct);
    quote.and_then(|q| q.speaker.clone())
}

/// The reported clauses of one article, with their speakers.
fn reported(text: &str) -> Vec<(String, Option<String>)> {
    let corpus = analyse_texts(&[text]);
    let article = &corpus.articles[0];
    article
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Reported)
        .map(|q| (article.quote_text(q).to_string(), q.speaker.clone()))
        .collect()
}

/// The speaker of the quote of a one-article corpus that contains `words`.
fn speaker_of(text: &str, words: &str) -> Option<String> {
    let corpus = analyse_texts(&[text]);
    let article = &corpus.articles[0];
    let quote = article
        .quotes
        .iter()
        .find(|q| article.quote_text(q).contains(words))
        .unwrap_or_else(|| panic!("no quote with {words:?}"));
    quote.speaker.clone()
}

/// Asserts that `sentence`, as an article's body, holds one reported clause, `clause`, and
/// returns its speaker.
fn only_clause(sentence: &str, clause: &str) -> Option<String> {
    let found = reported(&format!("Headline here\n\n{sentence}"));
    let clauses: Vec<&str> = found.iter().map(|(text, _)| text.as_str()).collect();
    assert_eq!(clauses, [clause], "{sentence}");
    found[0].1.clone()
}

/// Asserts, for each (sentence, clause, speaker), that the sentence as an article's body holds
/// that one reported clause, said by that speaker.
fn clauses_are(cases: &[(&str, &str, &str)]) {
    for &(sentence, clause, speaker) in cases {
        assert_eq!(
            only_clause(sentence, clause).as_deref(),
            Some(speaker),
            "{sentence}"
        );
    }
}

/// Asserts that no reported clause of `sentence`, as an article's body, is `speaker`'s.
fn no_clause_is_said_by(sentence: &str, speaker: &str) {
    let found = reported(&format!("Headline\n\n{sentence}"));
    assert!(
        found.iter().all(|(_, s)| s.as_deref() != Some(speaker)),
        "{found:?}"
    );
}

/// Asserts, for each (article body, words of a quote, its speaker), that the quote holding
/// those words in an article with that body is attributed so.
fn speakers_are(cases: &[(&str, &str, Option<&str>)]) {
    for &(body, words, speaker) in cases {
        let text = format!("Title\n\n{body}");
        assert_eq!(speaker_of(&text, words).as_deref(), speaker, "{text}");
    }
}

/// A title written in lower case before a name introduces that person by it, so that a
/// later "the minister" finds them, even past another person; a shadow chancellor is no
/// chancellor; and a title never means someone named only later.
#[test]
fn a_lower_case_title_before_a_name_is_found_by_a_later_reference() {
    let text = "Title\n\nItalian economic development minister Stefano Patuanelli wrote to \
                Athens. Kyriakos Mitsotakis welcomed the letter, but the minister said that \
                Italy would build another pipeline.";
    assert_eq!(
        speaker_of(text, "Italy would build").as_deref(),
        Some("Stefano Patuanelli")
    );
    let text = "Title\n\nChancellor Gordon Brown spoke first. The Tories' shadow chancellor \
                Oliver Letwin replied. The chancellor said that taxes would not rise.";
    assert_eq!(
        speaker_of(text, "taxes would not rise").as_deref(),
        Some("Gordon Brown")
    );
    let text = "Title\n\nThe revolution has come, according to Carly Fiorina, chief of \
                HP. She said that people were at the centre. Microsoft chief Bill Gates \
                spoke later.";
    assert_eq!(
        speaker_of(text, "people were at the centre").as_deref(),
        Some("Carly Fiorina")
    );
}

/// "A spokesman said": someone not named, not the person named last, and so is the "he"
/// after; but "Mark Hay, a marine ecologist" is Mark Hay.
#[test]
fn an_indefinite_role_is_someone_new() {
    let text = "Title\n\nLabour campaign spokesman Fraser Kemp defended the poster. Later, \
                a Labour spokesman said that the image had been removed.";
    assert_eq!(
        speaker_of(text, "the image had been removed").as_deref(),
        Some("Labour spokesman")
    );
    // And the "he" that follows means them.
    let text = "Title\n\nMr Leigh said the Home Office should act. A Home Office spokesman \
                said the system had been tightened. He added: \"We keep it under review.\"";
    assert_eq!(
        speaker_of(text, "under review").as_deref(),
        Some("Home Office spokesman")
    );
    // After the verb too, and with "An": "said a protester using the pseudonym Katya".
    speakers_are(&[
        (
            "Joshua Wong spoke first. \"She is just doing this,\" said a protester using \
             the pseudonym Katya.",
            "doing this",
            Some("protester"),
        ),
        (
            "Martin Jol has coached in Holland. An Ajax spokesman told BBC Sport: \"The coach \
             must fit our profile.\"",
            "fit our profile",
            Some("Ajax spokesman"),
        ),
    ]);
    // But "said an error was made" is what was said.
    let found = reported("Title\n\nNumber 10 said an error was made.");
    assert!(
        found.iter().all(|(_, s)| s.as_deref() != Some("error")),
        "{found:?}"
    );
    // In apposition, the phrase describes the person just named.
    let text = "Title\n\nThe research was led by Mark Hay, a marine ecologist and Regents \
                Professor at GT, who said \"There is a lot of argument now.\"";
    assert_eq!(
        speaker_of(text, "a lot of argument").as_deref(),
        Some("Mark Hay")
    );
}

/// "PBS revealed that Prince X accepted ...": when an organisation speaks, the person its
/// reported clause is about is the one a later "he said" means, not an earlier subject.
#[test]
fn he_after_an_organisations_report_is_the_person_reported_on() {
    let text = "Inquiry\n\nMaria Okafor is a journalist living in London.\n\n\
                The previous day, broadcaster PBS revealed that in December, Crown Prince \
                Karim Haddad accepted responsibility for the deal. Speaking to a reporter, \
                he said, \"It happened under my watch.\"";
    assert_eq!(
        speaker_of(text, "my watch").as_deref(),
        Some("Karim Haddad")
    );
}

/// "In his remarks, Mokhber pointed to ...": a possessive makes "remarks" a noun, so the
/// sentence's subject is Mokhber, whom a later "he added" means.
#[test]
fn remarks_after_a_possessive_are_no_verb_of_speech() {
    let text = "Talks\n\nThe talks followed the killing of Qassem Soleimani in 2020.\n\n\
                Elsewhere in his remarks, Kamal Mokhber pointed to the capabilities of \
                Iran's companies.\n\n\"Relations will grow stronger,\" he added.";
    assert_eq!(
        speaker_of(text, "Relations").as_deref(),
        Some("Kamal Mokhber")
    );
}

/// "'...,' said X. '...,' he added.": the pronoun is the person named after the verb,
/// not an earlier subject.
#[test]
fn he_after_an_inverted_attribution_is_its_speaker() {
    let text = "Rates rose, said Avery Shenfeld, an economist. \"The Fed is cautious,\" \
                said Sung Won Sohn, chief economist. \"Growth is better now,\" he added.";
    assert_eq!(speaker_of(text, "Growth").as_deref(), Some("Sung Won Sohn"));
}

/// '"...," said Mr Owen', '"...," said asbestosis sufferer Bernie Banton': a title or a
/// role between the verb and the name; and a role in an appositive before the verb.
#[test]
fn a_role_or_title_may_stand_between_verb_and_speaker() {
    for (text, speaker) in [
        ("Play on. \"We are keen,\" said Mr Owen. Then more.", "Owen"),
        (
            "It was welcomed. \"A momentous day,\" said asbestosis sufferer Bernie Banton.",
            "Bernie Banton",
        ),
        (
            "Talks went on. \"We will see,\" said Prime Minister Tony Blair.",
            "Tony Blair",
        ),
        (
            "Chris Weitz, director of About a Boy, said: \"It was unviable.\"",
            "Chris Weitz",
        ),
    ] {
        assert_eq!(
            first_direct_speaker(text).as_deref(),
            Some(speaker),
            "{text}"
        );
    }
}

#[test]
fn a_clause_without_that_follows_many_verbs_of_saying() {
    let found = reported(
        "Headline here\n\nKyriakos Mitsotakis underlined they keep channels open for dialog.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "they keep channels open for dialog");
    assert_eq!(found[0].1.as_deref(), Some("Kyriakos Mitsotakis"));
}

/// A bare clause may open with a noun and no article, or with "a", when its verb comes
/// within a short noun phrase; not an object that a relative clause follows, nor after a
/// verb used as an adjective.
#[test]
fn a_bare_clause_may_open_with_a_noun() {
    for (sentence, clause) in [
        (
            "Prosecutor Krzysztof Sierak told reporters today psychiatric assessments \
             will be carried out.",
            "psychiatric assessments will be carried out",
        ),
        (
            "Police spokesman Mariusz Ciarka said a press badge was used by the assailant.",
            "a press badge was used by the assailant",
        ),
        (
            "Agnes Callamard cautioned justice does not come swiftly.",
            "justice does not come swiftly",
        ),
        (
            "Ellen Simonetti told the BBC News website she had received no warning.",
            "she had received no warning",
        ),
    ] {
        assert!(
            only_clause(sentence, clause).is_some(),
            "{sentence}: no speaker"
        );
    }
    // A clause with a verb in the past and no auxiliary, after a subject with an article or a
    // name: "said the company lost", "alleged English Manner Limited charged clients".
    for (sentence, clause) in [
        (
            "Fars News said the crash involved pilot error.",
            "the crash involved pilot error",
        ),
        (
            "Police alleged the accused performed two attacks.",
            "the accused performed two attacks",
        ),
    ] {
        only_clause(sentence, clause);
    }
    for sentence in [
        "The WHO declared the outbreak of the disease caused by the virus a pandemic.",
        "He verified the signal received from Jakarta.",
        "They announced the planned merger.",
        "Kim Lee said goodbye to the fans who were waiting outside.",
        "The party's declared aims are an end to the war.",
        "Anna Berg said a prayer for those who were lost.",
    ] {
        let found = reported(&format!("Headline here\n\n{sentence}"));
        assert!(found.is_empty(), "{sentence}: {found:?}");
    }
}

#[test]
fn a_time_or_an_audience_may_stand_between_verb_and_clause() {
    for sentence in [
        "Donald Trump said on Friday he can declare an emergency.",
        "Donald Trump said Friday he can declare an emergency.",
        "Donald Trump told reporters he can declare an emergency.",
        "Donald Trump told BBC Radio Four he can declare an emergency.",
    ] {
        let found = reported(&format!("Headline here\n\n{sentence}"));
        assert_eq!(found.len(), 1, "{sentence}: {found:?}");
        assert_eq!(found[0].0, "he can declare an emergency", "{sentence}");
    }
}

#[test]
fn past_tense_clauses_after_a_subject_pronoun_and_negated_auxiliaries_count() {
    let found = reported("Headline here\n\nTVN24 reported he received surgery overnight.");
    assert_eq!(found[0].0, "he received surgery overnight");
    let found =
        reported("Headline here\n\nAvinoam Idan said the supply can't be considered a change.");
    assert_eq!(found[0].0, "the supply can't be considered a change");
}

/// Marked words inside the clause make it a mixed quotation: they are the quote.
#[test]
fn a_clause_holding_a_quotation_is_not_reported_speech() {
    let found = reported(
        "Headline here\n\nMike Pence said on Friday the country is \"in the midst of a crisis on our border.\"",
    );
    assert!(found.is_empty(), "{found:?}");
}

/// Verbs whose next words are an object take no bare clause.
#[test]
fn an_object_is_not_a_clause() {
    let found = reported("Headline here\n\nThe minister urged the government would act soon.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn according_to_reads_its_source_within_the_sentence() {
    let found = reported(
        "Headline here\n\nAccording to Reuters and NBC, the prince is the de facto ruler.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "the prince is the de facto ruler");
    assert_eq!(found[0].1.as_deref(), Some("Reuters"));
    // The next sentence's comma is not this source's.
    let found = reported(
        "Headline here\n\nHe was arrested according to police. After his arrest on Friday, the street was closed.",
    );
    assert!(
        found.iter().all(|(text, _)| !text.contains("street")),
        "{found:?}"
    );
}

/// A verb after "but" or "although" goes on with its sentence's subject ("Moya wants to rest,
/// although insists he will return"), and a description stops where a clause does ("F-Secure
/// issued a warning about the new strains but said that"), not at a noun's "and" ("a feminist
/// writer and broadcaster said").
#[test]
fn a_coordinated_verb_keeps_its_subject() {
    speakers_are(&[
        (
            "Carlos Moya wants to focus on the Grand Slams, although insists he will return \
             to the Davis Cup.",
            "he will return",
            Some("Carlos Moya"),
        ),
        (
            "Finnish security firm F-Secure issued a warning about the new strains but said \
             that the viruses do no damage.",
            "the viruses do no damage",
            Some("F-Secure"),
        ),
        (
            "The show was mocked. A feminist writer and broadcaster said that it was cruel.",
            "it was cruel",
            Some("feminist writer and broadcaster"),
        ),
    ]);
}

/// A group opening a sentence with no article speaks as that group: "Analysts said",
/// "But police said that", "Some economists said"; and is the "they" that follows.
#[test]
fn a_group_opening_a_sentence_speaks() {
    speakers_are(&[
        (
            "The pound fell. Analysts said the rally was over.",
            "rally was over",
            Some("Analysts"),
        ),
        (
            "The singer died. But police said that he had died of natural causes.",
            "natural causes",
            Some("police"),
        ),
        (
            "Rates may rise. Some economists said prices would fall.",
            "prices would fall",
            Some("Some economists"),
        ),
        // And the "they" after it means the group, not the organisation named before.
        (
            "US Airways cancelled flights. However, union officials denied a sickout. They \
             said that many people have flu.",
            "many people have flu",
            Some("union officials"),
        ),
    ]);
}

/// The speaker around an institution is the person: "said Hopman Cup doctor Hamish
/// Osborne", "Dr. Steven Wolf at Saint Francis said"; who was told is no speaker (but who
/// told is: "He was told by Yevgeny Zinichev of"); and "would only say" is said by whoever
/// comes before.
#[test]
fn the_person_around_an_institution_speaks_not_the_listener() {
    speakers_are(&[
        (
            "He is unlikely to be fit. \"He has to strengthen it,\" said Hopman Cup doctor \
             Hamish Osborne.",
            "strengthen it",
            Some("Hamish Osborne"),
        ),
        (
            "Dr. Steven Wolf at Saint Francis said, \"We received a mass casualty alert.\"",
            "casualty alert",
            Some("Steven Wolf"),
        ),
        (
            "The BBC's Zubair Ahmed in Mumbai says that the film shows a priest.",
            "the film shows a priest",
            Some("Zubair Ahmed"),
        ),
        (
            "A Number 10 spokeswoman would only say: \"He will announce it.\"",
            "He will announce",
            Some("Number 10 spokeswoman"),
        ),
        (
            "Marcel Desailly was part of the Chelsea side crushed 5-1 at the Nou Camp. \
             \"Things will be totally different this time,\" he told BBC Sport. \"Now \
             everyone knows about Chelsea.\"",
            "everyone knows",
            Some("Marcel Desailly"),
        ),
        (
            "Vladimir Putin flew to the city. He was told by Emergencies Minister Yevgeny \
             Zinichev of \"between 36 and 40 people under the rubble\".",
            "under the rubble",
            Some("Yevgeny Zinichev"),
        ),
        (
            "The world record holder told Five Live: \"Athletics is all about money.\"",
            "all about money",
            Some("world record holder"),
        ),
    ]);
}

/// "According to Rutgers University political scholar Kelly Dittmar": the scholar, not
/// the university.
#[test]
fn according_to_an_institutions_role_is_according_to_its_holder() {
    let text = "Title\n\nAccording to Rutgers University political scholar Kelly Dittmar, \
                \"Women hold fewer seats.\"";
    assert_eq!(
        speaker_of(text, "Women hold").as_deref(),
        Some("Kelly Dittmar")
    );
}

#[test]
fn according_to_a_report_is_according_to_its_owner() {
    let found = reported(
        "Cases rose. According to the WHO's situation report dated March 16, the virus \
         claimed 6606 lives.",
    );
    assert_eq!(
        found,
        [(
            "the virus claimed 6606 lives".to_string(),
            Some("World Health Organization".to_string())
        )]
    );
}

#[test]
fn a_report_speaks_for_the_organisation_named_before_it() {
    let text = "Aid rose. \"The digital divide is closing,\" a World Bank report said.";
    assert_eq!(first_direct_speaker(text).as_deref(), Some("World Bank"));
}

/// A sentence may end anywhere: right after "told the" at the end of an article.
#[test]
fn a_text_ending_after_told_the_is_read_whole() {
    assert!(reported("Headline here\n\nThe minister told the").is_empty());
    assert!(reported("Headline here\n\nThe minister said on").is_empty());
}

/// "said he" closing a sentence is an inverted attribution, not a clause.
#[test]
fn said_he_at_the_end_is_no_clause() {
    let found = reported("Headline here\n\nThe plan will work, said he. Then he left.");
    assert!(found.iter().all(|(text, _)| text != "he"), "{found:?}");
}

/// A sentence of reported speech may end with its speaker and any verb of saying ("CLAUSE, he
/// noted."), not only "said"; but a verb with an object after it ("acknowledged the point")
/// or after a bare auxiliary ("X, according to Y, have noted other data") closes no speech.
#[test]
fn a_sentence_closed_by_a_verb_of_saying_is_reported_speech() {
    let opening = "Alex Lagakos, an energy analyst, spoke on Tuesday. ";
    for verb in ["noted", "argued", "explained", "insisted", "cautioned"] {
        let sentence = format!("{opening}The estimated cost is six billion euros, he {verb}.");
        assert_eq!(
            only_clause(&sentence, "The estimated cost is six billion euros").as_deref(),
            Some("Alex Lagakos"),
            "{verb}"
        );
    }
    let inverted =
        format!("{opening}Online training helped people learn new skills, explained Mr Lagakos.");
    assert_eq!(
        only_clause(&inverted, "Online training helped people learn new skills").as_deref(),
        Some("Alex Lagakos")
    );
    for not_speech in [
        "Lagakos, who had moved to the US in early December, acknowledged the point.",
        "Parmalat, the Italian food group at the centre of the scandal, has reported a profit.",
    ] {
        let found = reported(&format!("Headline here\n\n{opening}{not_speech}"));
        assert!(found.is_empty(), "{not_speech}: {found:?}");
    }
}

/// "according to X" between commas before the sentence's own verb vouches for the whole
/// sentence ("The biggest culprit, according to the EPA, is the power adaptor"), not for
/// the words after it; without the commas it vouches for a detail only; and a title holding
/// "According" is no attribution.
#[test]
fn according_to_between_commas_attributes_the_whole_sentence() {
    let sentence = "The biggest culprit, according to the Environmental Protection Agency, is \
                    the innocuous power adaptor.";
    assert_eq!(
        only_clause(sentence, sentence.trim_end_matches('.')).as_deref(),
        Some("Environmental Protection Agency")
    );
    for not_speech in [
        "Music services, of which there are now 230 according to recent figures, could drive \
         more openness.",
        "Jessica Stevenson will star in the sitcom The World According to Bex, penned by Fred \
         Barron.",
    ] {
        let found = reported(&format!("Headline here\n\n{not_speech}"));
        assert!(found.is_empty(), "{not_speech}: {found:?}");
    }
}

/// "The statement said" and "the report added" speak for whoever issued it when the article
/// names them: the subject speaking "in a statement", the author "by"/"from", the owner
/// ("Oxfam's report"), also past earlier references to it; else the document itself.
#[test]
fn a_statement_or_report_speaks_for_whoever_issued_it() {
    speakers_are(&[
        (
            "Late on Sunday, President Donald Trump, in a statement delivered via the press \
             secretary, announced troops would leave. The statement also said the troops had \
             won. Turkey would guard the fighters whom, the statement said, European nations \
             have refused to take back.",
            "European nations have refused",
            Some("Donald Trump"),
        ),
        (
            "A report by the National Audit Office was published on Monday. The report said \
             many projects had run over their budgets.",
            "many projects had run",
            Some("National Audit Office"),
        ),
        (
            "Oxfam's report on aid came out in June. The report said rich countries had failed \
             to meet their targets.",
            "rich countries had failed",
            Some("Oxfam"),
        ),
        (
            "According to a report on Wednesday by the National Audit Office, many projects \
             had run over their budgets.",
            "many projects had run",
            Some("National Audit Office"),
        ),
        (
            "A report was published on Monday. The report said many projects had run over \
             their budgets.",
            "many projects had run",
            Some("report"),
        ),
    ]);
}

/// Headlines report in the present tense: "Greek prime minister reaffirms EastMed pipeline
/// project is open" reports what he said, as "reaffirmed" would.
#[test]
fn a_headline_in_the_present_tense_reports_a_clause() {
    for verb in ["reaffirms", "underlines", "says"] {
        let text = format!(
            "Greek prime minister {verb} pipeline project is open for other countries\n\n\
             Kyriakos Mitsotakis spoke in Washington on Tuesday."
        );
        let found = reported(&text);
        let clauses: Vec<&str> = found.iter().map(|(clause, _)| clause.as_str()).collect();
        assert_eq!(
            clauses,
            ["pipeline project is open for other countries"],
            "{verb}"
        );
    }
}

/// An organisation named before "which said" speaks, not the phrase around it ("research
/// from net analyst WebSideStory which suggested that" is WebSideStory's).
#[test]
fn an_organisation_before_which_said_speaks() {
    speakers_are(&[
        (
            "The figures echo research from net analyst WebSideStory which suggested that \
             the browser had lost users.",
            "the browser had lost users",
            Some("WebSideStory"),
        ),
        (
            "The advice came from the Low Pay Commission which said the number of jobs had \
             continued to grow.",
            "the number of jobs",
            Some("Low Pay Commission"),
        ),
    ]);
}

/// "A Home Office spokesman said … The spokesman stressed …, he said": the spokesman just
/// described speaks on, not a person named only later.
#[test]
fn the_spokesman_just_described_speaks_on() {
    let body = "A Home Office spokesman said officials were working on it. The spokesman \
                stressed the UK would abide by its obligations. Only those children with a \
                package would be returned, he said. But Andrew Hogg, of the Medical \
                Foundation, said ministers had failed.";
    for words in ["the UK would abide", "Only those children"] {
        assert_eq!(
            speaker_of(&format!("Title\n\n{body}"), words).as_deref(),
            Some("Home Office spokesman"),
            "{words}"
        );
    }
}

/// A group closing the sentence speaks as one opening it does ("…, analysts said."), and an
/// adverb between auxiliary and verb hides no subject ("Yukos has always insisted").
#[test]
fn a_group_closing_a_sentence_and_an_adverb_before_the_verb() {
    clauses_are(&[(
        "The conditions are set for steady growth in 2005, analysts said.",
        "The conditions are set for steady growth in 2005",
        "analysts",
    )]);
    for adverb in ["always", "consistently", "long", "now"] {
        let sentence = format!("Yukos has {adverb} insisted the auction was theft.");
        assert_eq!(
            only_clause(&sentence, "the auction was theft").as_deref(),
            Some("Yukos"),
            "{adverb}"
        );
    }
}

/// "and that" adds a second clause to a first written without "that": the report runs from
/// the verb ("said the economy was strong and that inflation had eased"), and where the
/// second clause holds marked words the first is still reported ("underlined they keep
/// channels open and that he would be "very happy""). Not past the speaker's name ("said Mr
/// Blair and that …" opens no clause at the name).
#[test]
fn a_clause_without_that_coordinated_with_one_with_that() {
    assert_eq!(
        only_clause(
            "Web tracking company Envisional said 18% of downloaders were from the UK and \
             that downloads had increased by 150%.",
            "18% of downloaders were from the UK and that downloads had increased by 150%"
        )
        .as_deref(),
        Some("Envisional")
    );
    let body = "Kyriakos Mitsotakis spoke on Friday. Mitsotakis underlined they keep \
                channels to Turkey open for dialog and that he would be \"very happy if \
                Turkey were to reconsider\".";
    assert_eq!(
        only_clause(body, "they keep channels to Turkey open for dialog").as_deref(),
        Some("Kyriakos Mitsotakis")
    );
    let found = reported(
        "Title\n\nThe search engines were helping users, said Suranga Chandratillake and \
         that it was likely people would use different ones.",
    );
    assert!(
        found
            .iter()
            .all(|(clause, _)| !clause.contains("Chandratillake")),
        "{found:?}"
    );
}

/// "according to X," after a clause of its own: that clause is what X says, not the words
/// after the comma ("While only 10–15% own a fursuit according to a 2011 study, 908 …");
/// after a mere conjunction, what follows the comma is ("But according to recent reports,
/// the authorities have tightened controls"), past a description of the source ("According to
/// Tom Frieden, formerly the director of the CDC, the pandemic is …").
#[test]
fn according_to_after_a_clause_reads_that_clause() {
    assert_eq!(
        only_clause(
            "While only 10–15% of people within the fandom own a fursuit according to a 2011 \
             study, 908 of the 2240 attendees brought one this year.",
            "only 10–15% of people within the fandom own a fursuit"
        )
        .as_deref(),
        Some("a 2011 study")
    );
    clauses_are(&[(
        "But according to recent reports from China, the authorities have tightened controls.",
        "the authorities have tightened controls",
        "recent reports from China",
    )]);
    // Past the source's description.
    assert_eq!(
        only_clause(
            "According to Tom Frieden, formerly the director of the CDC, the pandemic is \
             spreading fast.",
            "the pandemic is spreading fast"
        )
        .as_deref(),
        Some("Tom Frieden")
    );
}

/// "expressed hope (concern, fears) that" reports what follows; a comma opening the clause
/// is not part of it ("said that, so far, it had not seen many copies"); and "Having said
/// that," is an idiom, no report.
#[test]
fn expressed_hope_that_reports_and_having_said_that_does_not() {
    assert_eq!(
        only_clause(
            "Mustafa al-Kadhimi expressed hope that visas for Iranian pilgrims would be \
             abolished soon.",
            "visas for Iranian pilgrims would be abolished soon"
        )
        .as_deref(),
        Some("Mustafa al-Kadhimi")
    );
    clauses_are(&[(
        "Finnish anti-virus firm F-Secure said that, so far, it had not seen many copies.",
        "so far, it had not seen many copies",
        "F-Secure",
    )]);
    let found = reported("Title\n\nHaving said that, Burnley are yet to concede a goal.");
    assert!(found.is_empty(), "{found:?}");
}

/// A short sentence after a quote that only says who spoke attributes it (`"…" Hailey later
/// recalled.`), not one where the verb takes an object (`"…" The Taliban have claimed
/// responsibility.`); and so does a signature line (`"…" — Aparna Garg, Railway Manager`).
#[test]
fn a_sentence_or_a_signature_after_a_quote_names_its_speaker() {
    speakers_are(&[
        (
            "Arthur Hailey wrote novels. He took up writing late.\n\n\"I fell to daydreaming. \
             I visualised the pilots.\" Hailey later recalled. The broadcaster bought the play.",
            "I fell to daydreaming",
            Some("Arthur Hailey"),
        ),
        (
            "The railway changed.\n\n\"More women are getting into technical fields.\"  — \
             Aparna Garg, Divisional Railway Manager\n\nThe end came.",
            "More women",
            Some("Aparna Garg"),
        ),
        (
            "A source in the Interior Ministry reportedly said \"I was told to hide it.\" The \
             Taliban have claimed responsibility.",
            "I was told",
            Some("Interior Ministry"),
        ),
    ]);
}

/// A quote of the headline that nothing there attributes is the words of the person the
/// article quotes saying them; not of a described speaker, who may only use the term.
#[test]
fn a_headline_quote_is_said_by_whoever_the_article_quotes_saying_it() {
    assert_eq!(
        first_direct_speaker(
            "Job cuts 'false economy'\n\nPlans to shed 71,000 jobs will prove to be a \"false \
             economy\", said TUC leader Brendan Barber."
        )
        .as_deref(),
        Some("Brendan Barber")
    );
    assert_eq!(
        first_direct_speaker(
            "Robots learn 'robotiquette' rules\n\nRobots are learning robotiquette rules, \
             researchers said."
        ),
        None
    );
}

/// A count may open a clause after a verb of saying, in figures or words and after a bound
/// ("more than", "around"), when its verb follows within a short noun phrase; not a count
/// that is no subject ("20 times that", "500 job cuts"), nor a number in a listener's name.
#[test]
fn a_clause_may_open_with_a_count() {
    clauses_are(&[
        (
            "Police said 20 people were killed in the crash.",
            "20 people were killed in the crash",
            "Police",
        ),
        (
            "Mary Jones said more than 3,000 jobs would go.",
            "more than 3,000 jobs would go",
            "Mary Jones",
        ),
        (
            "Reuters estimated around 200 people attended the event.",
            "around 200 people attended the event",
            "Reuters",
        ),
        (
            "Vince Cable said 40% of all pensioners were paying tax.",
            "40% of all pensioners were paying tax",
            "Vince Cable",
        ),
        (
            "Mary Jones said two million children were at risk.",
            "two million children were at risk",
            "Mary Jones",
        ),
        // A part of a whole, and a verb in the past before "at least".
        (
            "Organizers reported this year 908 of the 2240 attendees brought at least one \
             outfit.",
            "908 of the 2240 attendees brought at least one outfit",
            "Organizers",
        ),
        (
            "Unilever said European sales fell 2.8% last year.",
            "European sales fell 2.8% last year",
            "Unilever",
        ),
    ]);
    for sentence in [
        "Mary Jones announced 500 job cuts on Monday.",
        "Mary Jones said 20 times that nothing would change.",
        "Imelda Staunton told BBC News 24 she had not thought the film would win.",
    ] {
        let found = reported(&format!("Headline here\n\n{sentence}"));
        assert!(
            found
                .iter()
                .all(|(text, _)| !text.starts_with(char::is_numeric)),
            "{sentence}: {found:?}"
        );
    }
}

/// A verb of saying after an article or a quantifier is a noun ("a warning sign that", "the
/// claims that"), not a report; an adverb in "-ly" between subject and verb hides no subject
/// ("a UN report eventually concluded"), while a noun in "-ly" is one ("the family said"); a
/// described speaker ends before its relative word ("a viewer who said").
#[test]
fn nouns_adverbs_and_relatives_around_a_verb_of_saying() {
    for body in [
        "The decline of the dollar is a warning sign that current trends cannot continue.",
        "The trial focused on the claims that Mr Smith may have had foreknowledge.",
        "This year, a predicted two billion people will own a mobile.",
    ] {
        let found = reported(&format!("Headline here\n\n{body}"));
        assert!(found.is_empty(), "{body}: {found:?}");
    }
    clauses_are(&[(
        "A UN report eventually concluded that evidence supported his murder.",
        "evidence supported his murder",
        "United Nations",
    )]);
    clauses_are(&[(
        "The family said that he had died peacefully.",
        "he had died peacefully",
        "family",
    )]);
    clauses_are(&[(
        "The show angered a viewer who said that he was disgusted.",
        "he was disgusted",
        "viewer",
    )]);
}

/// A title another role word opens names another office: "the prime minister" is not the
/// deputy prime minister named since, and "the deputy prime minister" is; a more specific
/// reference ("the health minister") is not a minister of something else.
#[test]
fn a_deputy_holds_another_office() {
    let body = "Prime Minister Tony Blair met Deputy Prime Minister John Prescott on Monday. \
                The prime minister said: \"We agree.\" The deputy prime minister said: \
                \"We do.\"";
    speakers_are(&[
        (body, "We agree.", Some("Tony Blair")),
        (body, "We do.", Some("John Prescott")),
    ]);
    let body = "Civil Aviation Minister Hardeep Puri visited the site. The local health \
                minister said: \"The injured are in hospital.\"";
    assert_ne!(
        speaker_of(&format!("Title\n\n{body}"), "injured").as_deref(),
        Some("Hardeep Puri")
    );
}

/// A verb of saying after a subject of its own takes no speaker from after it: "It claims
/// Tony Blair felt …" is not Tony Blair's words, while "…," said Mary Jones is hers.
#[test]
fn a_name_after_the_verb_speaks_only_in_an_inversion() {
    let found =
        reported("Headline here\n\nIt claims Tony Blair felt he had lost the trust of voters.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_ne!(found[0].1.as_deref(), Some("Tony Blair"), "{found:?}");
    speakers_are(&[(
        "\"We will win,\" said Mary Jones on Monday.",
        "We will win",
        Some("Mary Jones"),
    )]);
}

/// After a quotation: "said a METI official" is the official, described (an organisation's
/// name may stand before the role); "said his father, Abdullah Kurdi" is the person named in
/// apposition; '"…," according to John Binks, director of GfK' is John Binks's, and what
/// describes him is no reported speech; but a quotation inside a sentence of its own stays
/// its subject's ('Pelosi called it a "breach …," according to NBC').
#[test]
fn attributions_after_a_quotation() {
    let earlier = "William Lerach said he was pleased. ";
    speakers_are(&[
        (
            &format!("{earlier}\"The outlook is positive,\" said a METI official."),
            "outlook",
            Some("METI official"),
        ),
        (
            &format!("{earlier}\"This day is very hard for me,\" said his father, Abdullah Kurdi."),
            "very hard",
            Some("Abdullah Kurdi"),
        ),
        (
            "\"The UK is the largest market,\" according to John Binks, director of GfK.",
            "largest market",
            Some("John Binks"),
        ),
        (
            "Nancy Pelosi called it a \"breach of his responsibilities,\" according to NBC.",
            "breach",
            Some("Nancy Pelosi"),
        ),
    ]);
    let found = reported(
        "Headline\n\n\"The UK is the largest market,\" according to John Binks, director of GfK.",
    );
    assert!(found.is_empty(), "{found:?}");
}

/// A quotation opening a paragraph with no attribution of its own goes on from the one
/// named speaking last before it ("Dan Jolin … says …" then his words); not from a pronoun.
#[test]
fn a_paragraph_of_quotation_goes_on_from_the_last_speaker() {
    speakers_are(&[
        (
            "Dan Jolin, reviews editor of Empire magazine, says classic shows have an \
             audience.\n\n\"I can understand why people are taking these properties.\"",
            "I can understand",
            Some("Dan Jolin"),
        ),
        (
            "Steve Ash met the panel. The hard part is knowing who they say they are.\n\n\
             \"The end solution is a method with two parts.\"",
            "end solution",
            None,
        ),
    ]);
}

/// After a quotation, a title opened by a place names the person after it ("said US
/// Attorney Roslynn Mauskopf"), "one reviewer" is described as "a reviewer" is, and a
/// person's name may be followed by a short description before the verb.
#[test]
fn titled_and_described_speakers_after_a_quotation() {
    speakers_are(&[
        (
            "\"They used the tools to defraud the public,\" said US Attorney Roslynn Mauskopf.",
            "defraud",
            Some("Attorney Roslynn Mauskopf"),
        ),
        (
            "\"This film is hamstrung by grandiosity,\" wrote one reviewer in Rolling Stone.",
            "hamstrung",
            Some("reviewer"),
        ),
        (
            "\"Trump treats the rule of law with contempt,\" Xavier Becerra, the attorney \
             general of California, said.",
            "contempt",
            Some("Xavier Becerra"),
        ),
    ]);
}

/// The name before ", who said" or ", which argues" speaks, whatever stands before it ("denied
/// by Peter Mandelson, who said"), but not an organisation inside a description ("Mark Hay,
/// a marine ecologist at GT, who said" is not GT's); groups of people speak as described
/// ("Several Opec members said", "Global business leaders say"), and so does one of them
/// ("One analyst suggested").
#[test]
fn relatives_groups_and_one_of_a_group_speak() {
    clauses_are(&[
        (
            "That charge was denied by Peter Mandelson, who said the Tories were afraid.",
            "the Tories were afraid",
            "Peter Mandelson",
        ),
        (
            "Several Opec members said on Tuesday that a cut was unlikely.",
            "a cut was unlikely",
            "Several Opec members",
        ),
        (
            "Global business leaders say that they face new rules.",
            "they face new rules",
            "Global business leaders",
        ),
        (
            "One analyst suggested that a bidding battle may begin.",
            "a bidding battle may begin",
            "analyst",
        ),
    ]);
    no_clause_is_said_by(
        "The work was led by Mark Hay, a marine ecologist at Georgia Tech University, who \
         said that fish were needed.",
        "Georgia Tech University",
    );
}

/// Commas around a word like "however" set off a parenthesis, not an appositive: "Vivendi,
/// however, has said that …" is Vivendi's; "Nancy Pelosi, the Speaker, also said" is still
/// Nancy Pelosi's.
#[test]
fn a_parenthesis_between_subject_and_verb_hides_no_subject() {
    clauses_are(&[(
        "Vivendi, however, has said that the information was public.",
        "the information was public",
        "Vivendi",
    )]);
    clauses_are(&[(
        "Nancy Pelosi, the Speaker of the House, also said that a vote would be held.",
        "a vote would be held",
        "Nancy Pelosi",
    )]);
}

/// "said the 22-year-old", "The 55-year-old Frenchman told": a reference by age is the
/// person the article is about, as "he" would be; a long description may stand between a
/// name after a quotation and its verb.
#[test]
fn a_reference_by_age_is_the_person_written_about() {
    speakers_are(&[
        (
            "Jason Gardener won the 60m title in Birmingham. \"You'll see me in Madrid,\" \
             said the 29-year-old.",
            "Madrid",
            Some("Jason Gardener"),
        ),
        (
            "Arsene Wenger has signed a new deal.\n\nThe 55-year-old Frenchman told the \
             club's website: \"My intention has always been clear.\"",
            "intention",
            Some("Arsene Wenger"),
        ),
        (
            "\"There will be a relaxation of fiscal policy,\" Glenn Maguire, chief economist \
             for the region at Societe Generale, told the BBC.",
            "fiscal policy",
            Some("Glenn Maguire"),
        ),
    ]);
}

/// '"…," said the report' is whoever issued the report, or the organisation just named, or
/// else the report itself; "says the announcement may come" is no attribution to it.
#[test]
fn a_document_after_a_quotation_speaks_for_its_issuer() {
    speakers_are(&[
        (
            "A separate study by Gartner looked at mobile TV. \"Technical issues must be \
             resolved first,\" said the report.",
            "Technical issues",
            Some("Gartner"),
        ),
        (
            "\"He fully supports the party's policies,\" said the statement.",
            "fully supports",
            Some("statement"),
        ),
    ]);
    let found = reported("Headline\n\nMary Jones says the announcement may come in the summer.");
    assert_eq!(
        found,
        [(
            "the announcement may come in the summer".to_string(),
            Some("Mary Jones".to_string())
        )]
    );
}

/// MPs speak as a group, with or without an article ("MPs said", "the MPs said"), and a
/// publication named before its kind speaks as described ("Broadcast magazine said").
#[test]
fn mps_and_publications_speak_as_described() {
    clauses_are(&[(
        "MPs said the law should be changed to require mediation.",
        "the law should be changed to require mediation",
        "MPs",
    )]);
    speakers_are(&[
        (
            "The committee met. \"A template would not work,\" the MPs said.",
            "template",
            Some("MPs"),
        ),
        (
            "Broadcast magazine said: \"British TV never realised how low it could go.\"",
            "British TV",
            Some("Broadcast magazine"),
        ),
    ]);
}

/// A group of people opening a clause after an introductory phrase speaks as described
/// ("In Sri Lanka, some economists have said that", "…, and local officials said").
#[test]
fn a_group_opening_a_clause_after_a_comma_speaks() {
    clauses_are(&[
        (
            "In Sri Lanka, some economists have said that growth may be lost.",
            "growth may be lost",
            "some economists",
        ),
        (
            "The roof fell in, and local officials said there was danger of collapse.",
            "there was danger of collapse",
            "local officials",
        ),
        (
            "Sales slowed, wine makers claimed the support did not go far enough.",
            "the support did not go far enough",
            "wine makers",
        ),
    ]);
}

/// A country opening the sentence speaks for its government in reported speech ("Malaysia
/// said", "The US says"); not a place inside another subject ("Mr Mubanga, from Wembley,
/// London, said" is his, "researchers in the United States reported" theirs).
#[test]
fn a_country_opening_its_sentence_speaks() {
    clauses_are(&[
        (
            "Malaysia said as many as 1,000 fishermen will be affected.",
            "as many as 1,000 fishermen will be affected",
            "Malaysia",
        ),
        (
            "The US says he will not have to give up his citizenship.",
            "he will not have to give up his citizenship",
            "United States",
        ),
    ]);
    no_clause_is_said_by(
        "Researchers at two universities, both in the United States, reported warming seas \
         appear to weaken corals.",
        "United States",
    );
}

/// Lower-case words closing a sentence inside quotation marks after "is" or "for" are
/// someone's words, not a term ('the pandemic is "unprecedented."', 'went on for "years."'),
/// attributed past a title ("According to Dr. Tom Frieden, …"); and a capitalised word inside
/// a name is no verb of saying ("States" in "the United States' Centers for Disease Control").
#[test]
fn closing_words_in_marks_are_quotations_and_names_hold_no_verbs() {
    speakers_are(&[
        (
            "According to Dr. Tom Frieden, formerly the director of the United States' Centers \
             for Disease Control and Prevention, the pandemic is \"unprecedented.\"",
            "unprecedented",
            Some("Tom Frieden"),
        ),
        (
            "President Donald Trump claims he would be okay if the shutdown went on for \
             \"years.\"",
            "years",
            Some("Donald Trump"),
        ),
    ]);
    let found = reported(
        "Headline\n\nPresident Donald Trump claims he would be okay if the shutdown went on \
         for \"years.\"",
    );
    assert!(found.is_empty(), "{found:?}");
}

/// A verb of saying with a subject before it, even one that names no one known, does not take
/// the name opening its clause as its speaker: "The spokesman said Google would pay" is not
/// Google's word, "His associates have alleged Navalny was poisoned" not Navalny's. After a
/// quotation or at a sentence's start the name after the verb still speaks.
#[test]
fn the_subject_of_a_reported_clause_is_not_its_speaker() {
    no_clause_is_said_by("The spokesman said Google would pay.", "Google");
    no_clause_is_said_by(
        "His associates have alleged Navalny was poisoned.",
        "Navalny",
    );
    no_clause_is_said_by(
        "Opposition MPs said Mr Vantonen should be judged by results.",
        "Vantonen",
    );
    speakers_are(&[(
        "\"The markets will recover,\" said Ilse Vantonen, an economist.",
        "markets will recover",
        Some("Ilse Vantonen"),
    )]);
}

/// A verb of saying inside a relative clause reports what follows its auxiliary: "which
/// analysts say could have …" is the analysts' claim, "which Yukos claims was illegally sold"
/// Yukos's; not a relative with no auxiliary after the verb.
#[test]
fn a_relative_clause_may_report_speech() {
    clauses_are(&[
        (
            "The ruling made proclamations which analysts say could have far-reaching implications.",
            "could have far-reaching implications",
            "analysts",
        ),
        (
            "The court ruling is a blow to efforts to get damages for the sale of Yugansk, which \
             Yukos claims was illegally sold to the state.",
            "was illegally sold to the state",
            "Yukos",
        ),
    ]);
    assert_eq!(
        reported("Headline\n\nThe firm hired staff which analysts say they like."),
        Vec::new()
    );
}

/// A name quoted after "described by X as" is X's word, not the word of the one so named:
/// 'Mancini has been described by the Daily Hive as a "squirrel whisperer"'.
#[test]
fn a_name_given_by_someone_is_theirs() {
    speakers_are(&[
        (
            "Lisa Mancini has been described by the Daily Hive as a \"squirrel whisperer\".",
            "squirrel whisperer",
            Some("Daily Hive"),
        ),
        (
            "Chief executive Steve Jobs showed the machine. It was described by Jobs as the \
             \"most important Mac\" made by Apple.",
            "most important Mac",
            Some("Steve Jobs"),
        ),
    ]);
}

/// The seats of government speak for it, as the Kremlin and the White House do: "Downing
/// Street said", "Scotland Yard said" (assets/organisations.tsv).
#[test]
fn a_seat_of_government_speaks_for_it() {
    clauses_are(&[
        (
            "Downing Street said the talks would go ahead.",
            "the talks would go ahead",
            "Downing Street",
        ),
        (
            "Scotland Yard said the operation had been reviewed.",
            "the operation had been reviewed",
            "Scotland Yard",
        ),
    ]);
}

/// A group opening a clause of its own after a conjunction speaks: "fewer jobs than
/// expected, but analysts said that …".
#[test]
fn a_group_after_a_conjunction_speaks() {
    clauses_are(&[(
        "The US created fewer jobs than expected but analysts said that the dip was not enough.",
        "the dip was not enough",
        "analysts",
    )]);
}

/// A plural after a verb of saying in the past is its object ("denied reports that",
/// "rejected claims that"): the clause is the first verb's, as after "denied that". "Reports
/// said" keeps its verb.
#[test]
fn reports_denied_are_the_deniers_clause() {
    clauses_are(&[(
        "Kim Clijsters has denied reports that she has pulled out of the Open.",
        "she has pulled out of the Open",
        "Kim Clijsters",
    )]);
    let found = reported("Headline\n\nReports said the firm had been offered a stake.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "the firm had been offered a stake");
}

/// Dashes set off an appositive between a subject and its verb as commas do: "Fund manager
/// Florian Hamm - Borussia Dortmund's largest investor - said".
#[test]
fn dashes_set_off_an_appositive() {
    clauses_are(&[(
        "Fund manager Florian Hamm - Borussia Dortmund's largest investor - said he would \
         invest more.",
        "he would invest more",
        "Florian Hamm",
    )]);
}

/// Someone unnamed, described right after a quotation, speaks as described: '"…," said the
/// radio station.'
#[test]
fn a_description_after_a_quote_speaks() {
    speakers_are(&[(
        "The three DJs will keep their shows. \"It is widely accepted that John Peel can never \
         be replaced,\" said the radio station.",
        "John Peel can never be replaced",
        Some("radio station"),
    )]);
}

/// "…, according to Mr Oudendijk." past the title as "According to Dr. Tom Frieden, …" is:
/// the rule lives where every "according to" reads its name.
#[test]
fn according_to_a_titled_name_after_the_clause() {
    let found = reported(
        "Headline\n\nAlexander Oudendijk leads the firm. LCD prices dropped by 43% in Europe last \
         year, according to Mr Oudendijk.",
    );
    assert_eq!(
        found,
        vec![(
            "LCD prices dropped by 43% in Europe last year".to_string(),
            Some("Alexander Oudendijk".to_string())
        )]
    );
}

/// When it was said may stand between the speaker and the verb: "The Times on Monday said",
/// "the ministry last week said". Not across a comma: in "designed by X on Friday, said Ms
/// Prophet" X is no subject.
#[test]
fn a_time_between_speaker_and_verb_is_skipped() {
    clauses_are(&[(
        "The Guardian on Friday reported that the deal was off.",
        "the deal was off",
        "The Guardian",
    )]);
    let text = "Headline\n\nMeghan Prophet is her agent. He gave her a ring designed by \
                jeweller Stephen Webster on Friday, said Ms Prophet.";
    assert_ne!(
        speaker_of(text, "He gave her a ring").as_deref(),
        Some("Stephen Webster")
    );
}

/// Whoever was told something is not who says the next quotation: after '"…," the athlete
/// told Reuters.' the words that follow are the athlete's still.
#[test]
fn the_one_told_is_not_the_next_speaker() {
    let text = "Headline\n\nPaula Radcliffe called for bans. \"Doping is a crime,\" the \
                athlete told Reuters. \"It cheats other athletes.\"";
    assert_eq!(
        speaker_of(text, "Doping is a crime"),
        speaker_of(text, "It cheats other athletes")
    );
    assert_ne!(
        speaker_of(text, "It cheats other athletes").as_deref(),
        Some("Reuters")
    );
}

/// "The company said" is the organisation the article is about so far; "the US investment
/// bank said" may be another and stays a description.
#[test]
fn the_company_is_the_organisation_named() {
    let text = "Headline\n\nZorvex Industries cut 300 jobs. Zorvex Industries makes pumps, and \
                Reuters reported the cuts. The company said that demand had fallen.";
    let found = reported(text);
    let said = found
        .iter()
        .find(|(clause, _)| clause.starts_with("demand had fallen"))
        .expect("the clause");
    assert_eq!(said.1.as_deref(), Some("Zorvex Industries"));
}

/// In the passive the subject is what was said, or who heard it, never who spoke: "After it
/// was revealed that …", "Doherty was told that …".
#[test]
fn the_subject_of_a_passive_is_no_speaker() {
    let text = "Headline\n\nThe Acme Group praised the campaign. After it was revealed that his \
                aide had tested positive, the rally went ahead. Pete Doherty was told that he \
                would need a security escort.";
    for (clause, speaker) in reported(text) {
        assert!(
            !matches!(speaker.as_deref(), Some("Acme Group" | "Pete Doherty")),
            "{clause:?} given to {speaker:?}"
        );
    }
}

/// A quotation that opens a paragraph after one ending with a colon is introduced by that
/// paragraph's last sentence, not its first verb of saying ("access in a total of 15 states"),
/// and by the person that sentence opens with when it has no such verb.
#[test]
fn a_quotation_after_a_colon_is_introduced_by_the_last_sentence() {
    let text = "Headline\n\nThe ticket has ballot access in a total of 15 states. Darcy \
                Richardson had his own opinion. He provided us with a message he sent:\n\n\
                \"Please let Rocky know that I will withdraw.\"\n\nAIP chairman Markham \
                Robinson reflects this view in comments:\n\n\"It is the AIP position.\"";
    assert_eq!(
        speaker_of(text, "Please let Rocky").as_deref(),
        Some("Darcy Richardson")
    );
    assert_eq!(
        speaker_of(text, "It is the AIP position").as_deref(),
        Some("Markham Robinson")
    );
}

/// "According to the WHO, …" is the organisation's (was the description "WHO"), and so is a
/// clause that ends "…, according to the Financial Times."; "according to the UK's biggest
/// bookmaker" is not the UK's.
#[test]
fn according_to_the_organisation_is_the_organisation() {
    let text = "Headline\n\nMeasles spread. According to the WHO, the number of cases rose. \
                Mr Glazer is advised by NM Rothschild, according to the Financial Times. \
                According to the UK's biggest bookmaker, the film will win.";
    let found = reported(text);
    let speaker = |start: &str| {
        found
            .iter()
            .find(|(clause, _)| clause.starts_with(start))
            .unwrap_or_else(|| panic!("no clause {start:?} in {found:?}"))
            .1
            .clone()
    };
    assert_eq!(
        speaker("the number of cases rose").as_deref(),
        Some("World Health Organization")
    );
    assert_eq!(speaker("Mr Glazer").as_deref(), Some("Financial Times"));
    assert_ne!(
        speaker("the film will win").as_deref(),
        Some("United Kingdom")
    );
}

/// A description of a speaker is a noun phrase, not a clause or a date that parsing cut out of
/// the sentence: "In a story he sometimes told, …" is no one's named "story he sometimes", and
/// "According to a March 14, 2019 press release" no one's named "a March 14".
#[test]
fn a_clause_cut_from_a_sentence_describes_no_speaker() {
    let text = "Headline\n\nBaker began playing drums. In a story he sometimes told, he had a \
                habit of tapping on desks. According to a March 14, 2019 NATO press release, \
                Hungary spent 1.15% of its GDP on defence.";
    for (clause, speaker) in reported(text) {
        assert!(
            !matches!(
                speaker.as_deref(),
                Some("story he sometimes" | "a March 14")
            ),
            "{clause:?} given to {speaker:?}"
        );
    }
}
