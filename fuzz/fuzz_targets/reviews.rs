//! The reviews-file parser on arbitrary bytes; what it accepts must survive a write and a
//! read back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

use crosscheck::review::Reviews;

fuzz_target!(|data: &[u8]| {
    let Ok(reviews) = Reviews::parse("reviews.csv", data) else {
        return;
    };
    let written = reviews.to_csv();
    let again = Reviews::parse("reviews.csv", &written).expect("reads back what it wrote");
    assert_eq!(again, reviews, "round trip changed the reviews");
    assert_eq!(again.to_csv(), written, "writing is not deterministic");
});
