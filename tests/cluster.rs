//! Story clusters: the indexed candidate path against the exhaustive one, and thread counts.
//!
//! The cluster is built like `../shared/bench/gen_cluster.py` builds its benchmark clusters:
//! each MSRP training pair is one claim told two ways, its two sentences placed in different
//! articles, some pairs repeated as wire copies, the rest of each article unrelated sentences.

use std::collections::BTreeSet;

use crosscheck::pipeline::align::AlignOptions;
use crosscheck::pipeline::document;
use crosscheck::pipeline::{self, Analysis, Options};

use crate::util::shared_eval;

/// A small deterministic generator (64-bit LCG), so the cluster is the same on every machine.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn msrp_pairs() -> Option<Vec<(String, String)>> {
    let path = shared_eval()?.join("msrp/msr_paraphrase_train.txt");
    let text = std::fs::read_to_string(path).expect("MSRP training file readable");
    Some(
        text.lines()
            .skip(1)
            .filter_map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f.len() == 5).then(|| (f[3].trim().to_string(), f[4].trim().to_string()))
            })
            .collect(),
    )
}

fn cluster(
    pairs: &[(String, String)],
    articles: usize,
    per_article: usize,
) -> Vec<document::Document> {
    let mut rng = Lcg(7);
    let mut docs: Vec<Vec<&str>> = vec![Vec::new(); articles];
    let mut k = 0;
    while docs.iter().map(Vec::len).sum::<usize>() < articles * per_article {
        let (a, b) = &pairs[(k * 7919) % pairs.len()];
        k += 1;
        let i = rng.below(articles);
        if docs[i].len() < per_article {
            docs[i].push(a);
        }
        if rng.below(10) < 6 {
            let j = (i + 1 + rng.below(articles - 1)) % articles;
            if docs[j].len() < per_article {
                docs[j].push(b);
            }
        }
    }
    docs.into_iter()
        .enumerate()
        .map(|(i, sentences)| {
            let text = sentences
                .chunks(3)
                .map(|p| p.join(" "))
                .collect::<Vec<_>>()
                .join("\n");
            document::from_bytes(
                format!("a{i:03}"),
                format!("a{i:03}.txt"),
                text.into_bytes(),
            )
            .expect("generated article is valid")
        })
        .collect()
}

type LinkSet = BTreeSet<(usize, usize, usize, usize)>;

fn links(analysis: &Analysis) -> LinkSet {
    let mut out = LinkSet::new();
    for claims in &analysis.claims {
        for c in claims {
            for l in &c.links {
                out.insert((c.doc, c.sentence, l.doc, l.sentence));
            }
        }
    }
    out
}

fn options(exhaustive: bool) -> Options {
    Options {
        align: AlignOptions {
            exhaustive,
            max_links: usize::MAX,
            ..AlignOptions::default()
        },
        ..Options::default()
    }
}

#[test]
fn candidates_keep_at_least_99_percent_of_exhaustive_links() {
    let Some(pairs) = msrp_pairs() else { return };
    let docs = cluster(&pairs, 40, 30);
    let exhaustive = links(&pipeline::analyze(docs.clone(), &options(true)));
    let indexed = links(&pipeline::analyze(docs, &options(false)));
    let kept = indexed.intersection(&exhaustive).count();
    let invented = indexed.len() - kept;
    eprintln!(
        "candidate path kept {kept} of {} exhaustive links, {invented} others",
        exhaustive.len(),
    );
    assert!(exhaustive.len() > 100, "the cluster has links to lose");
    // Both paths apply one candidate rule (shared index terms); the index only leaves out
    // terms too common to tell a match. The context stage reads each pair among the other
    // candidates of its two articles, so a pair left out can move another either way: the
    // index is no longer a strict subset, but the two must agree on 99% of links.
    assert!(kept as f64 >= 0.99 * exhaustive.len() as f64);
    assert!(invented as f64 <= 0.01 * indexed.len() as f64);
}

#[test]
fn one_and_two_threads_give_identical_output() {
    let Some(pairs) = msrp_pairs() else { return };
    let docs = cluster(&pairs, 30, 30);
    let report = |threads| {
        let analysis = pipeline::analyze_with_threads(docs.clone(), &options(false), threads);
        let records = crosscheck::report::records(&analysis, &Default::default());
        crosscheck::report::to_csv(&records)
    };
    assert_eq!(report(1), report(2));
}

#[test]
fn candidates_find_every_exhaustive_link_in_the_corpus() {
    for set in [
        "ukraine-plan",
        "wire-rewrite",
        "two-outlets",
        "unrelated",
        "council-votes",
    ] {
        let dir = crate::util::corpus(set);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let docs: Vec<document::Document> = files
            .iter()
            .map(|p| {
                document::load(&document::Input {
                    label: None,
                    path: p.clone(),
                })
                .unwrap()
            })
            .collect();
        let exhaustive = links(&pipeline::analyze(docs.clone(), &options(true)));
        let indexed = links(&pipeline::analyze(docs, &options(false)));
        assert_eq!(indexed, exhaustive, "{set}");
    }
}
