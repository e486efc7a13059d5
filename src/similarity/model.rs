//! Fitted constants of the similarity model. GENERATED: do not edit.
//!
//! Regenerate with:
//!
//! ```text
//! cargo run --release -- fit MSRP_FILE --folds 10 --write src/similarity/model.rs
//! ```
//!
//! The IDF measures read src/data/stem_df.txt: regenerate that first when the tokenizer
//! changes (`fit MSRP_FILE --write-df src/data/stem_df.txt`), rebuild, then refit.
//!
//! Logistic regression (Newton/IRLS, L2 10 on standardised measures) over the MSRP
//! training split (4076 pairs). 10-fold cross-validation (fold = pair index % 10): accuracy 76.9%,
//! paraphrase F1 84.0. Refitted on all pairs: accuracy 77.6%, F1 84.4.

/// Measure names the weights were fitted for (must match `features::NAMES`).
pub const MEASURES: [&str; 38] = [
    "content_dice",
    "content_containment",
    "content_cover_max",
    "prefix_dice",
    "bigram_containment",
    "bigram_cover_max",
    "word_edit_similarity",
    "length_ratio",
    "numbers_disagree",
    "names_unmatched",
    "names_shared",
    "unmatched_content",
    "quote_mismatch",
    "char_trigram_dice",
    "trigram_containment",
    "word_dice",
    "unmatched_long",
    "length_difference",
    "claim_containment",
    "claim_edit_similarity",
    "negation_mismatch",
    "content_dice_squared",
    "char_trigram_dice_squared",
    "word_containment",
    "edit_times_length_ratio",
    "unmatched_short_prefix",
    "unmatched_long_prefix",
    "unmatched_run_max",
    "unmatched_run_min",
    "shorter_length",
    "idf_dice",
    "idf_containment",
    "idf_cover_max",
    "idf_unmatched_max",
    "idf_unmatched_min",
    "meteor",
    "bleu",
    "fourgram_containment",
];

/// One weight per measure.
pub const WEIGHTS: [f64; 38] = [
    -1.7316333991046957,
    -0.10805183132118913,
    -1.9621480953554806,
    1.6568627410553098,
    -1.1206313704596673,
    2.3404675195443105,
    0.043023324220777814,
    1.0809878765160124,
    -0.402390270731595,
    0.03365435851026631,
    -0.20775125427968877,
    0.6260699211223851,
    -0.19772942206670113,
    1.4205286957818672,
    -1.605935628570894,
    -0.28775856103439373,
    0.8758116835408446,
    -0.015984802629613746,
    -0.29914240443998935,
    1.7403534968100596,
    -0.9953085625822654,
    0.19702042025156133,
    2.155659528508456,
    0.9000059089676017,
    1.8618436803245073,
    -0.284418279854185,
    -0.29068491464127455,
    -0.6698029710215699,
    -0.33358839742771035,
    0.1854640952555586,
    0.7910241320317183,
    2.1538718350589114,
    0.8370121417690068,
    -1.0075681903028737,
    0.0033503054040017115,
    -1.0687172320473801,
    0.03886819222936827,
    -1.6386246456661995,
];

/// The intercept.
pub const BIAS: f64 = -0.7014419676659371;

/// Probability threshold with the best accuracy + F1 on the training split.
pub const PARAPHRASE_THRESHOLD: f64 = 0.4680577312812603;

/// Default corroborate threshold: the paraphrase threshold moved 0.5 of the way to 1.
pub const CORROBORATE_THRESHOLD: f64 = 0.7340288656406302;
