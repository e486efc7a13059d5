//! Unit tests: one small example per rule.

use super::*;

/// Sentences from paragraphs of sentences.
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

fn check(a: &Attribution, cue: &str, source: &str, kind: Option<SourceKind>) {
    assert_eq!(
        (a.cue.as_str(), a.source.as_str(), a.source_kind),
        (cue, source, kind),
        "{a:?}"
    );
}

#[test]
fn x_said() {
    let a = one("Local police said the road would reopen on Friday.");
    check(&a, "said", "Local police", Some(SourceKind::Organization));
    assert_eq!(a.kind, AttributionKind::Explicit);
    assert_eq!(
        a.content_without_attribution("Local police said the road would reopen on Friday."),
        "the road would reopen on Friday."
    );
}

#[test]
fn added_before_a_figure_is_a_change_not_a_credit() {
    let s = "The broader Standard & Poor's 500 index added 1.14 points, or 0.12 percent.";
    assert!(!one(s).is_attributed(), "{:?}", one(s));
    let s = "The company added $3 million to its reserves.";
    assert!(!one(s).is_attributed(), "{:?}", one(s));
    let s = "Police added 3 people were arrested at the scene.";
    check(&one(s), "added", "Police", Some(SourceKind::Organization));
    let s = "The mayor added that the bridge would reopen in May.";
    check(&one(s), "added", "The mayor", Some(SourceKind::Anonymous));
}

#[test]
fn the_that_of_a_second_complement_stays_in_the_claim() {
    // "said that" strips its "that"; a "that" after "and" opens the second thing said.
    let s = "She said three residents were missing and that deputies were trying to reach them.";
    let a = one(s);
    assert_eq!(
        a.content_without_attribution(s),
        "three residents were missing and that deputies were trying to reach them."
    );
    for s in [
        "The mayor told reporters on Monday that the bridge would reopen.",
        "The mayor said after the meeting that the bridge would reopen.",
    ] {
        assert_eq!(
            one(s).content_without_attribution(s),
            "the bridge would reopen."
        );
    }
}

#[test]
fn closing_reporting_clause_wins_over_inner_cue() {
    let s = "When the mayor met him, he told her the bridge was unsafe, two aides said.";
    let a = one(s);
    check(&a, "said", "two aides", Some(SourceKind::Anonymous));
    assert_eq!(
        a.content_without_attribution(s),
        "When the mayor met him, he told her the bridge was unsafe."
    );
}

#[test]
fn said_x_inverted() {
    let a = one("“We are ready,” said Maria Lopez, the county's election chief.");
    check(&a, "said", "Maria Lopez", Some(SourceKind::NamedPerson));
    assert_eq!(a.quote, QuoteKind::Direct);
}

#[test]
fn according_to_x() {
    let s = "The factory will close in March, according to two people briefed on the decision.";
    let a = one(s);
    check(
        &a,
        "according to",
        "two people briefed on the decision",
        Some(SourceKind::Anonymous),
    );
    assert_eq!(
        a.content_without_attribution(s),
        "The factory will close in March."
    );
}

#[test]
fn according_to_a_report_is_a_document() {
    let a = one("The deal was signed in secret, according to a report.");
    check(&a, "according to", "a report", Some(SourceKind::Document));
}

#[test]
fn outlet_is_a_publication() {
    let a = one("The minister resigned on Friday, the Financial Times reported.");
    check(
        &a,
        "reported",
        "the Financial Times",
        Some(SourceKind::Publication),
    );
    let b = one("The talks stalled twice, according to the newspaper.");
    check(
        &b,
        "according to",
        "the newspaper",
        Some(SourceKind::Publication),
    );
}

#[test]
fn quote_then_speaker_with_title_and_time() {
    let s = "“Nothing has been decided,\" Deputy Mayor Ann Cole told reporters Tuesday.";
    let a = one(s);
    check(
        &a,
        "told reporters",
        "Deputy Mayor Ann Cole",
        Some(SourceKind::NamedPerson),
    );
    assert_eq!(a.quote, QuoteKind::Direct);
}

#[test]
fn told_an_outlet_is_one_cue() {
    let a = one("“It was chaos,” two residents told The Associated Press.");
    check(
        &a,
        "told The Associated Press",
        "two residents",
        Some(SourceKind::Anonymous),
    );
}

#[test]
fn appositive_speaker() {
    let a = one("Tom Reed, who chairs the panel, said the vote would be delayed.");
    check(&a, "said", "Tom Reed", Some(SourceKind::NamedPerson));
    let b = one("The vote will be delayed, Tom Reed, who chairs the panel, said.");
    check(&b, "said", "Tom Reed", Some(SourceKind::NamedPerson));
    let c = one("The vote will be delayed, Sen. Tom Reed, the panel’s chairman, said Monday.");
    check(&c, "said", "Sen. Tom Reed", Some(SourceKind::NamedPerson));
}

#[test]
fn cue_inside_the_sentence() {
    let a = one("The budget, she argued, should be cut by a third.");
    check(&a, "argued", "she", Some(SourceKind::Pronoun));
}

#[test]
fn adverb_between_source_and_cue() {
    let a = one("Company executives, however, insisted that sales were strong.");
    check(
        &a,
        "insisted",
        "Company executives",
        Some(SourceKind::Anonymous),
    );
}

#[test]
fn pronoun_resolves_to_previous_speaker() {
    let d = doc(&[&[
        "Citing rising costs, Alvarez warned the project could stall.",
        "The second phase, he suggested, should wait a year.",
    ]]);
    let a = Attributor::new().attribute(&d);
    check(&a[1], "suggested", "Alvarez", Some(SourceKind::NamedPerson));
    assert_eq!(a[1].pronoun.as_deref(), Some("he"));
    assert_eq!(a[1].kind, AttributionKind::Explicit);
}

#[test]
fn pronoun_resolves_to_previous_subject() {
    let d = doc(&[&[
        "Even Okafor looked pleased.",
        "“We did it,” she wrote on social media.",
    ]]);
    let a = Attributor::new().attribute(&d);
    check(&a[1], "wrote", "Okafor", Some(SourceKind::NamedPerson));
}

#[test]
fn unresolved_pronoun_stays_a_pronoun() {
    let a = one("He said the bill would pass.");
    check(&a, "said", "He", Some(SourceKind::Pronoun));
}

#[test]
fn carry_over_of_a_quote() {
    let d = doc(&[&[
        "“The bridge is safe,” the engineer said, adding, “It was inspected in May.",
        "But it needs new paint.”",
    ]]);
    let a = Attributor::new().attribute(&d);
    assert_eq!(a[1].kind, AttributionKind::Carried);
    assert_eq!(a[1].source, "the engineer");
    assert_eq!(a[1].quote, QuoteKind::Direct);
    assert_eq!(a[1].carried_from, Some(0));
}

#[test]
fn quote_before_its_attribution_is_carried_backwards() {
    let d = doc(&[&["“We will appeal.", "The ruling is wrong,” the lawyer said."]]);
    let a = Attributor::new().attribute(&d);
    assert_eq!(a[0].kind, AttributionKind::Carried);
    assert_eq!(a[0].source, "the lawyer");
}

#[test]
fn multi_paragraph_quote() {
    let d = doc(&[
        &["“We are not done,” Ortiz said.", "“The work goes on."],
        &["“And we will finish it.”"],
    ]);
    let a = Attributor::new().attribute(&d);
    assert_eq!(a[1].kind, AttributionKind::Carried);
    assert_eq!(a[2].kind, AttributionKind::Carried);
    assert_eq!(a[2].source, "Ortiz");
    assert_eq!(a[2].quote, QuoteKind::Direct);
}

#[test]
fn carry_over_of_a_statement() {
    let d = doc(&[&[
        "The reservoir is half empty, water officials said.",
        "It would take two wet winters to refill it.",
        "Farmers planted less corn this year.",
    ]]);
    let a = Attributor::new().attribute(&d);
    assert_eq!(a[1].kind, AttributionKind::Carried);
    assert_eq!(a[1].source, "water officials");
    assert_eq!(
        a[2].kind,
        AttributionKind::None,
        "a new subject doing things is narrative"
    );
}

#[test]
fn no_carry_across_paragraphs() {
    let d = doc(&[
        &["The reservoir is half empty, water officials said."],
        &["It would take two wet winters to refill it."],
    ]);
    let a = Attributor::new().attribute(&d);
    assert_eq!(a[1].kind, AttributionKind::None);
    assert!(a[1].cue.is_empty() && a[1].source.is_empty());
}

#[test]
fn partial_quote() {
    let a = one("Critics said the plan was a “giveaway” to developers and would raise rents across the city.");
    assert_eq!(a.quote, QuoteKind::Partial);
    check(&a, "said", "Critics", Some(SourceKind::Anonymous));
}

#[test]
fn did_not_respond_is_not_an_attribution() {
    let a = one("The company did not respond to requests for comment.");
    assert_eq!(a.kind, AttributionKind::None);
    let b = one("Lee didn’t respond to a message seeking comment.");
    assert_eq!(b.kind, AttributionKind::None);
}

#[test]
fn reportedly_has_no_source() {
    let a = one("The singer reportedly paid $2 million for the house.");
    check(&a, "reportedly", "", None);
    assert_eq!(a.kind, AttributionKind::Explicit);
}

#[test]
fn noun_forms_are_not_cues() {
    assert_eq!(
        one("The senator read the governor’s claim.").kind,
        AttributionKind::None
    );
    assert_eq!(
        one("Analysts read the annual reports closely.").kind,
        AttributionKind::None
    );
    assert_eq!(
        one("She wants to say more next week.").kind,
        AttributionKind::None
    );
}

#[test]
fn present_tense_cue_after_a_subject() {
    let a = one("Experts warn the virus could spread further.");
    check(&a, "warn", "Experts", Some(SourceKind::Anonymous));
}

#[test]
fn embedded_speech_is_not_the_sentence_attribution() {
    let a = one("The prices rose on the day Reuters reported that stocks were falling.");
    assert_eq!(a.kind, AttributionKind::None);
}

#[test]
fn coordinated_predicate_takes_the_subject() {
    let a = one("The city’s budget director, Lena Park, was also invited and bluntly told the council that money was short.");
    check(
        &a,
        "told",
        "The city’s budget director, Lena Park",
        Some(SourceKind::NamedPerson),
    );
}

#[test]
fn organization_source() {
    let a = one("The Pentagon said the drills would continue.");
    check(&a, "said", "The Pentagon", Some(SourceKind::Organization));
}

#[test]
fn coordinated_modifiers_keep_the_head() {
    let a = one("The talks will resume in May, U.S. and Ukrainian officials said.");
    check(
        &a,
        "said",
        "U.S. and Ukrainian officials",
        Some(SourceKind::Anonymous),
    );
    let b = one("Russia and Ukraine said the exchange would happen Friday.");
    check(
        &b,
        "said",
        "Russia and Ukraine",
        Some(SourceKind::Organization),
    );
}

#[test]
fn evidence_verbs_need_a_document() {
    let a = one("The audit found that the agency overspent by $3 million.");
    check(&a, "found", "The audit", Some(SourceKind::Document));
    assert_eq!(
        one("The inspectors found that the agency overspent.").kind,
        AttributionKind::None
    );
}

#[test]
fn evidence_verbs_with_documents() {
    let a = one("Court filings show the firm paid $2 million.");
    check(&a, "show", "Court filings", Some(SourceKind::Document));
    assert_eq!(
        one("Police found the car in a lake.").kind,
        AttributionKind::None
    );
}

#[test]
fn perfect_auxiliary_before_cue() {
    let a = one("The governor has repeatedly said the tax will not rise.");
    check(&a, "said", "The governor", Some(SourceKind::Anonymous));
}

#[test]
fn content_without_attribution_forms() {
    let cases = [
        (
            "The fire, officials say, started in the kitchen.",
            "The fire started in the kitchen.",
        ),
        (
            "“We will stay,” a spokeswoman said Tuesday.",
            "“We will stay”.",
        ),
        (
            "She told the Guardian: “This is not over.”",
            "“This is not over.”",
        ),
        (
            "Jones told CNN on Friday that he had not seen the memo.",
            "he had not seen the memo.",
        ),
        (
            "According to the Associated Press, the vote was delayed.",
            "the vote was delayed.",
        ),
    ];
    for (s, want) in cases {
        assert_eq!(one(s).content_without_attribution(s), want, "{s}");
    }
}

#[test]
fn leading_conjunction_is_not_part_of_the_source() {
    let a = one("and foreign officials said the talks were over.");
    check(&a, "said", "foreign officials", Some(SourceKind::Anonymous));
}

#[test]
fn speaker_doing_things_does_not_inherit() {
    let d = doc(&[&[
        "Mayor Smith said the budget was tight.",
        "He then left for the airport.",
        "The cuts will hit parks, officials said.",
        "They declined to be named.",
    ]]);
    let a = Attributor::new().attribute(&d);
    assert_eq!(a[1].kind, AttributionKind::None);
    assert_eq!(a[3].kind, AttributionKind::None);
}

#[test]
fn participle_appositive() {
    let a = one("The senator, asked whether she would run, said she had not decided.");
    check(&a, "said", "The senator", Some(SourceKind::Anonymous));
}

#[test]
fn name_inside_a_source_phrase() {
    let a = one("A spokesperson for Meta said the company was reviewing the claims.");
    check(
        &a,
        "said",
        "A spokesperson for Meta",
        Some(SourceKind::Anonymous),
    );
}

#[test]
fn age_and_participle_appositives() {
    let a = one("Mr. Smith, 62, said he would retire next year.");
    check(&a, "said", "Mr. Smith", Some(SourceKind::NamedPerson));
    let b = one("The report, released Tuesday, said unemployment had fallen.");
    check(&b, "said", "The report", Some(SourceKind::Document));
}

#[test]
fn as_x_reported() {
    let a = one("As the Times reported last week, the deal collapsed.");
    check(&a, "reported", "the Times", Some(SourceKind::Publication));
}

#[test]
fn quantified_groups_are_anonymous() {
    let a = one("Many Americans say they cannot afford rent.");
    check(&a, "say", "Many Americans", Some(SourceKind::Anonymous));
}

#[test]
fn pronoun_resolves_to_a_subject_behind_a_lower_case_title() {
    let sentences = doc(&[
        &["Mayor Elena Ruiz said the repairs would begin soon."],
        &[
            "Council member Tom Becker cast the only vote against the plan.",
            "He argued that the city should replace the bridge.",
        ],
    ]);
    let out = Attributor::new().attribute(&sentences);
    check(
        &out[2],
        "argued",
        "Tom Becker",
        Some(SourceKind::NamedPerson),
    );
}

#[test]
fn lower_case_job_title_before_a_name() {
    let a = one("Lakeview County water director Ana Soto said the pipes were old.");
    check(
        &a,
        "said",
        "Lakeview County water director Ana Soto",
        Some(SourceKind::NamedPerson),
    );
    let a = one("“We are ready,” said crane operator Li Wen, who joined in 2019.");
    check(
        &a,
        "said",
        "crane operator Li Wen",
        Some(SourceKind::NamedPerson),
    );
    // Near miss: a name after a preposition is not the subject.
    let a = one("After talks with engineer Li Wen said nothing, the plan stalled.");
    assert_ne!(a.source, "After talks with engineer Li Wen");
    // Near miss: a time word ending like an agent noun is no title.
    let a = one("Last summer Ana Soto said the pipes were old.");
    assert_ne!(a.source, "Last summer Ana Soto");
}

#[test]
fn role_then_name_set_off_by_commas() {
    let a = one("A spokesman for Dunmore, Raj Patel, said the plant would reopen.");
    check(
        &a,
        "said",
        "A spokesman for Dunmore, Raj Patel",
        Some(SourceKind::NamedPerson),
    );
    let a = one("Sen. Ada Price, R-Iowa, said the bill would pass.");
    check(&a, "said", "Sen. Ada Price", Some(SourceKind::NamedPerson));
    // Near miss: without the name, the role phrase is an unnamed source as before.
    let a = one("A spokesman for Dunmore said the plant would reopen.");
    check(
        &a,
        "said",
        "A spokesman for Dunmore",
        Some(SourceKind::Anonymous),
    );
}

#[test]
fn the_listener_after_told_is_never_the_source() {
    let a = one("A doctor at the clinic, Mia Long, told the panel that beds were short.");
    check(
        &a,
        "told",
        "A doctor at the clinic, Mia Long",
        Some(SourceKind::NamedPerson),
    );
    let a = one("The plan, officials said, told nobody anything.");
    assert_ne!(a.source, "nobody anything");
    // Near miss: a speaker before "told" is kept.
    let a = one("Mia Long told the panel that beds were short.");
    check(&a, "told", "Mia Long", Some(SourceKind::NamedPerson));
}

#[test]
fn cues_inside_a_quotation_are_the_speakers_words() {
    let d = doc(&[&[
        "“The vote is final,” Mayor Ed Cole said.",
        "“It tells every builder to wait.",
        "Our staff said so.”",
    ]]);
    let out = Attributor::new().attribute(&d);
    check(
        &out[1],
        "said",
        "Mayor Ed Cole",
        Some(SourceKind::NamedPerson),
    );
    assert_eq!(out[1].kind, AttributionKind::Carried);
    check(
        &out[2],
        "said",
        "Mayor Ed Cole",
        Some(SourceKind::NamedPerson),
    );
    // Near miss: a cue outside the quotation marks still counts.
    let a = one("“Wait,” it tells every builder.");
    assert_eq!(a.cue, "tells");
}

#[test]
fn names_of_bodies_are_organizations() {
    for (s, src) in [
        ("The Coast Guard said the ship sank.", "The Coast Guard"),
        ("The EPA said the water was safe.", "The EPA"),
        (
            "Dunmore Steel Co. said the plant would close.",
            "Dunmore Steel Co.",
        ),
        (
            "The Riverside Tenants Alliance said rents were too high.",
            "The Riverside Tenants Alliance",
        ),
    ] {
        check(&one(s), "said", src, Some(SourceKind::Organization));
    }
    // Near miss: a titled person stays a person.
    check(
        &one("Coast Guard Capt. Ray Dunn said the ship sank."),
        "said",
        "Coast Guard Capt. Ray Dunn",
        Some(SourceKind::NamedPerson),
    );
}

#[test]
fn a_company_named_with_a_suffix_keeps_its_kind_in_short_form() {
    let out = Attributor::new().attribute(&doc(&[
        &["Dunmore Steel Inc. will close a plant."],
        &["Dunmore said the plant lost money."],
        &["Raj Patel said the plant lost money."],
    ]));
    check(&out[1], "said", "Dunmore", Some(SourceKind::Organization));
    // Near miss: a name never seen with a suffix stays a person.
    check(&out[2], "said", "Raj Patel", Some(SourceKind::NamedPerson));
}

#[test]
fn number_sign_does_not_cut_an_appositive() {
    let a = one("Dunmore, the No. 3 steelmaker, said in a statement that it was sorry.");
    check(
        &a,
        "said in a statement",
        "Dunmore",
        Some(SourceKind::NamedPerson),
    );
}

#[test]
fn according_to_records_cited_by_an_outlet() {
    let a = one("The bridge is 90 years old, according to state records cited by Reuters.");
    check(
        &a,
        "according to",
        "state records cited by Reuters",
        Some(SourceKind::Document),
    );
    // Near miss: a plain document phrase is unchanged.
    let a = one("The bridge is 90 years old, according to state records.");
    check(
        &a,
        "according to",
        "state records",
        Some(SourceKind::Document),
    );
}

#[test]
fn pronouns_take_the_nearest_person_not_a_company_or_function_word() {
    let out = Attributor::new().attribute(&doc(&[
        &[
            "Under the deal, Dunmore Steel Inc. pays a fee.",
            "He said the fee was fair.",
        ],
        &[
            "Dunmore Steel Inc. said it would appeal.",
            "Its lawyer, Ana Soto, spoke outside.",
            "“We will win,” she said.",
        ],
    ]));
    assert_eq!(
        out[1].source_kind,
        Some(SourceKind::Pronoun),
        "{:?}",
        out[1]
    );
    check(&out[4], "said", "Ana Soto", Some(SourceKind::NamedPerson));
    // Near miss: a name at the start of the previous sentence is still found.
    let out = Attributor::new().attribute(&doc(&[&[
        "Ana Soto, the plant's lawyer, spoke outside.",
        "“We will win,” she said.",
    ]]));
    check(&out[1], "said", "Ana Soto", Some(SourceKind::NamedPerson));
}

#[test]
fn she_does_not_take_a_man_reached_through_he() {
    let out = Attributor::new().attribute(&doc(&[&[
        "Dr. Raj Patel took the stand first.",
        "He said costs would rise.",
        "The judge, Mia Long, ruled later.",
        "She said the remedy was too small.",
        "He said nothing more.",
    ]]));
    check(&out[1], "said", "Raj Patel", Some(SourceKind::NamedPerson));
    check(&out[3], "said", "Mia Long", Some(SourceKind::NamedPerson));
    check(&out[4], "said", "Raj Patel", Some(SourceKind::NamedPerson));
    // Near miss: with no other candidate in reach, the only person is still taken.
    let out = Attributor::new().attribute(&doc(&[&[
        "Mia Long ruled first.",
        "She said costs would rise.",
        "He said nothing more.",
    ]]));
    check(&out[2], "said", "Mia Long", Some(SourceKind::NamedPerson));
}

#[test]
fn outlets_in_play_are_publications() {
    let attributor = Attributor::new().with_outlets(["The Lakeshore Ledger"]);
    let out = attributor.attribute(&doc(&[&[
        "The plant will close, the Lakeshore Ledger reported.",
    ]]));
    check(
        &out[0],
        "reported",
        "the Lakeshore Ledger",
        Some(SourceKind::Publication),
    );
    // Near miss: without the outlet, the name is read as a body ("the" + capitals).
    let out = Attributor::new().attribute(&doc(&[&[
        "The plant will close, the Lakeshore Ledger reported.",
    ]]));
    assert_eq!(out[0].source_kind, Some(SourceKind::Organization));
}

#[test]
fn a_capitalised_cue_inside_a_sentence_is_part_of_a_name() {
    for s in [
        "Ohio State beat Michigan 24-17 on Saturday.",
        "Ridgeway State's defense held the visitors to one field goal.",
    ] {
        check(&one(s), "", "", None);
    }
    // Lower case, the same words are cues.
    let a = one("The officials state that the bridge is safe.");
    check(&a, "state", "The officials", Some(SourceKind::Anonymous));
}

#[test]
fn per_credits_a_determined_or_named_source_never_a_rate() {
    let a = one("Per the company, the plant will reopen on Monday.");
    check(&a, "Per", "the company", Some(SourceKind::Organization));
    let a = one("Per a statement released by the firm, its chair will step down in March.");
    check(
        &a,
        "Per",
        "a statement released by the firm",
        Some(SourceKind::Document),
    );
    for s in [
        "The shares rose 5 cents per share on Tuesday.",
        "The dinner cost $50 per person, organizers said.",
    ] {
        assert_ne!(one(s).cue, "per", "{s}");
    }
}

#[test]
fn unnamed_groups_of_people_are_anonymous_sources() {
    for (s, source) in [
        (
            "The researchers said the drug cut the risk of stroke.",
            "The researchers",
        ),
        (
            "The effect was larger in older patients, the authors wrote.",
            "the authors",
        ),
        (
            "Fans said the stadium was half empty by the fourth quarter.",
            "Fans",
        ),
    ] {
        assert_eq!(one(s).source, source, "{s}");
        assert_eq!(one(s).source_kind, Some(SourceKind::Anonymous), "{s}");
    }
    // A named researcher is a person, not a group.
    let a = one("Researcher Ana Ruiz said the effect was small.");
    assert_eq!(a.source_kind, Some(SourceKind::NamedPerson), "{a:?}");
}

#[test]
fn a_number_with_digit_groups_stays_in_its_source() {
    // the word view read "1,200" as two words with a comma between them, a clause boundary
    let a = one("The 1,200 workers said the plant would close.");
    check(&a, "said", "The 1,200 workers", Some(SourceKind::Anonymous));
}
