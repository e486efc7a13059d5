//! The segmenter on arbitrary article text, in each line-break mode (first byte).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let (selector, text) = common::article(data);
    common::segment_checked(selector, &text);
});
