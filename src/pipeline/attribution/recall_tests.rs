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
