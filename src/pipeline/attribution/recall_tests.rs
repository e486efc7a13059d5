//! Unit tests for the recall rules of issue 15: one invented sentence (or two) per construction.

use super::*;

fn doc(paragraphs: &[&[&str]]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (p, sentences) in paragraphs.iter().enumerate() {
        for s in sentences.iter() {
            out.push(Sentence {
                paragraph: p + 1,
                line: p + 1,
                span: offset..offset + s.len(),
                text: s.to_string(),
            });
            offset += s.len() + 1;
        }
    }
    out
}

fn one(s: &str) -> Attribution {
    Attributor::new().attribute(&doc(&[&[s]])).remove(0)
}

fn check(a: &Attribution, cue: &str, source: &str, kind: Option<CueKind>) {
    assert_eq!(
        (a.cue.as_str(), a.source.as_str(), a.cue_kind),
        (cue, source, kind),
        "{a:?}"
    );
}

#[test]
fn thought_verbs_are_cues_of_kind_thought() {
    let a = one("The mayor believes the bridge will reopen by May.");
    check(&a, "believes", "The mayor", Some(CueKind::Thought));
    let a = one("Harlan wants the council to delay the vote.");
    check(&a, "wants", "Harlan", Some(CueKind::Thought));
}

#[test]
fn the_writers_own_i_think_is_no_attribution() {
    let a = one("I think the bridge will reopen by May.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn verbs_of_judgement_are_speech_cues() {
    let a = one("The mayor rejected the auditor's report on Tuesday.");
    check(&a, "rejected", "The mayor", Some(CueKind::Speech));
    let a = one("The union warned that the plant could close.");
    check(&a, "warned", "The union", Some(CueKind::Speech));
    let a = one("The ferry operator acknowledged that two sailings were cancelled.");
    check(
        &a,
        "acknowledged",
        "The ferry operator",
        Some(CueKind::Speech),
    );
}

#[test]
fn findings_and_estimates() {
    let a = one("The survey found that rents rose 9 percent.");
    check(&a, "found", "The survey", Some(CueKind::Finding));
    let a = one("Economists estimated the storm cost $40 million.");
    check(&a, "estimated", "Economists", Some(CueKind::Finding));
}

#[test]
fn group_and_role_subjects() {
    let a = one("Shop owners said sales fell by a third during the roadworks.");
    check(&a, "said", "Shop owners", Some(CueKind::Speech));
    assert_eq!(a.source_kind, Some(SourceKind::Anonymous));
    let a = one("Several senators criticized the plan as too costly.");
    check(&a, "criticized", "Several senators", Some(CueKind::Speech));
    let a = one("The billionaire real estate developer said the tower will rise in 2028.");
    check(
        &a,
        "said",
        "The billionaire real estate developer",
        Some(CueKind::Speech),
    );
}

#[test]
fn a_document_source_makes_a_document_cue() {
    let a = one("The depot lost $2 million last year, according to an internal audit.");
    check(
        &a,
        "according to",
        "an internal audit",
        Some(CueKind::Document),
    );
    assert_eq!(a.source_kind, Some(SourceKind::Document));
}

#[test]
fn headline_cues() {
    let a = one("Governor Says Bridge Will Reopen");
    check(&a, "Says", "Governor", Some(CueKind::Speech));
    // Inside an ordinary sentence a capitalised cue is still part of a name.
    let a = one("Consumer Reports found the dryer unsafe.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn nested_credit_goes_to_the_outer_source() {
    let a = one("The contractor told the city it would finish by May, officials said.");
    check(&a, "said", "officials", Some(CueKind::Speech));
}

#[test]
fn a_source_split_by_its_cue() {
    let a = one("The plan, officials said, was drawn up in March.");
    check(&a, "said", "officials", Some(CueKind::Speech));
}

#[test]
fn a_colon_carries_the_source_to_the_quotation() {
    let s = doc(&[
        &["At the hearing, the harbor master said:"],
        &["“We had no warning at all.", "The radio was silent.”"],
    ]);
    let a = Attributor::new().attribute(&s);
    assert_eq!(a[0].source, "the harbor master", "{:?}", a[0]);
    for x in &a[1..] {
        assert_eq!(x.kind, AttributionKind::Carried, "{x:?}");
        assert_eq!(x.source, "the harbor master");
        assert_eq!(x.cue_kind, Some(CueKind::Speech));
    }
}

#[test]
fn a_subject_inside_a_subordinate_clause() {
    let a = one("He paid the fine, which she said was fair.");
    assert_eq!(a.source, "she", "{a:?}");
}

#[test]
fn a_titled_name_is_not_cut_before_its_office() {
    let a = one("Republican presidential hopeful Dana Voss says taxes will fall.");
    check(
        &a,
        "says",
        "Republican presidential hopeful Dana Voss",
        Some(CueKind::Speech),
    );
}

#[test]
fn a_post_on_social_media_is_credited_to_its_author() {
    let a = one("The senator wrote in a post on X that the vote was rigged.");
    assert_eq!(a.source, "The senator", "{a:?}");
}

#[test]
fn a_described_speaker_after_the_quotation_needs_no_listed_role() {
    let a = one("“The pier will be rebuilt,” said one longtime harbor confidant.");
    check(
        &a,
        "said",
        "one longtime harbor confidant",
        Some(CueKind::Speech),
    );
    let a =
        one("“It is coming,” said a strategist for the mayor, speaking on condition of anonymity.");
    check(
        &a,
        "said",
        "a strategist for the mayor",
        Some(CueKind::Speech),
    );
    let a = one("“Welcome home,” said master of ceremonies Asa Tabor.");
    check(
        &a,
        "said",
        "master of ceremonies Asa Tabor",
        Some(CueKind::Speech),
    );
}

#[test]
fn words_after_said_that_are_what_was_said_are_no_speaker() {
    // A quoted title or phrase before the cue is no quotation whose speaker follows.
    let a = one("The study, from the harbor institute, said the opposite.");
    assert_ne!(a.source, "the opposite", "{a:?}");
    let a = one("Ruiz, whose son sailed there, said the tape raises questions.");
    assert_ne!(a.source, "the tape raises questions", "{a:?}");
    let a = one("Ruiz, citing “the magic of the pier,” said the town could win in May.");
    assert_ne!(a.source, "the town could win", "{a:?}");
    let a = one("Ruiz, the host of “Harbor Nights,” reminded his staff about the early shows.");
    assert_ne!(a.source, "his staff about the early shows", "{a:?}");
    let a = one("Ruiz, the host of “Harbor Nights,” said in an interview with The Coast Herald that the show would end.");
    assert_ne!(a.source, "with The Coast Herald", "{a:?}");
}

#[test]
fn a_dateline_with_a_typed_dash_is_no_subject() {
    let a = one("MILLBROOK (Harbor Wire) - Port director Ana Ruiz said the pier would reopen.");
    check(&a, "said", "Port director Ana Ruiz", Some(CueKind::Speech));
    let a = one("MILLBROOK, Maine - Port director Ana Ruiz told reporters the pier would reopen.");
    check(
        &a,
        "told reporters",
        "Port director Ana Ruiz",
        Some(CueKind::Speech),
    );
}

#[test]
fn continued_before_a_colon_opens_what_is_said() {
    let a = one("The harbor master continued: “We will rebuild the pier by spring.”");
    check(&a, "continued", "The harbor master", Some(CueKind::Speech));
    // The colon's sentence gives its source to the quotation that follows it.
    let sentences = doc(&[&[
        "Rosa Lindqvist continued:",
        "“Nobody told us the pier would close.”",
    ]]);
    let both = Attributor::new().attribute(&sentences);
    check(
        &both[0],
        "continued",
        "Rosa Lindqvist",
        Some(CueKind::Speech),
    );
    assert_eq!(both[1].source, "Rosa Lindqvist", "{:?}", both[1]);
    // Not a cue when no colon follows: the talks went on, nobody spoke.
    let a = one("The talks continued into the night: nobody left.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn continued_is_a_cue_only_right_after_a_quotation() {
    let a = one("“We will rebuild the pier by spring,” the harbor master continued.");
    check(&a, "continued", "the harbor master", Some(CueKind::Speech));
    let a = one("“Nobody told us,” exclaimed Rosa Lindqvist.");
    check(&a, "exclaimed", "Rosa Lindqvist", Some(CueKind::Speech));
    let a = one("The strike continued for a week.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
    let a = one("Rosa Lindqvist answered every letter by hand.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn a_quotation_after_an_attributed_sentence_is_the_same_speaker() {
    let atts = Attributor::new().attribute(&doc(&[&[
        "The ferry will stop running on Friday, Lena Brandt says.",
        "“We cannot run it at a loss any longer.”",
    ]]));
    assert_eq!(atts[1].kind, AttributionKind::Carried, "{:?}", atts[1]);
    assert_eq!(atts[1].source, "Lena Brandt");
    // A sentence that is not a quotation stays the writer's.
    let atts = Attributor::new().attribute(&doc(&[&[
        "The ferry will stop running on Friday, Lena Brandt says.",
        "Ticket sales fell by half last year.",
    ]]));
    assert_eq!(atts[1].kind, AttributionKind::None, "{:?}", atts[1]);
}

#[test]
fn a_quoted_paragraph_continues_the_quoted_speaker_of_the_paragraph_before() {
    let atts = Attributor::new().attribute(&doc(&[
        &["“The pier is sinking,” harbor master Ole Dahl said."],
        &[
            "“We have asked the state for help.",
            "Nobody has answered yet.”",
        ],
    ]));
    for a in &atts[1..] {
        assert_eq!(a.kind, AttributionKind::Carried, "{a:?}");
        assert_eq!(a.source, "harbor master Ole Dahl", "{a:?}");
    }
    // After reported speech without a quotation, a new paragraph's quote is not given to it.
    let atts = Attributor::new().attribute(&doc(&[
        &["Harbor master Ole Dahl said the pier is sinking."],
        &["“We have asked the state for help.”"],
    ]));
    assert_eq!(atts[1].kind, AttributionKind::None, "{:?}", atts[1]);
}

#[test]
fn two_apostrophes_quote_like_a_double_mark() {
    let sentences = crate::pipeline::quotes::as_double(&doc(&[&[
        "''We will appeal the ruling,'' said Mara Holt.",
    ]]));
    let a = Attributor::new().attribute(&sentences).remove(0);
    check(&a, "said", "Mara Holt", Some(CueKind::Speech));
    assert_eq!(a.quote, QuoteKind::Direct, "{a:?}");
}

mod invariants {
    //! Property: whatever the text, every attribution with a source has a kind, and every span
    //! lies inside its sentence on character boundaries.

    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "said",
        "says",
        "told reporters",
        "according to",
        "continued",
        "believes",
        "found",
        "he",
        "she",
        "they",
        "it",
        "the gardener",
        "Officials",
        "Mara Holt",
        "Sen. Ivo Petrak",
        "a spokeswoman for Brightmill",
        "the report",
        "The Harbor Board",
        "“",
        "”",
        "\"",
        "'",
        "''",
        "‘",
        "’",
        ",",
        ".",
        ":",
        "—",
        "–",
        "and",
        "that",
        "who",
        "the bridge",
        "is unsafe",
        "must close",
        "on Monday",
        "café",
        "naïve",
        "日本",
        "reportedly",
        "per",
        "X:",
        "(AP)",
    ];

    fn sentence() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => prop::collection::vec(prop::sample::select(PIECES), 1..14).prop_map(|ws| {
                let mut s = ws.join(" ");
                s.push('.');
                s
            }),
            1 => "\\PC{0,40}",
        ]
    }

    fn document() -> impl Strategy<Value = Vec<Vec<String>>> {
        prop::collection::vec(prop::collection::vec(sentence(), 1..4), 1..4)
    }

    proptest! {
        #[test]
        fn sources_have_a_kind_and_spans_fit_their_sentence(paragraphs in document()) {
            let refs: Vec<Vec<&str>> = paragraphs
                .iter()
                .map(|p| p.iter().map(String::as_str).collect())
                .collect();
            let slices: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
            let sentences = crate::pipeline::quotes::as_double(&doc(&slices));
            let atts = Attributor::new().attribute(&sentences);
            prop_assert_eq!(atts.len(), sentences.len());
            for (i, (a, s)) in atts.iter().zip(&sentences).enumerate() {
                if !a.source.is_empty() {
                    prop_assert!(a.source_kind.is_some(), "no kind: {:?} in {:?}", a, s.text);
                    prop_assert!(a.named_source().is_some());
                }
                for r in [&a.cue_span, &a.source_span, &a.span].into_iter().flatten() {
                    prop_assert!(r.start <= r.end && r.end <= s.text.len(), "{:?} {:?}", r, s.text);
                    prop_assert!(
                        s.text.is_char_boundary(r.start) && s.text.is_char_boundary(r.end),
                        "{:?} {:?}", r, s.text
                    );
                }
                match a.kind {
                    AttributionKind::Explicit => prop_assert!(a.cue_span.is_some()),
                    AttributionKind::Carried => {
                        let k = a.carried_from;
                        prop_assert!(k.is_some_and(|k| k != i && atts[k].kind == AttributionKind::Explicit));
                        prop_assert!(a.span.is_none() && a.source_span.is_none());
                    }
                    AttributionKind::None => prop_assert!(a.source.is_empty() && a.cue.is_empty()),
                }
            }
        }
    }
}

#[test]
fn a_speaker_the_lexicon_lacks_still_has_a_kind() {
    // Issue 10: the reading that accepts "the gardener" decides its kind, once.
    let a = one("“The bridge is unsafe and must close at once,” the gardener said.");
    check(&a, "said", "the gardener", Some(CueKind::Speech));
    assert_eq!(a.source_kind, Some(SourceKind::Anonymous), "{a:?}");
}

#[test]
fn an_appositive_of_several_comma_chunks_is_skipped_to_the_name() {
    let a = one(
        "Ines Varga, a pollster who works with Harbor Watch, a tenants’ group, said the vote was close.",
    );
    check(&a, "said", "Ines Varga", Some(CueKind::Speech));
    let a = one("Dale Ruiz, the county engineer, an early critic of the plan, said it would fail.");
    check(&a, "said", "Dale Ruiz", Some(CueKind::Speech));
    // A list of places is no appositive of a speaker.
    let a = one("In Ames, Boone, Story City, officials said the roads were closed.");
    check(&a, "said", "officials", Some(CueKind::Speech));
}

#[test]
fn a_verb_after_a_name_is_no_appositive() {
    let a = one("Ada Marsh, 71, died in Dover on Sunday, said the family's lawyer.");
    assert_eq!(a.source, "the family's lawyer", "{a:?}");
}

#[test]
fn a_speaker_label_credits_its_turn() {
    let atts = Attributor::new().attribute(&doc(&[
        &["HOLLIS: Do you think the county can pay for the bridge?"],
        &[
            "BRANDT: We have asked the state for the money.",
            "Nobody has answered us yet.",
        ],
    ]));
    check(&atts[0], ":", "HOLLIS", Some(CueKind::Speech));
    check(&atts[1], ":", "BRANDT", Some(CueKind::Speech));
    assert_eq!(atts[2].kind, AttributionKind::Carried, "{:?}", atts[2]);
    assert_eq!(atts[2].source, "BRANDT");
    // A headline that credits a person.
    let a = one("Mayor Ruiz: The Bridge Will Reopen by Spring.");
    check(&a, ":", "Mayor Ruiz", Some(CueKind::Speech));
}

#[test]
fn labels_figures_and_lists_after_a_colon_are_no_speakers() {
    for s in [
        "Update: The road has reopened after the storm.",
        "Clinton: 1,769.",
        "Iowa: Tim Albrecht, Ann Rhee, Rob Barron and Jeff Boeyink.",
        "The Latest: The council votes on the bridge tonight.",
        "Contributing: Nora Bell and Ivan Dutt.",
        "Noteworthy: Cabral became the youngest player to debut for the club.",
    ] {
        let a = one(s);
        assert_eq!(a.kind, AttributionKind::None, "{s}: {a:?}");
    }
}

#[test]
fn a_headline_with_a_full_stop_credits_its_subject() {
    let a = one("Governor Ines Varga Says The Bridge Will Reopen Before Winter.");
    check(&a, "Says", "Governor Ines Varga", Some(CueKind::Speech));
    // A capitalised adverb is not the end of a name.
    let a = one("Harbor Towns Resoundingly Reject The Plan For A New Pier.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn any_plain_subject_before_a_verb_that_is_never_a_noun() {
    let a = one("Dairy farmers say the new quota will close small herds.");
    check(&a, "say", "Dairy farmers", Some(CueKind::Speech));
    let a = one("But harbor pilots argue the channel is too shallow for tankers.");
    check(&a, "argue", "harbor pilots", Some(CueKind::Speech));
    // A noun-like cue keeps the stricter rule: "The insurance claims" is no cue.
    let a = one("The insurance claims piled up after the flood.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
    // "can't say" is not a report.
    let a = one("These managers can’t say when the line will reopen.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn a_subject_after_a_sentence_opening_subordinator() {
    let a =
        one("While some growers say the frost spared the orchards, the co-op has set money aside.");
    check(&a, "say", "some growers", Some(CueKind::Speech));
    let a = one("Even the organizer of the march said the route was too narrow.");
    check(
        &a,
        "said",
        "the organizer of the march",
        Some(CueKind::Speech),
    );
}

#[test]
fn subjects_with_a_prepositional_modifier() {
    let a = one("People in Harrow Bay said the ferry had not run since Friday.");
    check(&a, "said", "People in Harrow Bay", Some(CueKind::Speech));
    let a = one("Still, 61 percent of registered voters say the levy is too high.");
    check(
        &a,
        "say",
        "61 percent of registered voters",
        Some(CueKind::Speech),
    );
    // A time or a noun after its determiner is no subject.
    let a = one("Saturday at the county fair the state’s inspectors left early.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
    let a = one("The town built the dock in the hopes of drawing tourists.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn an_aside_between_subject_and_cue() {
    let a = one("Okafor, for example, said the tolls would pay for the bridge.");
    check(&a, "said", "Okafor", Some(CueKind::Speech));
    let a = one("Lindqvist, though, said the mill would stay open.");
    check(&a, "said", "Lindqvist", Some(CueKind::Speech));
}

#[test]
fn long_appositives_of_role_home_town_and_participle() {
    let a = one("Marta Ilves, dean of the Harwood School of Nursing, said enrolment had doubled.");
    check(&a, "said", "Marta Ilves", Some(CueKind::Speech));
    let a = one("Dean Kowal, 41, of Ashby, Ore., said the mill paid fair wages.");
    check(&a, "said", "Dean Kowal", Some(CueKind::Speech));
    let a = one("Carla Benning, wearing a county fire jacket, said the road was closed.");
    check(&a, "said", "Carla Benning", Some(CueKind::Speech));
    let a = one("The Brightmill Group's CEO, Ana Soto, said costs fell.");
    check(
        &a,
        "said",
        "The Brightmill Group's CEO, Ana Soto",
        Some(CueKind::Speech),
    );
    // A middle initial does not end the name.
    let a = one("Paul T. Haskins, who chairs the board, said the vote was fair.");
    check(&a, "said", "Paul T. Haskins", Some(CueKind::Speech));
}

#[test]
fn a_leading_adverbial_is_not_the_name_of_an_appositive() {
    let a = one("Moreover, Ines Varga, director of the port authority, noted that fees rose.");
    check(&a, "noted", "Ines Varga", Some(CueKind::Speech));
    let a = one("In an email, Okafor, a former county clerk, defended the count.");
    check(&a, "defended", "Okafor", Some(CueKind::Speech));
}

#[test]
fn say_inverted_after_the_claim() {
    let a = one("The trouble with the plan, says Rita Osei, a planner in Leeds, is its cost.");
    check(&a, "says", "Rita Osei", Some(CueKind::Speech));
    let a = one("A quieter campaign may help, say some party officials.");
    check(&a, "say", "some party officials", Some(CueKind::Speech));
}

#[test]
fn verbs_of_naming_only_with_what_was_said() {
    let a = one("The mayor called the audit “a hatchet job” on Tuesday.");
    check(&a, "called", "The mayor", Some(CueKind::Speech));
    let a = one("Okafor called it a reckless gamble with public money.");
    check(&a, "called", "Okafor", Some(CueKind::Speech));
    let a = one("Okafor called the fire brigade at noon.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
    let a = one("They formed a group called “Harbor First” last spring.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
    let a = one("The so-called “rainy day fund” is empty.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn a_demand_credits_whatever_follows_it() {
    // "called for" and "called on" are not the naming verb: no quotation need follow.
    let a = one("The harbor master called for a full inquiry into the collision.");
    check(&a, "called for", "The harbor master", Some(CueKind::Speech));
    let a = one("Councillor Ines Varga has called on the ferry operator to refund every ticket.");
    check(
        &a,
        "called on",
        "Councillor Ines Varga",
        Some(CueKind::Speech),
    );
    // The infinitive test is the naming verb's: another cue ending in "on" needs none.
    let a = one("“We are done here,” she went on.");
    check(&a, "went on", "she", Some(CueKind::Speech));
    // "called on" asks someone to act: "called on a student", "called on Monday" do not.
    let a = one("The teacher called on a student in the back row.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
    let a = one("The union calls for a four-day week in its new platform.");
    check(&a, "calls for", "The union", Some(CueKind::Speech));
    // A demand named as a noun is no cue: "calls" after a demonstrative.
    let a = one("These calls for a recount have grown louder since Friday.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn plural_documents_and_dated_documents_are_findings_sources() {
    let a = one("New polls released Sunday showed the mayor taking a lead.");
    check(
        &a,
        "showed",
        "New polls released Sunday",
        Some(CueKind::Finding),
    );
    assert_eq!(a.source_kind, Some(SourceKind::Document), "{a:?}");
    let a = one("Last year’s county statistics show that thefts fell by a third.");
    check(
        &a,
        "show",
        "Last year’s county statistics",
        Some(CueKind::Finding),
    );
    let a = one("Audit files from the vendor show that four accounts were searched.");
    check(
        &a,
        "show",
        "Audit files from the vendor",
        Some(CueKind::Finding),
    );
    // A participle and a time close the head: the report is a document, not "Tuesday".
    let a = one("The report released Tuesday said the dam was weak.");
    check(
        &a,
        "said",
        "The report released Tuesday",
        Some(CueKind::Document),
    );
    assert_eq!(a.source_kind, Some(SourceKind::Document), "{a:?}");
    let a = one("The audit completed last week found that the dam was weak.");
    check(
        &a,
        "found",
        "The audit completed last week",
        Some(CueKind::Finding),
    );
    let a = one("The review released Monday says the ferry needs a new hull.");
    check(
        &a,
        "says",
        "The review released Monday",
        Some(CueKind::Document),
    );
    // After a pronoun or a name the -ed word is the verb, not a participle.
    let a = one("He planned Monday to formally announce the plan with the unions.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
    // A person is never the subject of a finding.
    let a = one("Police officers stationed Tuesday found the car.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn a_clause_after_the_cue_is_no_source() {
    // An inverted source never opens with a subject pronoun and its verb.
    let a = one("Six newspapers in the state, including the Ledger, said he was unfit to serve.");
    check(
        &a,
        "said",
        "Six newspapers in the state",
        Some(CueKind::Speech),
    );
    // A subject walk stops at a cue word: "said his survey" is no source of "showed".
    let a = one("Another pollster, Dana Woods of Harlow College, said his survey showed a tie.");
    check(
        &a,
        "said",
        "Another pollster, Dana Woods of Harlow College",
        Some(CueKind::Speech),
    );
    // "that report", "this report": the noun, not the verb.
    let a = one("One of the authors of that report, Ari Feld, said the rule would fail.");
    assert_ne!(a.cue, "report", "{a:?}");
    let a = one("This report was cleared by the committee.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn roles_homes_groups_and_a_second_verb() {
    // A role noun before a name, after a leading adverbial or before an aside.
    let a = one("County delegate Ruth Amos, wearing a green sash, said the vote was fair.");
    check(
        &a,
        "said",
        "County delegate Ruth Amos",
        Some(CueKind::Speech),
    );
    assert_eq!(a.source_kind, Some(SourceKind::NamedPerson), "{a:?}");
    // A role noun opening the sentence is capitalised, not a name.
    let a = one("Forecasters expect the storm to weaken by Friday.");
    assert_eq!(a.source_kind, Some(SourceKind::Anonymous), "{a:?}");
    let a = one("Campaign volunteer Ana Ruiz said the office was closed.");
    check(
        &a,
        "said",
        "Campaign volunteer Ana Ruiz",
        Some(CueKind::Speech),
    );
    // A weekday ending a plain subject is no name.
    let a = one("The suspects charged Monday told the judge they were innocent.");
    assert_eq!(a.source_kind, Some(SourceKind::Anonymous), "{a:?}");
    let a = one("Friday at the forum, candidate Lena Marsh said the levy was too high.");
    check(&a, "said", "candidate Lena Marsh", Some(CueKind::Speech));
    // A described person, then a name with its institution.
    let a = one("Another pollster, Dana Woods of Harlow College, said the race was close.");
    check(
        &a,
        "said",
        "Another pollster, Dana Woods of Harlow College",
        Some(CueKind::Speech),
    );
    // A plural outlet with an "including" aside.
    let a = one("Six newspapers, including the Harbor Ledger, said the mayor should resign.");
    check(&a, "said", "Six newspapers", Some(CueKind::Speech));
    assert_eq!(a.source_kind, Some(SourceKind::Publication), "{a:?}");
    // "… and says": the finite form takes the main subject; an infinitive does not.
    let a = one("The senator spent five years in prison and says such methods are cruel.");
    check(&a, "says", "The senator", Some(CueKind::Speech));
    let a = one("The council voted to delay the project and warn residents.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn headline_labels_of_one_word_and_of_outlets() {
    let a = one("Mayor Okafor: Bridge Will Reopen");
    check(&a, ":", "Mayor Okafor", Some(CueKind::Speech));
    // In a headline a surname alone labels its speaker.
    let a = one("Okafor: The Toll Bridge Will Pay for Itself");
    check(&a, ":", "Okafor", Some(CueKind::Speech));
    assert_eq!(a.source_kind, Some(SourceKind::NamedPerson), "{a:?}");
    let a = one("Reuters: Border Talks Stall Over Truck Permits");
    check(&a, ":", "Reuters", Some(CueKind::Speech));
    // In running prose a one-word label is a heading, and a figure is no statement.
    let a = one("Okafor: the toll bridge will pay for itself, she has argued for years.");
    assert_ne!(a.cue, ":", "{a:?}");
    let a = one("Okafor: 1,769 Votes Counted So Far");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
    // A section label is no speaker, and a listed noun is none either.
    for headline in [
        "Review: The New Ferry Is Slow but Comfortable",
        "Results: Smith Wins Third Ward Council Race",
        "Study: Coffee Drinkers Live Longer Than Others",
    ] {
        let a = one(headline);
        assert_eq!(a.kind, AttributionKind::None, "{headline}: {a:?}");
    }
}

#[test]
fn poll_shares_and_subjects_after_openings() {
    // A share of those polled, with an approximator before its number.
    let a = one("About 9 percent said they had no preference.");
    check(&a, "said", "About 9 percent", Some(CueKind::Speech));
    let a = one("Nearly 40 percent of renters said the fee was unfair.");
    check(
        &a,
        "said",
        "Nearly 40 percent of renters",
        Some(CueKind::Speech),
    );
    // An opening, a one-word adverb, then the subject.
    let a = one("Among the mayor's supporters, however, 61 percent said they had decided.");
    check(&a, "said", "61 percent", Some(CueKind::Speech));
    let a = one("Again, those surveyed said the levy should stay.");
    check(&a, "said", "those surveyed", Some(CueKind::Speech));
    // A short time phrase without a comma before a pronoun.
    let a = one("In 2010 she said the pier would never close.");
    check(&a, "said", "she", Some(CueKind::Speech));
    let a = one("Last week he told the council the pier would close.");
    assert_eq!((a.cue.as_str(), a.source.as_str()), ("told", "he"), "{a:?}");
    // A share opening the sentence is unnamed people, not a person called "Half".
    let a = one("Half of those polled said the tax was too high.");
    check(&a, "said", "Half of those polled", Some(CueKind::Speech));
    assert_eq!(a.source_kind, Some(SourceKind::Anonymous), "{a:?}");
    // A name that opens with a quantifier is still a name.
    for (text, source) in [
        (
            "All Blacks coach Ian Foster said the team was ready.",
            "All Blacks coach Ian Foster",
        ),
        (
            "Half Moon Bay Mayor Ana Ruiz said the beach would reopen.",
            "Half Moon Bay Mayor Ana Ruiz",
        ),
    ] {
        let a = one(text);
        check(&a, "said", source, Some(CueKind::Speech));
        assert_eq!(a.source_kind, Some(SourceKind::NamedPerson), "{a:?}");
    }
    // "numbers of people" are people, not a document.
    let a = one("Growing numbers of residents say the town is changing.");
    assert_eq!(a.source_kind, Some(SourceKind::Anonymous), "{a:?}");
}

#[test]
fn subjects_with_a_relative_clause_an_aside_of_likeness_and_but() {
    let a = one("People who have battled floods before say the levee could fail.");
    check(
        &a,
        "say",
        "People who have battled floods before",
        Some(CueKind::Speech),
    );
    let a = one("Local groups that endorsed the mayor said the vote was fair.");
    check(
        &a,
        "said",
        "Local groups that endorsed the mayor",
        Some(CueKind::Speech),
    );
    // The relative pronoun must be the clause's subject, and the cue not its passive verb.
    let a = one("Two firms that have not been accused of fraud were named in the filing.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
    let a = one("Local economists, like their county counterparts, say the tax helps savers.");
    check(&a, "say", "Local economists", Some(CueKind::Speech));
    let a = one("The mayor did not name the council, but told reporters the vote was rigged.");
    check(&a, "told reporters", "The mayor", Some(CueKind::Speech));
    // After "but" only a spoken cue takes the main subject: a passive is no credit.
    let a = one("His election was hailed in some towns, but condemned in others.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn a_time_after_a_party_tag_is_no_speaker() {
    let a = one("Rep. Mark Tully (R-Ohio) Tuesday said the bridge would reopen.");
    check(&a, "said", "Rep. Mark Tully", Some(CueKind::Speech));
    let a = one("Sen. Ana Ruiz (D-Ore.) on Monday told reporters the bill was dead.");
    assert_eq!(
        (a.cue.as_str(), a.source.as_str()),
        ("told reporters", "Sen. Ana Ruiz"),
        "{a:?}"
    );
}

#[test]
fn a_finding_verb_in_a_quotations_speaker_slot_is_speech() {
    let a = one("“She should be held accountable,” Okafor concluded.");
    check(&a, "concluded", "Okafor", Some(CueKind::Speech));
    let a = one("“We are done here,” concluded the mayor.");
    check(&a, "concluded", "the mayor", Some(CueKind::Speech));
    // A document in the speaker slot still found something.
    let a = one("“The pier is unsafe,” the audit found.");
    check(&a, "found", "the audit", Some(CueKind::Finding));
    // Elsewhere it stays a finding, of a document only.
    let a = one("The audit concluded that the dam was weak.");
    check(&a, "concluded", "The audit", Some(CueKind::Finding));
    let a = one("The war concluded in 1953.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn people_close_to_a_matter_and_longer_asides() {
    let a = one("People close to the talks said the deal was near.");
    check(
        &a,
        "said",
        "People close to the talks",
        Some(CueKind::Speech),
    );
    let a = one("Officials close to the negotiations told reporters the deal was near.");
    assert_eq!(
        (a.cue.as_str(), a.source.as_str()),
        ("told reporters", "Officials close to the negotiations"),
        "{a:?}"
    );
    // A subordinate clause opening the sentence, then the subject.
    let a = one("Although the plan failed, Republican strategists say the idea was sound.");
    check(&a, "say", "Republican strategists", Some(CueKind::Speech));
    // An aside of up to six words between commas.
    let a =
        one("Cutting the budget too soon, a wide array of economists say, slowed the recovery.");
    check(
        &a,
        "say",
        "a wide array of economists",
        Some(CueKind::Speech),
    );
}

#[test]
fn adding_up_is_not_adding_words() {
    let a = one("The delays added to the cost of the new school.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
    let a = one("In all, the grants add up to $3 million.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn according_to_credits_whatever_follows() {
    let a = one("Turnout rose by a fifth, according to the county's unofficial returns.");
    assert_eq!(a.cue, "according to", "{a:?}");
    assert_eq!(a.source, "the county's unofficial returns", "{a:?}");
    assert_eq!(a.source_kind, Some(SourceKind::Document));
    let a = one("The mill, according to state law, must post its emissions.");
    assert_eq!(
        (a.cue.as_str(), a.source.as_str()),
        ("according to", "state law"),
        "{a:?}"
    );
    // A possessive phrase the lexicon does not know is not a source.
    let a = one("Voters choose according to their instinctive preference.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn participles_of_telling_and_naming_take_the_main_subject() {
    let a =
        one("Hours later, the mayor reversed course, telling the Ledger that the pier would stay.");
    check(&a, "telling", "the mayor", Some(CueKind::Speech));
    let a = one(
        "Speaking in Ashby, Oregon, Okafor went after the council, calling it “a closed shop.”",
    );
    check(&a, "calling", "Okafor", Some(CueKind::Speech));
}

#[test]
fn progressive_cues_read_past_their_auxiliary() {
    let a = one("Okafor is telling voters in Ashby that the levy will pass.");
    check(&a, "telling", "Okafor", Some(CueKind::Speech));
    let a = one("The union is calling for a new vote on the contract.");
    check(&a, "calling for", "The union", Some(CueKind::Speech));
    // Not "is adding to her lead" nor an adjective "telling".
    let a = one("Okafor is adding to her lead in the county.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
    let a = one("The mayor's silence is telling in its own way.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn a_fronted_said_names_the_speaker_after_it() {
    let a = one("Said Rosa Imbert, who runs the bakery: “We have never seen it this bad.”");
    check(&a, "Said", "Rosa Imbert", Some(CueKind::Speech));
    // "Said to be …" is no fronted cue.
    let a = one("Said to be worth millions, the estate went to auction.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn a_straight_quotation_mark_before_a_word_opens_a_quotation() {
    // Plain-text feeds write '"' for both marks: before a word it opens, so the naming verb
    // has what was said after it.
    let a = one("The governor called the tax plan \"a gift to landlords\" on Monday.");
    check(&a, "called", "The governor", Some(CueKind::Speech));
    let a = one("She called it  \"reckless,\"  and left the room.");
    check(&a, "called", "She", Some(CueKind::Speech));
    // A mark after a word still closes: "…," said the mayor.
    let a = one("\"We will reopen the bridge,\" said the mayor.");
    check(&a, "said", "the mayor", Some(CueKind::Speech));
}

#[test]
fn a_name_opening_the_sentence_speaks_after_whatever_is_said_about_it() {
    let a = one("Omar Haddad, Lebanon's ambassador to Canada from 2010 to 2014, said the talks had stalled.");
    check(&a, "said", "Omar Haddad", Some(CueKind::Speech));
    let a = one(
        "Dana Whitfield, associate professor of history at the state university, said the vote was close.",
    );
    check(&a, "said", "Dana Whitfield", Some(CueKind::Speech));
    let a = one("Just last week, Ruth Okafor, editor at large of the Harbor Gazette, wrote that the pier was unsafe.");
    check(&a, "wrote", "Ruth Okafor", Some(CueKind::Speech));
    let a = one("But Ravi Menon, policy director of Clean Harbor, which drafted the letter, said the port was behind schedule.");
    check(&a, "said", "Ravi Menon", Some(CueKind::Speech));
    let a = one("Pell, now a paid consultant for the league, has denied that he knew.");
    check(&a, "denied", "Pell", Some(CueKind::Speech));
    // A capitalised opener is no name.
    let a = one("Now, many renters have trouble paying, worry about eviction and fear the winter.");
    assert_ne!(a.source, "Now", "{a:?}");
    // The cue closes the sentence: the speaker is after it.
    let a = one("Tom Reyes, 41, was released on Friday, said his lawyer.");
    check(&a, "said", "his lawyer", Some(CueKind::Speech));
    // Not a name: a place or a phrase.
    let a = one("In Denver, where the plant closed in May, said workers were angry.");
    assert_ne!(a.source, "Denver", "{a:?}");
}

#[test]
fn a_subject_phrase_inside_a_subordinate_clause() {
    let a = one("The council passed a curfew, which critics said was unfair to teenagers.");
    check(&a, "said", "critics", Some(CueKind::Speech));
    let a = one("The mayor changed course when a reporter asked about the bridge.");
    check(&a, "asked", "a reporter", Some(CueKind::Speech));
    let a = one("It is a levy that many economists say will slow hiring.");
    check(&a, "say", "many economists", Some(CueKind::Speech));
    let a = one("The harbor was dredged after port director Ana Lowe warned of delays.");
    check(
        &a,
        "warned",
        "port director Ana Lowe",
        Some(CueKind::Speech),
    );
    // A thought verb in a subordinate clause is the writer's reasoning.
    let a = one("The bridge closed because the county wants a new one.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
}

#[test]
fn the_main_clause_credit_beats_a_subordinate_one() {
    let a = one("When a reporter asked about the wall, the mayor said it would be built.");
    check(&a, "said", "the mayor", Some(CueKind::Speech));
    let a = one("After she criticized the budget, Lowe said the port would cut jobs.");
    check(&a, "said", "Lowe", Some(CueKind::Speech));
}

#[test]
fn a_relative_who_credits_the_person_it_stands_for() {
    let a = one("The council sided with Mayor Ana Lowe, who has said the pier must close.");
    check(&a, "said", "Mayor Ana Lowe", Some(CueKind::Speech));
    assert_eq!(a.pronoun.as_deref(), Some("who"), "{a:?}");
    let a = one("The question came from a retired ferry pilot, who said the schedule was a mess.");
    check(&a, "said", "a retired ferry pilot", Some(CueKind::Speech));
    let a = one("Support fell, with 23 percent who say the levy is fair.");
    check(&a, "say", "23 percent", Some(CueKind::Speech));
    // The main clause's credit comes first.
    let a = one("Lowe, who spoke for an hour, told the board that the pier must close.");
    check(&a, "told", "Lowe", Some(CueKind::Speech));
    // "those who" names no one.
    let a = one("Among those who said they would vote, most backed the levy.");
    assert_ne!(a.source, "those", "{a:?}");
}

#[test]
fn a_plain_subject_may_join_two_nouns_or_names() {
    let a = one("Attorneys and tax experts said the levy would not survive a challenge.");
    check(
        &a,
        "said",
        "Attorneys and tax experts",
        Some(CueKind::Speech),
    );
    let a = one("Current and former port officials say the dredging was delayed.");
    check(
        &a,
        "say",
        "Current and former port officials",
        Some(CueKind::Speech),
    );
    let a = one("Maritime historian and author Ruth Okafor said the crossing was unsafe.");
    check(
        &a,
        "said",
        "Maritime historian and author Ruth Okafor",
        Some(CueKind::Speech),
    );
    // Not after a verb: two clauses, not one subject.
    let a = one("Prices rose and analysts said the trend would last.");
    assert_ne!(a.source, "Prices rose and analysts", "{a:?}");
}

#[test]
fn an_inverted_speaker_after_the_cue_and_an_acronym_who() {
    // After the cue, a short source phrase set off by a comma: the speaker, inverted.
    let a =
        one("Tom Reyes, 41, died Friday of a stroke in Dover, said the family's lawyer, Ana Ruiz.");
    assert_ne!(a.source, "Tom Reyes", "{a:?}");
    // "WHO" in capitals is the World Health Organization, not a relative pronoun.
    let a = one("But, in a long report, WHO said the ban had worked.");
    assert_ne!(a.source, "in a long report", "{a:?}");
    // "as" leads no noun-phrase subject: the quotation's speaker stays.
    let a = one("\u{201c}We had no choice,\u{201d} Ana Ruiz, the mayor, said as the lawyer for the port questioned her.");
    check(&a, "said", "Ana Ruiz", Some(CueKind::Speech));
}

#[test]
fn a_time_adjunct_between_subject_and_cue() {
    let a = one("Mayor Ines Varga on Tuesday said the ferry would run again in May.");
    check(&a, "said", "Mayor Ines Varga", Some(CueKind::Speech));
    let a = one("The harbor master Monday night told reporters the pier was safe.");
    check(
        &a,
        "told reporters",
        "The harbor master",
        Some(CueKind::Speech),
    );
    let a = one("Port officials last week said the dredging would resume.");
    check(&a, "said", "Port officials", Some(CueKind::Speech));
    let a = one("Dale Ruiz earlier this month wrote that the levy had failed.");
    check(&a, "wrote", "Dale Ruiz", Some(CueKind::Speech));
    // The time belongs to a participle, not to the subject: no "The audit released".
    let a = one("The audit released Tuesday said the council overspent.");
    assert_ne!(a.source, "The audit released", "{a:?}");
}

#[test]
fn stance_cues_credit_a_sentence_only_when_nothing_else_does() {
    let a = one("The dockworkers' union endorsed Ines Varga for mayor.");
    check(
        &a,
        "endorsed",
        "The dockworkers' union",
        Some(CueKind::Stance),
    );
    let a = one("Several council members opposed the new parking fee.");
    check(
        &a,
        "opposed",
        "Several council members",
        Some(CueKind::Stance),
    );
    // A speaking cue beats a stance in the same sentence.
    let a = one("Dale Ruiz, who endorsed the levy, said the vote would be close.");
    check(&a, "said", "Dale Ruiz", Some(CueKind::Speech));
    // A comparison is no stance.
    let a = one("Ferries, as opposed to buses, run on time.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
    // A sentence after a stance does not continue it as a statement.
    let atts = Attributor::new().attribute(&doc(&[&[
        "The mayor endorsed the harbor plan.",
        "It would cost the city four million dollars.",
    ]]));
    assert_eq!(atts[1].kind, AttributionKind::None, "{:?}", atts[1]);
    // Nor does a quotation after it take the stance's holder for its speaker.
    let atts = Attributor::new().attribute(&doc(&[&[
        "The mayor refused the harbor plan.",
        "\u{201c}Then they closed the pier and left.\u{201d}",
    ]]));
    assert_eq!(atts[1].kind, AttributionKind::None, "{:?}", atts[1]);
}

#[test]
fn a_thought_cue_ranks_after_a_spoken_one() {
    let a = one("Dale Ruiz, who believes the levy is fair, told the board it would pass.");
    check(&a, "told", "Dale Ruiz", Some(CueKind::Speech));
}

#[test]
fn talking_about_something_is_speech() {
    let a = one("The senator talked about her plan for the harbor.");
    check(&a, "talked about", "The senator", Some(CueKind::Speech));
    let a = one("Ines Varga spoke of a city that had lost its port.");
    check(&a, "spoke of", "Ines Varga", Some(CueKind::Speech));
    let a = one("Two inspectors testified that the beams were cracked.");
    check(&a, "testified", "Two inspectors", Some(CueKind::Speech));
}

#[test]
fn as_reported_by_credits_what_follows() {
    let a = one("As reported by the Harbor Ledger, the mayor signed two agreements.");
    check(
        &a,
        "As reported by",
        "the Harbor Ledger",
        Some(CueKind::Speech),
    );
}

#[test]
fn a_wire_dateline_or_a_leading_place_is_no_subject() {
    let a = one(
        "Salem (Reuters) - Mayor Ines Varga has criticized the port deal, saying it costs too much.",
    );
    assert_eq!(a.source, "Mayor Ines Varga", "{a:?}");
    let a = one(
        "Here in Salem, Varga stepped up her attacks on the port deal, saying it costs too much.",
    );
    check(&a, "saying", "Varga", Some(CueKind::Speech));
}

#[test]
fn a_participle_after_by_or_while_takes_the_main_subject() {
    let a = one("Ines Varga closed the hearing by saying the port would stay open.");
    check(&a, "saying", "Ines Varga", Some(CueKind::Speech));
    let a = one("After saying she was nervous, Ines Varga took the wheel.");
    check(&a, "saying", "Ines Varga", Some(CueKind::Speech));
    // Not from inside a relative clause, nor a subject that names no one.
    let a = one("It is a reply to the mayor who opened her campaign by declaring the port closed.");
    assert_ne!(a.source, "It", "{a:?}");
    let a = one("That's why the council stopped the vote before announcing the fee.");
    assert_ne!(a.source, "That's", "{a:?}");
}

#[test]
fn a_quoted_paragraph_after_a_paragraph_that_closes_on_a_credited_quotation() {
    let atts = Attributor::new().attribute(&doc(&[
        &["The port needs leaders \u{201c}who can count the ships,\u{201d} Ines Varga said."],
        &["\u{201c}That is why the vote matters.\u{201d}"],
    ]));
    assert_eq!(atts[1].kind, AttributionKind::Carried, "{:?}", atts[1]);
    assert_eq!(atts[1].source, "Ines Varga");
    // Reported speech without a quotation does not carry into the next paragraph.
    let atts = Attributor::new().attribute(&doc(&[
        &["Ines Varga said the port needs leaders who can count the ships."],
        &["\u{201c}That is why the vote matters.\u{201d}"],
    ]));
    assert_eq!(atts[1].kind, AttributionKind::None, "{:?}", atts[1]);
}

#[test]
fn a_described_person_before_a_full_name_set_off_by_commas() {
    let a = one(
        "One delegate not on the harbor slate, Kelly Marsh, told reporters the vote was rigged.",
    );
    check(
        &a,
        "told reporters",
        "One delegate not on the harbor slate, Kelly Marsh",
        Some(CueKind::Speech),
    );
    let a = one("A longtime friend of the mayor, Dale Ruiz, said the levy would pass.");
    check(
        &a,
        "said",
        "A longtime friend of the mayor, Dale Ruiz",
        Some(CueKind::Speech),
    );
    // A time before a name is no description of the speaker.
    let a = one("The next morning, Dale Ruiz said the levy would pass.");
    check(&a, "said", "Dale Ruiz", Some(CueKind::Speech));
}

#[test]
fn a_plain_subject_of_a_clause_coordinated_after_a_comma() {
    let a = one("No one had come to the port, and some families said they were forced to pay.");
    check(&a, "said", "some families", Some(CueKind::Speech));
    let a = one("The ferry stopped, but many riders said they would wait.");
    check(&a, "said", "many riders", Some(CueKind::Speech));
}

#[test]
fn a_short_plain_subject_in_an_aside() {
    let a = one("These permits, the inspectors said, were never signed.");
    check(&a, "said", "the inspectors", Some(CueKind::Speech));
    let a = one("On top of that, opponents say, the fee will raise fares.");
    check(&a, "say", "opponents", Some(CueKind::Speech));
    let a = one("Already, 52 harbor pilots have publicly said they oppose the fee.");
    check(&a, "said", "52 harbor pilots", Some(CueKind::Speech));
}

#[test]
fn participles_after_a_connective_subject_or_an_adverb() {
    let a = one("Then she turned on the council, accusing it of wasting the port's money.");
    check(&a, "accusing", "she", Some(CueKind::Speech));
    let a =
        one("Varga did not limit her remarks to the port, also calling on the council to resign.");
    check(&a, "calling on", "Varga", Some(CueKind::Speech));
    let a = one("Varga responds that the port never closed.");
    check(&a, "responds", "Varga", Some(CueKind::Speech));
}

#[test]
fn a_month_that_is_a_given_name_begins_a_speakers_name() {
    let a = one(
        "April Mellody, a spokeswoman for the convention, said the team would work with police.",
    );
    check(&a, "said", "April Mellody", Some(CueKind::Speech));
    let a = one("June Harris, who leads the union, said the strike would end on Friday.");
    check(&a, "said", "June Harris", Some(CueKind::Speech));
    // after a preposition, or before a number, the month is a date
    let a = one("In June Democrats, the party's leaders said, would try again.");
    assert_ne!(a.source, "June Democrats", "{a:?}");
}

#[test]
fn a_noun_ending_in_ly_is_no_adverb_anywhere_in_a_source() {
    // "rally" and "family" are listed as words that only look like adverbs; every "-ly" test
    // reads that list, the subject walk included.
    let a = one("The organizer of the rally said the rules made violence likelier.");
    check(
        &a,
        "said",
        "The organizer of the rally",
        Some(CueKind::Speech),
    );
    let a = one("A friend of the family said the boy had been missing since Friday.");
    check(&a, "said", "A friend of the family", Some(CueKind::Speech));
}

#[test]
fn an_approximate_share_opens_a_subject_of_people() {
    for (text, source) in [
        (
            "More than half of respondents said the county needs a new hospital.",
            "More than half of respondents",
        ),
        (
            "Fewer than a third of voters said the levy was fair.",
            "Fewer than a third of voters",
        ),
        (
            "More than 60 percent of parents said the schedule was too early.",
            "More than 60 percent of parents",
        ),
    ] {
        check(&one(text), "said", source, Some(CueKind::Speech));
    }
    // "more" alone is no share: the subject is the people it counts
    check(
        &one("More residents said the bus was late."),
        "said",
        "More residents",
        Some(CueKind::Speech),
    );
}

#[test]
fn long_and_since_read_past_a_perfect_auxiliary() {
    let a = one("The governor has long said that the bridge must be rebuilt.");
    check(&a, "said", "The governor", Some(CueKind::Speech));
    let a = one("Okafor had since told reporters the plant would stay open.");
    check(&a, "told reporters", "Okafor", Some(CueKind::Speech));
    // Without the auxiliary right before it, "long" is no adverb of the cue: the words
    // before it are no subject ("The fight lasted long said" is no credit).
    let a = one("The strike had lasted too long said nobody at the plant.");
    assert_eq!(a.kind, AttributionKind::None, "{a:?}");
    let a = one("Nothing has changed since officials said the plant was safe.");
    check(&a, "said", "officials", Some(CueKind::Speech));
}

#[test]
fn a_pronoun_and_a_name_are_one_closing_source() {
    let a = one("It is not only about big audiences, he and Mr. Allen said.");
    check(&a, "said", "he and Mr. Allen", Some(CueKind::Speech));
    assert_eq!(a.source_kind, Some(SourceKind::NamedPerson), "{a:?}");
}
