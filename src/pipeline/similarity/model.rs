//! Fitted constants of the similarity model. GENERATED: do not edit.
//!
//! Regenerate with:
//!
//! ```text
//! cargo run --release -- fit MSRP_FILE --folds 10 --write src/pipeline/similarity/model.rs
//! ```
//!
//! The IDF measures read src/data/stem_df.txt: regenerate that first when the tokenizer
//! changes (`fit MSRP_FILE --write-df src/data/stem_df.txt`), rebuild, then refit.
//!
//! Logistic regression (Newton/IRLS, L2 10 on standardised measures) over the MSRP
//! training split (4076 pairs). 10-fold cross-validation (fold = pair index % 10): accuracy 76.8%,
//! paraphrase F1 83.9. Refitted on all pairs: accuracy 77.6%, F1 84.4.

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
    -1.7242549194519818,
    -0.10490051392277086,
    -1.9570956499037695,
    1.6634535571931137,
    -1.108478051272414,
    2.3300310184277055,
    0.10505104918738492,
    1.055228273917766,
    -0.4039945110827509,
    0.02716792201474504,
    -0.20979341020983497,
    0.6294485439458654,
    -0.19366111537230066,
    1.43914352076556,
    -1.6079465931952697,
    -0.286542952791726,
    0.8709821655035185,
    -0.018674398677494302,
    -0.3261929539536054,
    1.632636337047993,
    -1.0059311796594324,
    0.19118618198429485,
    2.1524972517787453,
    0.9211466870707719,
    1.8899402349999117,
    -0.27845115368524653,
    -0.2919411698832177,
    -0.6692779977109791,
    -0.3375573265874454,
    0.1854669907257904,
    0.7760810362566881,
    2.163806415702661,
    0.8357899164876603,
    -1.0084724451712845,
    0.0043995824873628,
    -1.062429834276524,
    0.027725145936151423,
    -1.6203324418522804,
];

/// The intercept.
pub const BIAS: f64 = -0.6803227847982943;

/// Probability threshold with the best accuracy + F1 on the training split.
pub const PARAPHRASE_THRESHOLD: f64 = 0.4699518986020865;

/// Default corroborate threshold: the paraphrase threshold moved 0.5 of the way to 1.
pub const CORROBORATE_THRESHOLD: f64 = 0.7349759493010433;
