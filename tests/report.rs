//! The HTML report (`compare --format html`), checked in a real headless Chromium: the page's
//! script must have drawn one connection per link of the claims CSV, every flag must show its
//! diff, and a screenshot must not be blank. Without a browser these tests print
//! "skipped: chromium not found", except under CI=true, where that is a failure (.ci/run
//! installs Chromium).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{crosscheck, csv_maps, root, success_stdout};

const WSJ: &str = "corpus/ukraine-plan/wsj.txt";
const POST: &str = "corpus/ukraine-plan/post.txt";

/// The browser to test with, if one is installed.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "chromium not found, but CI=true: .ci/run installs it"
        );
        eprintln!("skipped: chromium not found");
    }
    found
}

/// Runs headless Chromium on a local page with a fresh profile and no network services,
/// returning its stdout. A browser that hangs is killed after a minute.
fn run_chromium(browser: &Path, page: &Path, extra: &[&str]) -> Vec<u8> {
    let profile = tempfile::tempdir().unwrap();
    let out_file = profile.path().join("stdout");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,1000",
        ])
        .arg(format!(
            "--user-data-dir={}",
            profile.path().join("p").display()
        ))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_file).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "chromium failed: {status}");
    std::fs::read(out_file).unwrap()
}

/// Writes the report of `articles` into `dir` and returns its path.
fn write_report(dir: &Path, articles: &[&str]) -> PathBuf {
    let page = dir.join("report.html");
    crosscheck()
        .args(["compare", "--format", "html", "-o"])
        .arg(&page)
        .args(articles)
        .assert()
        .success()
        .stdout("");
    page
}

/// The attributes of every `<name ...>` start tag, in document order, with their offsets.
fn tags(dom: &str, name: &str) -> Vec<(usize, BTreeMap<String, String>)> {
    let open = format!("<{name} ");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = dom[from..].find(&open) {
        let start = from + i;
        let end = start + dom[start..].find('>').expect("a closed tag");
        out.push((start, attributes(&dom[start + open.len()..end])));
        from = end;
    }
    out
}

/// `a="x" b="y"` as a map, entities decoded.
fn attributes(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut rest = text.trim_start();
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq].trim().rsplit(' ').next().unwrap().to_string();
        let value_start = eq + 2;
        let value_end = value_start + rest[value_start..].find('"').unwrap();
        let value = rest[value_start..value_end]
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        out.insert(key, value);
        rest = &rest[value_end + 1..];
    }
    out
}

fn pair(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

#[test]
fn seed_pair_report_in_chromium_shows_every_link_and_flag() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = write_report(dir.path(), &[WSJ, POST]);
    let dom = String::from_utf8(run_chromium(&browser, &page, &["--dump-dom"])).unwrap();
    assert!(dom.contains("data-ready=\"1\""), "the page's script ran");

    // Both articles, one in each column.
    let left = dom.find("id=\"left-col\"").unwrap();
    let right = dom.find("id=\"right-col\"").unwrap();
    let stash = dom.find("id=\"stash\"").unwrap();
    let articles = tags(&dom, "article");
    let placed: Vec<(&str, usize)> = articles
        .iter()
        .map(|(at, a)| (a["data-label"].as_str(), *at))
        .collect();
    assert_eq!(placed.len(), 2);
    assert_eq!(placed[0].0, "wsj");
    assert!(left < placed[0].1 && placed[0].1 < right);
    assert_eq!(placed[1].0, "post");
    assert!(right < placed[1].1 && placed[1].1 < stash);

    // Every claim is on the page, named as the CSV names it.
    let csv = csv_maps(&success_stdout(crosscheck().args(["compare", WSJ, POST])));
    let refs: BTreeMap<String, String> = tags(&dom, "span")
        .into_iter()
        .filter_map(|(_, a)| Some((a.get("id")?.clone(), a.get("data-ref")?.clone())))
        .collect();
    let names: BTreeSet<&String> = refs.values().collect();
    for row in &csv {
        assert!(names.contains(&format!("{}:{}", row["doc"], row["sentence"])));
    }

    // One drawn connection per link of the CSV, and none that the CSV lacks.
    let expected: BTreeSet<(String, String)> = csv
        .iter()
        .flat_map(|row| {
            let me = format!("{}:{}", row["doc"], row["sentence"]);
            row["matches"]
                .split(';')
                .filter(|m| !m.is_empty())
                .map(move |m| pair(&me, m))
                .collect::<Vec<_>>()
        })
        .collect();
    let drawn: BTreeSet<(String, String)> = tags(&dom, "path")
        .into_iter()
        .map(|(_, a)| {
            assert!(a["data-score"].parse::<f64>().is_ok());
            assert!(["corroborated", "paraphrased"].contains(&a["data-verdict"].as_str()));
            pair(&refs[&a["data-a"]], &refs[&a["data-b"]])
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(drawn, expected);

    // Every flag of the CSV has an entry with a word diff.
    let flags = tags(&dom, "div")
        .into_iter()
        .filter(|(_, a)| a.get("class").is_some_and(|c| c == "flag"))
        .collect::<Vec<_>>();
    let mut checked = 0;
    for row in &csv {
        let me = format!("{}:{}", row["doc"], row["sentence"]);
        for flag in row["flags"].split(';').filter(|f| !f.is_empty()) {
            let (kind, other) = flag.split_once(':').unwrap();
            let (at, _) = flags
                .iter()
                .find(|(_, a)| {
                    a["data-kind"] == kind
                        && pair(&refs[&a["data-a"]], &refs[&a["data-b"]]) == pair(&me, other)
                })
                .unwrap_or_else(|| panic!("no entry for flag {flag} of {me}"));
            let entry = &dom[*at..];
            let entry = &entry[..entry[1..]
                .find("<div class=\"flag\"")
                .map_or(entry.len(), |e| e + 1)];
            let diff = &entry[entry.find("class=\"diff\"").expect("a diff")..];
            assert!(
                diff.contains("<del>") || diff.contains("<ins>"),
                "flag {flag} of {me} shows what changed"
            );
            checked += 1;
        }
    }
    assert!(checked >= 4, "the seed pair has flags on both sides");
}

/// With scripting off the page still shows every article, in colour: the markup as served
/// holds them all (the controls that need the script stay hidden), and a screenshot of the
/// page with its script removed shows text and the status colours. (Chromium's headless
/// --dump-dom and --screenshot need the script engine, so scripting cannot simply be turned
/// off; the page has no script but its own.)
#[test]
fn report_reads_without_javascript() {
    let dir = tempfile::tempdir().unwrap();
    let page = write_report(dir.path(), &["corpus/merger-ruling"]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(
        tags(&html, "article").len(),
        3,
        "every article is in the markup"
    );
    assert!(tags(&html, "path").is_empty(), "lines are the script's");
    let form = &html[html.find("<form").unwrap()..];
    assert!(
        form[..form.find('>').unwrap()].contains(" hidden"),
        "the controls that need the script stay hidden"
    );
    let Some(browser) = chromium() else { return };
    let (start, end) = (
        html.find("<script>").unwrap(),
        html.find("</script>").unwrap(),
    );
    let page = dir.path().join("no-script.html");
    std::fs::write(&page, format!("{}{}", &html[..start], &html[end + 9..])).unwrap();
    let shot = dir.path().join("shot.png");
    run_chromium(
        &browser,
        &page,
        &[&format!("--screenshot={}", shot.display())],
    );
    let stats = Screenshot::read(&shot);
    assert!(
        stats.dark > 5_000,
        "text is drawn ({} dark pixels)",
        stats.dark
    );
    for (name, n) in stats.status_pixels() {
        assert!(
            n > 5_000,
            "{name} claims are coloured without the script ({n} pixels)"
        );
    }
}

/// A colour the stylesheet defines as `--name: #rrggbb;`.
fn css_colour(name: &str) -> [u8; 3] {
    let css = std::fs::read_to_string(root().join("src/report/report.css")).unwrap();
    let key = format!("--{name}: #");
    let at = css.find(&key).expect("the colour is defined") + key.len();
    let byte = |i: usize| u8::from_str_radix(&css[at + i..at + i + 2], 16).unwrap();
    [byte(0), byte(2), byte(4)]
}

/// The three status colours as the stylesheet defines them.
fn status_colours() -> Vec<(String, [u8; 3])> {
    ["corroborated", "paraphrased", "single"]
        .iter()
        .map(|name| (name.to_string(), css_colour(name)))
        .collect()
}

/// What the tests need to know about a screenshot.
struct Screenshot {
    pixels: Vec<[u8; 3]>,
    /// Variance of the luma over the whole image.
    variance: f64,
    /// Pixels dark enough to be text.
    dark: usize,
}

impl Screenshot {
    fn read(path: &Path) -> Screenshot {
        let file = std::fs::File::open(path).expect("chromium wrote the screenshot");
        let mut reader = png::Decoder::new(std::io::BufReader::new(file))
            .read_info()
            .unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (1400, 1000));
        let channels = info.color_type.samples();
        assert!(channels >= 3, "an RGB image");
        let pixels: Vec<[u8; 3]> = buf[..info.buffer_size()]
            .chunks(channels)
            .map(|p| [p[0], p[1], p[2]])
            .collect();
        let luma: Vec<f64> = pixels
            .iter()
            .map(|p| 0.299 * f64::from(p[0]) + 0.587 * f64::from(p[1]) + 0.114 * f64::from(p[2]))
            .collect();
        let mean = luma.iter().sum::<f64>() / luma.len() as f64;
        let variance = luma.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / luma.len() as f64;
        let dark = luma.iter().filter(|&&l| l < 80.0).count();
        Screenshot {
            pixels,
            variance,
            dark,
        }
    }

    /// How many pixels have each status colour exactly (claim backgrounds).
    fn status_pixels(&self) -> Vec<(String, usize)> {
        status_colours()
            .into_iter()
            .map(|(name, colour)| (name, self.pixels.iter().filter(|&&p| p == colour).count()))
            .collect()
    }
}

#[test]
fn seed_pair_screenshot_is_not_blank() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = write_report(dir.path(), &[WSJ, POST]);
    let shot = dir.path().join("shot.png");
    run_chromium(
        &browser,
        &page,
        &[&format!("--screenshot={}", shot.display())],
    );
    let stats = Screenshot::read(&shot);
    assert!(
        stats.variance > 100.0,
        "the page is not blank (luma variance {:.1})",
        stats.variance
    );
    assert!(
        stats.dark > 5_000,
        "text is drawn ({} dark pixels)",
        stats.dark
    );
    for (name, n) in stats.status_pixels() {
        assert!(n > 5_000, "{name} claims are coloured ({n} pixels)");
    }
    // The lines between linked claims are drawn in the gutter between the columns.
    let line_colours = [css_colour("line-c"), css_colour("line-p")];
    let tinted = stats
        .pixels
        .iter()
        .filter(|p| {
            line_colours.iter().any(|c| {
                (0..3).all(|i| (i32::from(p[i]) - i32::from(c[i])).abs() < 60)
                    && p.iter().map(|&v| i32::from(v)).sum::<i32>() < 600
            })
        })
        .count();
    assert!(tinted > 200, "connections are drawn ({tinted} line pixels)");
}

#[test]
fn three_articles_get_a_pair_picker() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = write_report(dir.path(), &["corpus/merger-ruling"]);
    let dom = String::from_utf8(run_chromium(&browser, &page, &["--dump-dom"])).unwrap();
    assert!(dom.contains("id=\"pick-left\"") && dom.contains("id=\"pick-right\""));
    let right = dom.find("id=\"right-col\"").unwrap();
    let stash = dom.find("id=\"stash\"").unwrap();
    let articles = tags(&dom, "article");
    assert_eq!(articles.len(), 3);
    // The first article against every other one.
    assert!(articles[0].0 < right);
    assert!(articles[1..]
        .iter()
        .all(|(at, _)| right < *at && *at < stash));
    assert!(!tags(&dom, "path").is_empty());
}

#[test]
fn report_escapes_article_text() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("evil.txt");
    std::fs::write(
        &evil,
        "The mayor said <script>alert(\"x\")</script> was \"fine\" & legal.\n\
         A <b onmouseover=\"steal()\">bold</b> claim was made on Tuesday.\n",
    )
    .unwrap();
    let out = success_stdout(
        crosscheck()
            .args(["compare", "--format", "html", WSJ])
            .arg(format!("x\"<i>={}", evil.display())),
    );
    let html = String::from_utf8(out).unwrap();
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the page's own script"
    );
    assert!(!html.contains("<b onmouseover"));
    assert!(!html.contains("<i>"));
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert!(html.contains("x&quot;&lt;i&gt;"), "labels are escaped too");
}

#[test]
fn report_is_deterministic_and_offline() {
    let args = ["compare", "--format", "html", "corpus/merger-ruling"];
    let one = success_stdout(crosscheck().args(args).args(["--threads", "1"]));
    let four = success_stdout(crosscheck().args(args).args(["--threads", "4"]));
    assert_eq!(one, four);
    // The SVG namespace is a name, not a fetch; nothing else may point outside the file.
    let html = String::from_utf8(one)
        .unwrap()
        .replace("http://www.w3.org/2000/svg", "");
    for remote in ["http:", "https:", "<link", " src=", "@import", "url("] {
        assert!(!html.contains(remote), "{remote} in the page");
    }
}

#[test]
fn summary_has_no_html_form() {
    crosscheck()
        .args(["compare", "--summary", "--format", "html", WSJ, POST])
        .assert()
        .code(2);
}
