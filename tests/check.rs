//! `crosscheck check` on temp copies of the seed pair: the done-when scenarios of issue 5, every
//! exit code, every output format, and the GitHub annotation syntax.

use std::path::Path;

use crate::review::{decisions, pending, pending_claims, run, Seed};
use crate::util::{csv_maps, success_stdout};

/// Single-source claims as `compare` reports them: (id, doc, line, text).
fn single_source(articles: &[String]) -> Vec<(String, String, usize, String)> {
    claims_where(articles, "status", "single-source")
}

/// Claims that only copies of their own source have (reported as warnings by default).
fn echo_only(articles: &[String]) -> Vec<(String, String, usize, String)> {
    let single: Vec<_> = single_source(articles);
    claims_where(articles, "independent", "no")
        .into_iter()
        .filter(|c| !single.contains(c))
        .collect()
}

fn claims_where(
    articles: &[String],
    column: &str,
    value: &str,
) -> Vec<(String, String, usize, String)> {
    let out = success_stdout(&mut run(&["compare"], articles));
    csv_maps(&out)
        .into_iter()
        .filter(|r| r[column] == value)
        .map(|r| {
            let line = r["line"].parse().unwrap();
            (r["id"].clone(), r["doc"].clone(), line, r["text"].clone())
        })
        .collect()
}

fn ids(articles: &[String]) -> Vec<String> {
    let out = success_stdout(&mut run(&["compare"], articles));
    csv_maps(&out)
        .into_iter()
        .map(|r| r["id"].clone())
        .collect()
}

/// Runs `check` and returns (exit code, stdout, stderr).
fn check(args: &[&str], articles: &[String]) -> (i32, String, String) {
    let mut cmd = run(&["check"], articles);
    cmd.args(args);
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn lines_with<'a>(out: &'a str, what: &str) -> Vec<&'a str> {
    out.lines().filter(|l| l.contains(what)).collect()
}

/// Lines about claims: without the integrity flag warnings and the warnings about credits to
/// outlets that are none of the articles.
fn claim_lines_with<'a>(out: &'a str, what: &str) -> Vec<&'a str> {
    lines_with(out, what)
        .into_iter()
        .filter(|l| !l.contains("integrity flag") && !l.contains(CREDIT_ELSEWHERE))
        .collect()
}

/// What a warning about a credit to an outlet that is none of the articles says.
const CREDIT_ELSEWHERE: &str = "which is none of the articles compared";

/// How many claims credit an outlet that is none of the articles, as `compare --summary`
/// counts them.
fn credits_elsewhere(articles: &[String]) -> usize {
    let mut cmd = run(&["compare", "--summary"], articles);
    let out = String::from_utf8(success_stdout(&mut cmd)).unwrap();
    out.matches(CREDIT_ELSEWHERE).count()
}

/// Integrity flags as `review --list` shows them (once per change).
fn flags(articles: &[String]) -> Vec<crate::review::Pending> {
    pending(articles)
        .into_iter()
        .filter(|p| p.pending == "flag")
        .collect()
}

fn accept_all(articles: &[String]) {
    run(&["review", "--accept-all"], articles)
        .assert()
        .success();
}

fn append(path: &Path, paragraph: &str) -> usize {
    let mut text = std::fs::read_to_string(path).unwrap();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push('\n');
    let line = text.lines().count() + 1;
    text.push_str(paragraph);
    text.push('\n');
    std::fs::write(path, text).unwrap();
    line
}

#[test]
fn no_reviews_file_fails_and_lists_every_single_source_claim_with_file_and_line() {
    let seed = Seed::new();
    let claims = single_source(&seed.articles());
    assert!(!claims.is_empty());
    let (code, out, _) = check(&[], &seed.articles());
    assert_eq!(code, 1, "{out}");
    for (id, doc, line, _) in &claims {
        let path = seed.path(&format!("{doc}.txt")).display().to_string();
        let expected = format!("{path}:{line}: error: ");
        assert!(
            out.lines()
                .any(|l| l.starts_with(&expected) && l.contains(id.as_str())),
            "{id} at {expected} missing:\n{out}"
        );
    }
    assert_eq!(lines_with(&out, ": error: ").len(), claims.len());
    assert!(out.contains("check FAILED"));
}

#[test]
fn accept_all_passes_then_an_added_sentence_fails_alone() {
    let seed = Seed::new();
    accept_all(&seed.articles());
    let (code, out, _) = check(&[], &seed.articles());
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("check passed"));
    assert!(lines_with(&out, ": error: ").is_empty());

    let added = "Qatar's foreign ministry hosted a separate round of talks in Doha on Sunday.";
    let line = append(&seed.path("wsj.txt"), added);
    let (code, out, _) = check(&[], &seed.articles());
    assert_eq!(code, 1, "{out}");
    let errors = lines_with(&out, ": error: ");
    assert_eq!(errors.len(), 1, "{out}");
    let wsj = seed.path("wsj.txt").display().to_string();
    assert!(
        errors[0].starts_with(&format!("{wsj}:{line}: error: ")),
        "{out}"
    );
    assert!(errors[0].contains(added), "{out}");
}

#[test]
fn changed_quote_style_keeps_ids_and_passes() {
    let seed = Seed::new();
    let before = ids(&seed.articles());
    accept_all(&seed.articles());
    for name in ["wsj.txt", "post.txt"] {
        let path = seed.path(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let straight = text
            .replace(['\u{201c}', '\u{201d}'], "\"")
            .replace(['\u{2018}', '\u{2019}'], "'");
        assert_ne!(text, straight, "{name} has curly quotes");
        std::fs::write(&path, straight).unwrap();
    }
    assert_eq!(ids(&seed.articles()), before);
    let (code, out, _) = check(&[], &seed.articles());
    assert_eq!(code, 0, "{out}");
}

/// Wraps every paragraph (blank-line separated) at `width` columns.
fn rewrap(text: &str, width: usize) -> String {
    let mut out = Vec::new();
    for para in text.split("\n\n") {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
        out.push(lines.join("\n"));
    }
    out.join("\n\n") + "\n"
}

/// Re-wrapping hard-wraps every paragraph (blank lines between them), which the segmenter reads
/// in `wrap` mode; the claims, and so their ids, must not change.
#[test]
fn rewrapped_articles_keep_ids_and_pass() {
    let seed = Seed::new();
    // one paragraph per block: blank lines between paragraphs, as --line-breaks wrap reads them
    for name in ["wsj.txt", "post.txt"] {
        let path = seed.path(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let paragraphs: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        std::fs::write(&path, paragraphs.join("\n\n") + "\n").unwrap();
    }
    let wrap = ["--line-breaks", "wrap"];
    let mut args = seed.articles();
    args.extend(wrap.iter().map(|s| s.to_string()));
    let before = ids(&args);
    run(&["review", "--accept-all"], &args).assert().success();
    for name in ["wsj.txt", "post.txt"] {
        let path = seed.path(name);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, rewrap(&text, 60)).unwrap();
    }
    assert_eq!(ids(&args), before);
    let (code, out, _) = check(&[], &args);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn rewrap_helper_only_moves_line_breaks() {
    let text = "one two three four five six\nseven\n\neight nine";
    let wrapped = rewrap(text, 10);
    assert_eq!(
        wrapped,
        "one two\nthree four\nfive six\nseven\n\neight nine\n"
    );
}

#[test]
fn disputed_fails_and_needs_source_warns() {
    let seed = Seed::new();
    // claims (integrity flags, listed first, are decided apart)
    let all = pending_claims(&seed.articles());
    let (disputed, needs) = (&all[0], &all[1]);
    run(
        &[
            "review",
            "--set",
            &format!("{}=disputed", disputed.id),
            "--set",
            &format!("{}=needs-source", needs.id),
        ],
        &seed.articles(),
    )
    .assert()
    .success();
    accept_all(&seed.articles());
    // the flags verified too, so that GitHub's ten annotations of each kind show every claim's
    for flag in pending(&seed.articles())
        .iter()
        .filter(|p| p.pending == "flag")
    {
        let set = format!("{}=verified", flag.id);
        run(&["review", "--set", &set], &seed.articles())
            .assert()
            .success();
    }
    let (code, out, _) = check(&[], &seed.articles());
    assert_eq!(code, 1, "{out}");
    let errors = lines_with(&out, ": error: ");
    assert_eq!(errors.len(), 1, "{out}");
    assert!(errors[0].contains("disputed") && errors[0].contains(&disputed.id));
    let warnings = claim_lines_with(&out, ": warning: ");
    assert_eq!(warnings.len(), 1, "{out}");
    assert!(warnings[0].contains("needs a source") && warnings[0].contains(&needs.id));
    assert!(warnings[0].contains(&format!(":{}: warning", needs.line)));

    let (code, out, _) = check(&["--format", "github"], &seed.articles());
    assert_eq!(code, 1);
    let errors = lines_with(&out, "::error ");
    let warnings = claim_lines_with(&out, "::warning ");
    assert_eq!((errors.len(), warnings.len()), (1, 1), "{out}");
    assert!(errors[0].contains(&format!(",line={},", disputed.line)));
    assert!(warnings[0].contains(&format!(",line={},", needs.line)));
}

#[test]
fn stale_reviews_are_reported_and_kept() {
    let seed = Seed::new();
    let all = pending_claims(&seed.articles());
    accept_all(&seed.articles());
    let victim = all
        .iter()
        .find(|p| {
            p.doc == "post"
                && p.pending == "single-source"
                && std::fs::read_to_string(seed.path("post.txt"))
                    .unwrap()
                    .contains(&p.text)
        })
        .expect("a post claim written on one line");
    let text = std::fs::read_to_string(seed.path("post.txt")).unwrap();
    let edited = victim.text.replacen(' ', " reportedly ", 1);
    std::fs::write(
        seed.path("post.txt"),
        text.replacen(&victim.text, &edited, 1),
    )
    .unwrap();

    let (code, out, _) = check(&[], &seed.articles());
    assert_eq!(code, 1, "the edited claim is new and unreviewed:\n{out}");
    assert_eq!(lines_with(&out, ": error: ").len(), 1, "{out}");
    let stale = lines_with(&out, "stale review [");
    assert_eq!(stale.len(), 1, "{out}");
    assert!(stale[0].contains(&victim.id));
    // the edited claim is named as the likely new form of the reviewed one
    assert!(stale[0].contains("(edited? post:"), "{}", stale[0]);
    assert!(out.contains("1 stale reviews"));

    // review reports it on stderr and never drops it
    run(&["review", "--accept-all"], &seed.articles())
        .assert()
        .success()
        .stderr(predicates::str::contains("1 stale review ("))
        .stderr(predicates::str::contains(victim.id.as_str()));
    assert!(decisions(&seed.reviews())
        .iter()
        .any(|(id, _, _)| id == &victim.id));
    let (code, _, _) = check(&[], &seed.articles());
    assert_eq!(code, 0, "stale reviews alone do not fail the check");
}

#[test]
fn errors_exit_2_with_one_line_naming_the_file() {
    let seed = Seed::new();
    let config = seed.path("crosscheck.toml");
    let config_arg = config.display().to_string();
    for (toml, problem) in [
        ("max_unattributed = -1\n", "crosscheck.toml: line 1: "),
        (
            "fail_on_anonymous = true\n",
            "crosscheck.toml: line 1: unknown field",
        ),
        (
            "min_corroborated_share = 2.0\n",
            "crosscheck.toml: min_corroborated_share",
        ),
        (
            "allow_unreviewed_attributed = \"yes\"\n",
            "crosscheck.toml: line 1: ",
        ),
    ] {
        std::fs::write(&config, toml).unwrap();
        let (code, out, err) = check(&["--config", &config_arg], &seed.articles());
        assert_eq!(code, 2, "{toml}: {out}{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(problem), "{toml}: {err}");
    }
    // not UTF-8: the file and the place, not the standard library's bare message
    std::fs::write(&config, b"max_unattributed = 1\n# caf\xe9\n").unwrap();
    let (code, _, err) = check(&["--config", &config_arg], &seed.articles());
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("crosscheck.toml: not valid UTF-8 (line 2, byte 26)"),
        "{err}"
    );
    let missing = seed.path("missing.toml").display().to_string();
    let (code, _, err) = check(&["--config", &missing], &seed.articles());
    assert_eq!(code, 2);
    assert!(err.contains("missing.toml: cannot read"), "{err}");

    std::fs::write(seed.reviews(), "id,doc,decision\nabc,wsj,ok\n").unwrap();
    let (code, _, err) = check(&[], &seed.articles());
    assert_eq!(code, 2);
    assert!(
        err.contains("reviews.csv: line 2: unknown decision 'ok'"),
        "{err}"
    );
    std::fs::remove_file(seed.reviews()).unwrap();

    let mut articles = seed.articles();
    articles.push(seed.path("nope.txt").display().to_string());
    let (code, _, err) = check(&[], &articles);
    assert_eq!(code, 2);
    assert!(err.contains("nope.txt: cannot read"), "{err}");
}

#[test]
fn config_relaxes_and_tightens_the_policy() {
    let seed = Seed::new();
    let n = single_source(&seed.articles()).len() + echo_only(&seed.articles()).len();
    let config = seed.path("crosscheck.toml");
    let config_arg = config.display().to_string();

    std::fs::write(
        &config,
        "allow_unreviewed_attributed = true\nmax_unattributed = 100000\n",
    )
    .unwrap();
    let (code, out, _) = check(&["--config", &config_arg], &seed.articles());
    assert_eq!(code, 0, "{out}");
    let n = n + flags(&seed.articles()).len() + credits_elsewhere(&seed.articles());
    assert_eq!(lines_with(&out, ": warning: ").len(), n, "{out}");

    std::fs::write(&config, "max_unattributed = 100000\n").unwrap();
    let (_, out, _) = check(&["--config", &config_arg], &seed.articles());
    for l in lines_with(&out, ": error: ") {
        assert!(
            !l.contains("unattributed"),
            "unattributed ones are allowed: {l}"
        );
    }

    accept_all(&seed.articles());
    std::fs::write(
        &config,
        "min_corroborated_share = 1.0\nfail_on_anonymous_only = true\n",
    )
    .unwrap();
    let (code, out, _) = check(&["--config", &config_arg], &seed.articles());
    assert_eq!(
        code, 1,
        "the seed pair shares far less than all its claims:\n{out}"
    );
    let errors = lines_with(&out, ": error: ");
    assert_eq!(errors.len(), 2, "one per article:\n{out}");
    assert!(errors
        .iter()
        .all(|l| l.contains(":1: error: ") && l.contains("found in another article")));

    std::fs::write(
        &config,
        "min_corroborated_share = 0.0\nfail_on_anonymous_only = true\n",
    )
    .unwrap();
    let (code, out, _) = check(&["--config", &config_arg], &seed.articles());
    assert_eq!(code, 0, "every claim verified:\n{out}");
}

/// Undoes the property escaping of a workflow command.
fn unescape_property(s: &str) -> String {
    s.replace("%2C", ",")
        .replace("%3A", ":")
        .replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%25", "%")
}

#[test]
fn github_annotations_follow_the_workflow_command_syntax() {
    // a directory with a comma in its name exercises property escaping
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("news,2025");
    std::fs::create_dir(&dir).unwrap();
    for name in ["wsj.txt", "post.txt"] {
        std::fs::copy(
            crate::util::corpus(&format!("ukraine-plan/{name}")),
            dir.join(name),
        )
        .unwrap();
    }
    let wsj = dir.join("wsj.txt");
    append(
        &wsj,
        "Support for the plan fell to 40% in a poll of Kyiv residents.",
    );
    let articles: Vec<String> = ["wsj.txt", "post.txt"]
        .iter()
        .map(|n| dir.join(n).display().to_string())
        .collect();
    let n = single_source(&articles).len();
    let echoes = echo_only(&articles).len();
    let flags = flags(&articles).len() + credits_elsewhere(&articles);
    // every finding (no cap), to check the syntax of each
    let (code, out, _) = check(&["--format", "github", "--max-annotations", "0"], &articles);
    assert_eq!(code, 1);
    let annotations: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), n + echoes + flags, "{out}");
    let annotations: Vec<&str> = annotations
        .into_iter()
        .filter(|a| {
            !a.starts_with("::warning ")
                || !(a.contains("copies of its own source")
                    || a.contains("integrity flag")
                    || a.contains(CREDIT_ELSEWHERE))
        })
        .collect();
    assert_eq!(annotations.len(), n, "{out}");
    for a in &annotations {
        // ::error file=F,line=N,title=T::MESSAGE
        let rest = a.strip_prefix("::error ").expect("an error annotation");
        let (props, message) = rest.split_once("::").expect("properties::message");
        assert!(!message.is_empty());
        let props: Vec<(&str, &str)> = props
            .split(',')
            .map(|p| p.split_once('=').expect("key=value"))
            .collect();
        let keys: Vec<&str> = props.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["file", "line", "title"], "{a}");
        assert!(props[0].1.contains("news%2C2025"), "comma escaped: {a}");
        let file = unescape_property(props[0].1);
        assert!(articles.contains(&file), "{file}");
        let line: usize = props[1].1.parse().unwrap();
        let file_line = std::fs::read_to_string(&file)
            .unwrap()
            .lines()
            .nth(line - 1)
            .unwrap()
            .to_string();
        // the message ends with the claim text; the line holds its first words
        let text = message.rsplit_once("]: ").unwrap().1.replace("%25", "%");
        let start: String = text.chars().take(12).collect();
        assert!(
            file_line.contains(&start),
            "line {line} of {file} lacks {start:?}"
        );
    }
    assert!(
        annotations
            .iter()
            .any(|a| a.contains("fell to 40%25 in a poll")),
        "% escaped in the message"
    );
    assert!(out.lines().last().unwrap().starts_with("check FAILED"));

    accept_all(&articles);
    let (code, out, _) = check(&["--format", "github"], &articles);
    assert_eq!(code, 0);
    assert!(!out.contains("::error"), "{out}");
}

#[test]
fn junit_report_has_a_testcase_per_claim_and_escapes_xml() {
    let seed = Seed::new();
    append(
        &seed.path("post.txt"),
        "A memo titled <Plan B> & \"Plan C\" circulated in Kyiv.",
    );
    let n = single_source(&seed.articles()).len();
    let cases = n
        + echo_only(&seed.articles()).len()
        + flags(&seed.articles()).len()
        + credits_elsewhere(&seed.articles());
    let junit = seed.path("junit.xml");
    let junit_arg = junit.display().to_string();
    let (code, _, _) = check(&["--junit", &junit_arg], &seed.articles());
    assert_eq!(code, 1);
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));
    assert_eq!(xml.matches("<testsuite ").count(), 2);
    assert_eq!(xml.matches("</testsuite>").count(), 2);
    assert_eq!(xml.matches("<testcase ").count(), cases);
    assert_eq!(xml.matches("<failure ").count(), n);
    assert_eq!(xml.matches("</testcase>").count(), cases);
    assert!(xml.contains(&format!("tests=\"{cases}\" failures=\"{n}\"")));
    assert!(
        xml.contains("&lt;Plan B&gt; &amp; &quot;Plan C&quot;"),
        "{xml}"
    );
    assert!(!xml.contains("<Plan B>"));

    accept_all(&seed.articles());
    let (code, _, _) = check(&["--junit", &junit_arg], &seed.articles());
    assert_eq!(code, 0);
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert_eq!(xml.matches("<failure ").count(), 0);
    assert_eq!(xml.matches("<testcase ").count(), cases);
}

#[test]
fn a_directory_argument_uses_the_reviews_file_inside_it() {
    let seed = Seed::new();
    let dir = vec![seed.dir.path().display().to_string()];
    let (code, _, _) = check(&[], &dir);
    assert_eq!(code, 1);
    run(&["review", "--accept-all"], &dir).assert().success();
    assert!(seed.reviews().exists(), "reviews.csv beside the articles");
    // the same claims whether the articles are named one by one or by their directory
    let (code, out, _) = check(&[], &seed.articles());
    assert_eq!(code, 0, "{out}");
}

#[test]
fn require_independent_fails_claims_only_a_copy_has() {
    let dir = tempfile::tempdir().unwrap();
    let wire = dir.path().join("wire.txt");
    let copy = dir.path().join("rewrite.txt");
    std::fs::copy(crate::util::corpus("wire-rewrite/wire.txt"), &wire).unwrap();
    std::fs::copy(crate::util::corpus("wire-rewrite/rewrite.txt"), &copy).unwrap();
    let config = dir.path().join("crosscheck.toml");
    std::fs::write(&config, "require_independent = true\n").unwrap();
    let reviews = dir.path().join("reviews.csv");
    std::fs::write(&reviews, "id,doc,decision,note,text\n").unwrap();
    let out = crate::util::crosscheck()
        .args(["check", "--config"])
        .arg(&config)
        .arg("--reviews")
        .arg(&reviews)
        .arg(&wire)
        .arg(&copy)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("supported only by copies of its own source"),
        "{stdout}"
    );
}

/// A temp copy of corpus/wire-rewrite (a wire story, a faithful copy and a rewrite that
/// changed a sum, a date, a quote and who pays), with every claim accepted: only the four
/// integrity flags are left.
struct Rewrite {
    dir: tempfile::TempDir,
}

impl Rewrite {
    fn accepted() -> Rewrite {
        let dir = tempfile::tempdir().unwrap();
        for name in ["copy.txt", "rewrite.txt", "wire.txt"] {
            std::fs::copy(
                crate::util::corpus(&format!("wire-rewrite/{name}")),
                dir.path().join(name),
            )
            .unwrap();
        }
        let r = Rewrite { dir };
        accept_all(&r.articles());
        r
    }

    fn articles(&self) -> Vec<String> {
        vec![self.dir.path().display().to_string()]
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    /// Writes crosscheck.toml and returns the `--config` arguments.
    fn config(&self, toml: &str) -> [String; 2] {
        let path = self.path("crosscheck.toml");
        std::fs::write(&path, toml).unwrap();
        ["--config".to_string(), path]
    }
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

/// (line, kind) of every flag in corpus/wire-rewrite/rewrite.txt, as the rewrite changed them.
const PLANTED: [(usize, &str); 4] = [
    (3, "number-mismatch"),
    (5, "number-mismatch"),
    (6, "quote-altered"),
    (8, "actor-mismatch"),
];

#[test]
fn flags_are_warnings_by_default_and_accept_all_does_not_hide_them() {
    let r = Rewrite::accepted();
    let (code, out, _) = check(&[], &r.articles());
    assert_eq!(code, 0, "{out}");
    let rewrite = r.path("rewrite.txt");
    let flags = lines_with(&out, ": warning: integrity flag ");
    assert_eq!(flags.len(), PLANTED.len(), "one line per change:\n{out}");
    for ((line, kind), l) in PLANTED.iter().zip(&flags) {
        let prefix = format!("{rewrite}:{line}: warning: integrity flag {kind} against ");
        assert!(l.starts_with(&prefix), "{prefix}\n{out}");
        // names the other claims (doc:sentence), the other file and line, and shows both texts
        assert!(l.contains(" and wire:"), "{l}");
        assert!(l.contains(&format!("({}:", r.path("copy.txt"))), "{l}");
        assert!(
            l.contains(" not reviewed [") && l.contains(" | copy:"),
            "{l}"
        );
    }
    assert!(
        out.contains("4 integrity flags (quote-altered 1, number-mismatch 2, actor-mismatch 1; 0 reviewed); 0 errors, 4 warnings"),
        "{out}"
    );
    assert!(out.contains("check passed"));
}

#[test]
fn flags_are_one_per_change_whatever_the_order_of_the_articles() {
    // the copy after the rewrite: neither credits the other, so "the later article" alone
    // would report each change a second time, on the faithful copy
    let r = Rewrite::accepted();
    let rewrite = r.path("rewrite.txt");
    for order in [["wire", "rewrite", "copy"], ["rewrite", "copy", "wire"]] {
        let articles: Vec<String> = order.iter().map(|n| r.path(&format!("{n}.txt"))).collect();
        let (_, out, _) = check(&[], &articles);
        let flags = lines_with(&out, ": warning: integrity flag ");
        assert_eq!(flags.len(), PLANTED.len(), "{order:?}:\n{out}");
        assert!(flags.iter().all(|l| l.starts_with(&rewrite)), "{out}");
    }
}

#[test]
fn fail_on_flags_fails_the_kinds_it_names_or_all() {
    let r = Rewrite::accepted();
    let config = r.config("fail_on_flags = [\"number-mismatch\"]\n");
    let (code, out, _) = check(&strs(&config), &r.articles());
    assert_eq!(code, 1, "{out}");
    let errors = lines_with(&out, ": error: ");
    assert_eq!(errors.len(), 2, "{out}");
    assert!(errors
        .iter()
        .all(|l| l.contains("number-mismatch") && l.contains("(fail_on_flags)")));
    assert_eq!(lines_with(&out, ": warning: integrity flag").len(), 2);

    let config = r.config("fail_on_flags = true\n");
    let (code, out, _) = check(&strs(&config), &r.articles());
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        lines_with(&out, ": error: integrity flag").len(),
        4,
        "{out}"
    );

    for toml in ["fail_on_flags = false\n", "fail_on_flags = []\n"] {
        let config = r.config(toml);
        let (code, out, _) = check(&strs(&config), &r.articles());
        assert_eq!(code, 0, "{toml}: {out}");
    }
}

#[test]
fn a_decision_on_the_flag_settles_it_and_disputed_fails_under_any_policy() {
    let r = Rewrite::accepted();
    let flags = flags(&r.articles());
    assert_eq!(flags.len(), 4);
    let mut set = vec!["review".to_string()];
    for f in &flags[1..] {
        set.extend(["--set".to_string(), format!("{}=verified", f.id)]);
    }
    set.extend(["--set".to_string(), format!("{}=disputed", flags[0].id)]);
    run(&strs(&set), &r.articles()).assert().success();
    let (code, out, _) = check(&[], &r.articles());
    assert_eq!(code, 1, "{out}");
    let errors = lines_with(&out, ": error: ");
    assert_eq!(errors.len(), 1, "{out}");
    assert!(errors[0].contains("is disputed") && errors[0].contains(&flags[0].id));
    assert!(lines_with(&out, ": warning: ").is_empty(), "{out}");
    assert!(out.contains("4 reviewed)"), "{out}");
    assert!(
        !out.contains("stale review ["),
        "flag decisions are not stale:\n{out}"
    );

    set = vec![
        "review".into(),
        "--set".into(),
        format!("{}=verified", flags[0].id),
    ];
    run(&strs(&set), &r.articles()).assert().success();
    let config = r.config("fail_on_flags = true\n");
    let (code, out, _) = check(&strs(&config), &r.articles());
    assert_eq!(code, 0, "every flag reviewed:\n{out}");
    assert!(!out.contains("integrity flag number"), "{out}");
}

#[test]
fn flags_as_github_annotations_and_junit_testcases() {
    let r = Rewrite::accepted();
    let junit = r.path("junit.xml");
    let (code, out, _) = check(&["--format", "github", "--junit", &junit], &r.articles());
    assert_eq!(code, 0, "{out}");
    let annotations: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 4, "{out}");
    let file = r
        .path("rewrite.txt")
        .replace(':', "%3A")
        .replace(',', "%2C");
    for ((line, kind), a) in PLANTED.iter().zip(&annotations) {
        let start = format!(
            "::warning file={file},line={line},title=crosscheck::integrity flag {kind} against "
        );
        assert!(a.starts_with(&start), "{start}\n{a}");
        assert!(a.contains("%25") || !a.contains('%'), "% escaped: {a}");
    }
    assert!(out.lines().last().unwrap().starts_with("check passed"));
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert_eq!(xml.matches("<testcase name=\"number-mismatch ").count(), 2);
    assert_eq!(xml.matches("<testcase name=\"quote-altered ").count(), 1);
    assert_eq!(xml.matches("<failure ").count(), 0);
    assert_eq!(xml.matches("<system-out>warning: ").count(), 4, "{xml}");

    let config = r.config("fail_on_flags = [\"quote-altered\", \"actor-mismatch\"]\n");
    let mut args = strs(&config);
    args.extend(["--format", "github", "--junit", &junit]);
    let (code, out, _) = check(&args, &r.articles());
    assert_eq!(code, 1, "{out}");
    assert_eq!(lines_with(&out, "::error ").len(), 2, "{out}");
    assert_eq!(lines_with(&out, "::warning ").len(), 2, "{out}");
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert_eq!(xml.matches("<failure ").count(), 2, "{xml}");
    assert!(xml.contains("failure message=\"integrity flag quote-altered against "));
}

#[test]
fn bad_fail_on_flags_values_are_config_errors() {
    let r = Rewrite::accepted();
    for (toml, problem) in [
        (
            "fail_on_flags = \"yes\"\n",
            "expected true, false or a list",
        ),
        ("fail_on_flags = 1\n", "expected true, false or a list"),
        (
            "fail_on_flags = [\"number\"]\n",
            "unknown flag kind 'number'",
        ),
        ("fail_on_flags = [true]\n", "line 1: "),
    ] {
        let config = r.config(toml);
        let (code, out, err) = check(&strs(&config), &r.articles());
        assert_eq!(code, 2, "{toml}: {out}{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("crosscheck.toml: line 1: "), "{err}");
        assert!(err.contains(problem), "{toml}: {err}");
    }
}

/// What `.ci/run` runs: the seed pair's nine flags are warnings, the check passes.
#[test]
fn the_seed_pair_passes_with_its_flags_as_warnings() {
    let (code, out, _) = check(&[], &["corpus/ukraine-plan".to_string()]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        lines_with(&out, ": warning: integrity flag").len(),
        9,
        "{out}"
    );
    assert!(
        out.contains(
            "9 integrity flags (quote-misattributed 2, actor-mismatch 1, attribution-changed 6;"
        ),
        "{out}"
    );
}

#[test]
fn github_output_fits_what_github_shows_and_writes_the_job_summary() {
    // the seed pair without its reviews: dozens of findings, some of them integrity flags
    let dir = tempfile::tempdir().unwrap();
    for name in ["wsj.txt", "post.txt"] {
        std::fs::copy(
            crate::util::corpus(&format!("ukraine-plan/{name}")),
            dir.path().join(name),
        )
        .unwrap();
    }
    let articles = vec![dir.path().display().to_string()];
    let (_, all, _) = check(&["--format", "github", "--max-annotations", "0"], &articles);
    let total = all.lines().filter(|l| l.starts_with("::")).count();
    assert!(total > 20, "{all}");
    let flags = all
        .lines()
        .filter(|l| l.starts_with("::warning ") && l.contains("integrity flag"))
        .count()
        .min(10);
    assert!(flags > 0, "{all}");

    let summary = dir.path().join("summary.md");
    let out = run(&["check", "--format", "github"], &articles)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = String::from_utf8(out.stdout).unwrap();
    let annotations: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    let errors = annotations
        .iter()
        .filter(|a| a.starts_with("::error "))
        .count();
    let warnings: Vec<&&str> = annotations
        .iter()
        .filter(|a| a.starts_with("::warning "))
        .collect();
    assert!(errors <= 10 && warnings.len() <= 10, "{out}");
    assert_eq!(errors + warnings.len() + 1, annotations.len(), "{out}");
    // errors first, integrity flags first among the warnings, one notice last
    let first_warning = annotations
        .iter()
        .position(|a| a.starts_with("::warning "))
        .unwrap();
    assert!(annotations[..first_warning]
        .iter()
        .all(|a| a.starts_with("::error ")));
    assert!(
        warnings[..flags]
            .iter()
            .all(|a| a.contains("integrity flag")),
        "{out}"
    );
    assert!(
        !warnings[flags..]
            .iter()
            .any(|a| a.contains("integrity flag")),
        "{out}"
    );
    let notice = annotations.last().unwrap();
    assert!(notice.starts_with("::notice "), "{out}");
    let shown = errors + warnings.len();
    assert!(
        notice.contains("more warnings not shown") && notice.contains("job summary"),
        "{notice}"
    );
    let left: usize = notice
        .split("::")
        .nth(2)
        .unwrap()
        .split_whitespace()
        .filter_map(|w| w.parse::<usize>().ok())
        .take(2)
        .sum();
    assert_eq!(shown + left, total, "{notice}");

    let md = std::fs::read_to_string(&summary).expect("the job summary is written");
    assert!(md.starts_with("## crosscheck: check FAILED"), "{md}");
    assert!(md.contains("### Top findings"), "{md}");
    assert!(md.contains("| article | file | claims |"), "{md}");
    for label in ["post", "wsj"] {
        assert!(md.contains(&format!("\n| {label} | `")), "{md}");
    }
}

#[test]
fn github_errors_are_capped_and_flag_errors_come_first() {
    // the seed pair without reviews has far more than ten errors
    let seed = Seed::new();
    let config = seed.path("crosscheck.toml");
    std::fs::write(&config, "fail_on_flags = true\n").unwrap();
    let (code, out, _) = check(
        &[
            "--format",
            "github",
            "--config",
            &config.display().to_string(),
        ],
        &seed.articles(),
    );
    assert_eq!(code, 1);
    let errors = lines_with(&out, "::error ");
    assert_eq!(errors.len(), 10, "{out}");
    let flags = flags(&seed.articles()).len();
    assert!(flags > 0);
    assert!(
        errors[..flags].iter().all(|e| e.contains("integrity flag")),
        "{out}"
    );
    assert_eq!(lines_with(&out, "::notice ").len(), 1, "{out}");
    // without the variable, no summary file appears anywhere near the articles
    assert!(!seed.path("summary.md").exists());
}
