//! Fitted constants of the similarity model. GENERATED: do not edit.
//!
//! Regenerate with:
//!
//! ```text
//! cargo run --release -- fit MSRP_FILE --folds 10 --write src/similarity/model.rs
//! ```
//!
//! Logistic regression (Newton/IRLS, L2 1 on standardised measures) over the MSRP
//! training split (4076 pairs). 10-fold cross-validation (fold = pair index % 10): accuracy 76.3%,
//! paraphrase F1 83.2. Refitted on all pairs: accuracy 76.9%, F1 83.8.

/// Measure names the weights were fitted for (must match `features::NAMES`).
pub const MEASURES: [&str; 30] = [
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
];

/// One weight per measure.
pub const WEIGHTS: [f64; 30] = [
    -2.5178344492718043,
    3.290816761159915,
    -3.3574997730191605,
    2.3067138424040827,
    -3.568854025016674,
    5.815010851434646,
    -0.4723230833684219,
    0.8402332575242499,
    -0.4663522699602266,
    -0.10579801402801155,
    -0.22718770574126324,
    1.1317599568472887,
    -0.22595878800091065,
    0.6007322362686468,
    -3.6321185480567078,
    -3.397437914898513,
    0.7856488377472155,
    0.08521649304635859,
    -0.11560249246589244,
    1.8060681857428627,
    -0.886106624633519,
    1.9386686681116656,
    3.151312150142162,
    2.9675229900255884,
    2.00371047269479,
    -0.36949095979161894,
    -1.6587939324615812,
    -0.6627286446441752,
    -0.30725842380443225,
    -0.01311079377050481,
];

/// The intercept.
pub const BIAS: f64 = -1.0186577175278966;

/// Probability threshold with the best accuracy on the training split.
pub const PARAPHRASE_THRESHOLD: f64 = 0.48076956357356826;

/// Default corroborate threshold: the paraphrase threshold moved 0.5 of the way to 1.
pub const CORROBORATE_THRESHOLD: f64 = 0.7403847817867841;
