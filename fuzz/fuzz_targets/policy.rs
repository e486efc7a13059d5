//! The check policy (crosscheck.toml) parser on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

use crosscheck::review::check::Policy;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Policy::parse("crosscheck.toml", text) {
        Ok(policy) => assert!((0.0..=1.0).contains(&policy.min_corroborated_share)),
        // One line naming the file.
        Err(e) => {
            let message = e.to_string();
            assert!(message.starts_with("crosscheck.toml"), "{message}");
            assert!(!message.contains('\n'), "{message}");
        }
    }
});
