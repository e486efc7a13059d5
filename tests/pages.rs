//! Web pages (tests/pages/*.html, written for these tests in the shapes of real sites) give the
//! claims of their plain-text versions (tests/pages/*.txt): page furniture never becomes a
//! claim, every article sentence does, and the page's metadata fills the document's.

use crate::util::{crosscheck, root, success_stdout};

/// Each page, and text of its furniture that must never be part of a claim.
const PAGES: &[(&str, &[&str])] = &[
    (
        // A newspaper: cookie banner, menu, search, share bar, an ad slot, a related-stories
        // box inside the article, comments, newsletter footer; JSON-LD date, quote in a
        // <blockquote>.
        "herald",
        &[
            "cookie",
            "Sport",
            "Search",
            "Share",
            "Tweet",
            "Advertisement",
            "Related",
            "closed to trucks after inspection",
            "Council delays",
            "Comments",
            "About time",
            "scandal",
            "Leave a comment",
            "newsletter",
            "rights reserved",
            "Privacy",
        ],
    ),
    (
        // A blog copy of the newspaper page: date line in Spanish, search box, follower box,
        // category links, post navigation, recent posts.
        "blog-copy",
        &[
            "de marzo",
            "Marta Quiroga",
            "Search",
            "Follow",
            "followers",
            "email address",
            "Posted in",
            "Previous post",
            "Next post",
            "Market day",
            "River clean-up",
            "powered by",
            "two languages",
        ],
    ),
    (
        // A wire page: a menu bar line, the article in one block split by <br>, a byline
        // above the dateline, the reporting credit, a most-read box.
        "wire",
        &[
            "Markets",
            "Business",
            "By Tom Lee",
            "Reporting by",
            "Editing",
            "Most read",
            "Stocks slip",
            "rights reserved",
        ],
    ),
    (
        // A TV station: live banner, video player and captions, social buttons, a newsletter
        // box, more stories; JSON-LD @graph date.
        "tv",
        &[
            "LIVE",
            "Watch",
            "Play video",
            "Sky 9",
            "Water covers",
            "KDNV photo",
            "Facebook",
            "Copy link",
            "breaking news alerts",
            "newsletter",
            "Subscribe",
            "More stories",
            "superintendent",
            "Copyright",
        ],
    ),
    (
        // A business paper with a paywall notice after the free paragraphs.
        "paywall",
        &[
            "Sign in",
            "Subscribe",
            "Markets",
            "limit of free articles",
            "unlimited access",
            "Already a subscriber",
            "Front St.",
            "rights reserved",
        ],
    ),
];

/// The claims of one input as `(text, paragraph, line)`, from `compare --format jsonl`.
fn claims(args: &[&str]) -> Vec<(String, usize, usize)> {
    let out = success_stdout(
        crosscheck()
            .arg("compare")
            .args(args)
            .args(["--format", "jsonl"]),
    );
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                v["text"].as_str().unwrap().to_string(),
                v["paragraph"].as_u64().unwrap() as usize,
                v["line"].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

fn texts(args: &[&str]) -> Vec<String> {
    claims(args).into_iter().map(|c| c.0).collect()
}

fn page(name: &str, ext: &str) -> String {
    format!("tests/pages/{name}.{ext}")
}

#[test]
fn pages_give_the_claims_of_their_text_versions() {
    for (name, _) in PAGES {
        let html = texts(&[&page(name, "html")]);
        let text = texts(&[&page(name, "txt")]);
        assert!(html.len() >= 4, "{name}: {html:?}");
        assert_eq!(html, text, "{name}");
    }
}

#[test]
fn no_menu_share_cookie_or_comment_text_is_a_claim() {
    for (name, furniture) in PAGES {
        for ext in ["html", "txt"] {
            for claim in texts(&[&page(name, ext)]) {
                for f in *furniture {
                    assert!(!claim.contains(f), "{name}.{ext}: {f:?} in claim {claim:?}");
                }
            }
        }
    }
}

#[test]
fn every_article_sentence_is_a_claim() {
    // The text versions hold only article lines (except the blog copy's pasted furniture), so
    // keeping every line must change nothing: the furniture rules drop no article sentence.
    for (name, _) in PAGES.iter().filter(|(n, _)| *n != "blog-copy") {
        let all = texts(&[&page(name, "txt"), "--keep-all-lines"]);
        assert_eq!(texts(&[&page(name, "txt")]), all, "{name}");
        // One claim per sentence written: each body line of these files is one sentence.
        let body = std::fs::read_to_string(root().join(page(name, "txt"))).unwrap();
        let (_, start) = crosscheck::pipeline::document::parse_header(&body);
        let sentences = body[start..]
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count();
        assert_eq!(all.len(), sentences, "{name}");
    }
}

#[test]
fn blog_copy_chrome_lines_give_no_claims() {
    let pasted = page("blog-copy", "txt");
    let kept = texts(&[&pasted, "--keep-all-lines"]);
    for chrome in [
        "5 de marzo de 2026",
        "Search for:",
        "Join 1,204 other followers",
    ] {
        assert!(kept.iter().any(|c| c == chrome), "{chrome} is in the file");
    }
    let claims = texts(&[&pasted]);
    assert_eq!(claims.len(), 5, "{claims:#?}");
    assert!(claims.iter().all(|c| c.ends_with('.')), "{claims:#?}");
}

#[test]
fn page_metadata_is_filled() {
    let want = [
        ("herald", "The Valley Herald", "2026-03-04", "Ana Ruiz"),
        ("blog-copy", "Valle Abierto", "2026-03-05", "Marta Quiroga"),
        ("wire", "Continental Press", "2026-04-18", "Tom Lee"),
        ("tv", "KDNV 9 News", "2026-04-18", "Carla Mendes"),
        (
            "paywall",
            "Midstate Business Journal",
            "2026-06-09",
            "Priya Shah",
        ),
    ];
    for (name, outlet, date, author) in want {
        let bytes = std::fs::read(root().join(page(name, "html"))).unwrap();
        let doc = crosscheck::pipeline::html::document(name.into(), name.into(), bytes).unwrap();
        let text = crosscheck::pipeline::document::parse_header(
            &std::fs::read_to_string(root().join(page(name, "txt"))).unwrap(),
        )
        .0;
        assert_eq!(doc.meta.outlet.as_deref(), Some(outlet), "{name}");
        assert_eq!(doc.meta.date.as_deref(), Some(date), "{name}");
        assert_eq!(doc.meta.author.as_deref(), Some(author), "{name}");
        assert_eq!(doc.meta.title, text.title, "{name}");
    }
}

#[test]
fn claims_lead_back_into_the_page() {
    for (name, _) in PAGES {
        let html = std::fs::read_to_string(root().join(page(name, "html"))).unwrap();
        let lines: Vec<&str> = html.lines().collect();
        let mut last = (0, 0);
        for (text, paragraph, line) in claims(&[&page(name, "html")]) {
            let word = text
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .find(|w| !w.is_empty())
                .unwrap();
            assert!(
                lines[line - 1].contains(word),
                "{name}: {text} at line {line}"
            );
            assert!((paragraph, line) >= last, "{name}: positions run forward");
            last = (paragraph, line);
        }
    }
}

#[test]
fn the_outlet_named_by_the_page_serves_credit_matching() {
    let out = success_stdout(crosscheck().args([
        "compare",
        "tests/pages/herald.html",
        "tests/pages/blog-copy.html",
        "--summary",
        "--format",
        "json",
    ]));
    let summary: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let blog = &summary["documents"][1];
    assert_eq!(blog["outlet"], "Valle Abierto");
    assert_eq!(blog["derived_from"][0]["doc"], "herald", "{summary:#}");
}

#[test]
fn stdin_reads_a_page_with_input_format_html() {
    let html = std::fs::read(root().join("tests/pages/wire.html")).unwrap();
    let out = success_stdout(
        crosscheck()
            .args([
                "compare",
                "-",
                "--input-format",
                "html",
                "--format",
                "jsonl",
            ])
            .write_stdin(html),
    );
    let n = String::from_utf8(out).unwrap().lines().count();
    assert_eq!(n, texts(&[&page("wire", "txt")]).len());
}

#[test]
fn a_directory_reads_its_pages_too() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["herald.html", "tv.html"] {
        std::fs::copy(root().join("tests/pages").join(name), dir.path().join(name)).unwrap();
    }
    let out = success_stdout(
        crosscheck()
            .arg("compare")
            .arg(dir.path())
            .args(["--format", "jsonl"]),
    );
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("\"doc\":\"herald\"") && text.contains("\"doc\":\"tv\""));
}
