//! Fitted constants of the similarity model. GENERATED: do not edit.
//!
//! Regenerate with:
//!
//! ```text
//! cargo run --release -- fit MSRP_FILE --folds 10 --write src/similarity/model.rs
//! ```
//!
//! Logistic regression (Newton/IRLS, L2 1 on standardised measures) over the MSRP
//! training split (4076 pairs). 10-fold cross-validation (fold = pair index % 10): accuracy 76.8%,
//! paraphrase F1 83.6. Refitted on all pairs: accuracy 77.8%, F1 84.3.

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
    -3.9025161226901868,
    -0.5666255346148559,
    -2.5555343654379925,
    3.3574679698413803,
    -4.2499391599778615,
    7.613099471875291,
    -0.6967291877222372,
    1.4309216265561409,
    -0.41388998838858093,
    0.02781561207854819,
    -0.2080657191127275,
    1.2881793064925469,
    -0.1931623442486735,
    0.2580735762544471,
    -1.1103952935324342,
    -2.093040819078354,
    2.48190434671598,
    0.1210339411950604,
    -0.43096010364697857,
    1.9807122205826828,
    -1.031734150075006,
    2.312965940143325,
    3.087061614698407,
    2.8326962500564132,
    2.4472347179760994,
    -0.5672621394479451,
    -1.1538526377238347,
    -0.7250455545682355,
    -0.397097068032429,
    -0.18766909965671644,
    -1.639872912222064,
    4.540325885482055,
    0.7718666297049691,
    -1.7052581234292274,
    0.034514196176811264,
    -1.672652795527001,
    -2.5755324077453285,
    -1.1584145679151707,
];

/// The intercept.
pub const BIAS: f64 = 1.1782758868756353;

/// Probability threshold with the best accuracy on the training split.
pub const PARAPHRASE_THRESHOLD: f64 = 0.49882312263594114;

/// Default corroborate threshold: the paraphrase threshold moved 0.5 of the way to 1.
pub const CORROBORATE_THRESHOLD: f64 = 0.7494115613179706;
