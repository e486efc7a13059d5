//! The article loader and its header parser on arbitrary bytes (UTF-8 or not).
#![no_main]

use libfuzzer_sys::fuzz_target;

use crosscheck::pipeline::document;

fuzz_target!(|data: &[u8]| {
    let loaded = document::from_bytes("fuzz".into(), "fuzz.txt".into(), data.to_vec());
    let Ok(doc) = loaded else {
        return;
    };
    // Nothing in the text is rewritten: the document holds the bytes as given.
    assert_eq!(doc.text.as_bytes(), data);
    assert!(doc.body_start <= doc.text.len() && doc.text.is_char_boundary(doc.body_start));
    assert!(!doc.text[doc.body_start..].trim().is_empty());
    // The header parser is a function of the text: the same answer again.
    let (meta, body_start) = document::parse_header(&doc.text);
    assert_eq!((meta, body_start), (doc.meta.clone(), doc.body_start));
    let body = &doc.text[doc.body_start..];
    let dateline = document::dateline_len(body);
    assert!(dateline <= body.len() && body.is_char_boundary(dateline));
});
