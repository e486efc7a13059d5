//! Evaluation against labelled data: how well crosscheck's output agrees with an answer key
//! that people wrote before running the tool.
//!
//! Takes labelled sets and the analysis crosscheck makes of them; returns counts (true and
//! false links, statuses right) and the disagreements themselves, so a developer sees what
//! was missed, not only how much. [`links`] scores claim matching on article pairs whose
//! shared claims are labelled (tests/devset/); [`attribution`] scores cues and sources on
//! articles with annotated attributions (PolNeAR's layout).

pub mod attribution;
pub mod links;
