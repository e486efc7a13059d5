//! The distinct texts of a cluster as alignment reads them.
//!
//! Takes the distinct sentence texts; returns, for every text, what candidate generation and
//! the story rules read of it (index terms, distinctive names, claim stems for the story
//! weights), and for a text that is ever scored, its [`Features`] and [`ClaimWords`].
//!
//! The one idea: most texts are never scored. A text is scored only when it shares enough
//! rare terms with a text of another document, so a large article beside a small one, or
//! sentences no other article resembles, need none of the per-pair evidence (the bulk of the
//! memory per sentence). That evidence is built the first time a pair asks for it, once per
//! text, whichever thread asks; the result does not depend on which.

use std::sync::OnceLock;

use rayon::prelude::*;

use super::coverage::{claim_stems, ClaimWords, Credit, StoryWeights, Weighed};
use super::features::{self, analyse_credited};
use super::Features;
use crate::pipeline::reading::Reading;
use std::borrow::Cow;

/// How many texts are read at once when the index terms and claim stems are built.
const STEMS_CHUNK: usize = 4096;

/// A text, its words as the reading stage found them, and its credit as the attribution
/// stage found it.
pub type ReadText<'a> = (&'a str, Cow<'a, Reading>, Credit);

/// The distinct texts of a cluster, their evidence built on demand.
pub struct Texts<'a> {
    texts: Vec<ReadText<'a>>,
    /// Per text: its index terms, then its story names; `split[u]` is where the names start.
    terms: Vec<Box<[u64]>>,
    split: Vec<u32>,
    scored: Vec<OnceLock<Box<Scored>>>,
    story: StoryWeights,
}

/// What scoring a pair reads of one of its texts.
struct Scored {
    features: Features,
    claims: ClaimWords,
    /// Each claim word's story weight, for every pair the text is in.
    weights: Box<[f64]>,
}

impl<'a> Texts<'a> {
    /// Reads every text for its index terms, story names and claim stems (for texts the
    /// pipeline has not read).
    pub fn new(texts: Vec<&'a str>) -> Texts<'a> {
        Texts::read(
            texts
                .into_iter()
                .map(|t| (t, Cow::Owned(Reading::new(t)), Credit::Unread))
                .collect(),
        )
    }

    /// Every text with its reading, each looked at once for its index terms, story names and
    /// claim stems.
    pub fn read(texts: Vec<ReadText<'a>>) -> Texts<'a> {
        let mut terms = Vec::with_capacity(texts.len());
        let mut split = Vec::with_capacity(texts.len());
        let mut story = StoryWeights::default();
        // In chunks, so that the claim stems of only one chunk are alive at a time: they are
        // counted into the story weights and dropped, not kept for every text of the story.
        for chunk in texts.chunks(STEMS_CHUNK) {
            let read: Vec<(Box<[u64]>, u32, Vec<u64>)> = chunk
                .par_iter()
                .map(|(text, reading, credit)| {
                    let (tokens, _) = analyse_credited(text, &reading.spans(), credit);
                    let mut terms = features::candidate_terms(&tokens);
                    let split = terms.len() as u32;
                    terms.extend(features::story_names(&tokens));
                    (terms.into_boxed_slice(), split, claim_stems(&tokens))
                })
                .collect();
            for (t, s, stems) in read {
                story.add(&stems);
                terms.push(t);
                split.push(s);
            }
        }
        let scored = texts.iter().map(|_| OnceLock::new()).collect();
        Texts {
            texts,
            terms,
            split,
            scored,
            story,
        }
    }

    /// How many distinct texts there are.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// Text `u` (see [`Features::index_terms`]).
    pub fn index_terms(&self, u: usize) -> &[u64] {
        &self.terms[u][..self.split[u] as usize]
    }

    /// Text `u`'s distinctive names (see [`Features::story_names`]).
    pub fn story_names(&self, u: usize) -> &[u64] {
        &self.terms[u][self.split[u] as usize..]
    }

    /// How often each claim stem occurs across the texts.
    pub fn story(&self) -> &StoryWeights {
        &self.story
    }

    /// The features of text `u`, built the first time they are asked for.
    pub fn features(&self, u: usize) -> &Features {
        &self.scored(u).features
    }

    /// Text `u`'s claim words with their story weights, both built the first time text `u` is
    /// scored.
    pub fn weighed(&self, u: usize) -> Weighed<'_> {
        let scored = self.scored(u);
        Weighed {
            claims: &scored.claims,
            weights: &scored.weights,
        }
    }

    /// The features of every text, in text order: those no pair asked for are built now, in
    /// parallel. For a caller that scores any sentence against any other later (review).
    pub fn into_features(self) -> Vec<Features> {
        (0..self.len()).into_par_iter().for_each(|u| {
            self.scored(u);
        });
        self.scored
            .into_iter()
            .map(|s| s.into_inner().expect("built above").features)
            .collect()
    }

    fn scored(&self, u: usize) -> &Scored {
        self.scored[u].get_or_init(|| {
            let (text, reading, credit) = &self.texts[u];
            let (tokens, boundaries) = analyse_credited(text, &reading.spans(), credit);
            let claims = ClaimWords::from_tokens(&tokens, &boundaries);
            Box::new(Scored {
                features: Features::from_tokens(&tokens, text),
                weights: self.story.weights(&claims),
                claims,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 4] = [
        "The Tanner Street Bridge will close in May, the mayor of Aldmere said.",
        "“It is unsafe,” said Voss, who chairs the council.",
        "Inspectors found a leak at the plant on Tuesday.",
        "Ukrainian crews polished the armour of the Polish tanks.",
    ];

    #[test]
    fn what_is_read_up_front_is_what_the_features_hold() {
        let texts = Texts::new(TEXTS.to_vec());
        let claims: Vec<ClaimWords> = TEXTS.iter().map(|t| ClaimWords::new(t)).collect();
        let story = StoryWeights::new(&claims);
        for (u, t) in TEXTS.iter().enumerate() {
            let f = Features::new(t);
            assert_eq!(
                texts.index_terms(u),
                features::candidate_terms(&features::analyse(t))
            );
            assert_eq!(texts.story_names(u), f.story_names());
            assert_eq!(texts.features(u), &f);
            assert_eq!(texts.weighed(u).claims, &claims[u]);
            assert_eq!(texts.weighed(u).weights, &*story.weights(&claims[u]));
            for w in &claims[u].words {
                assert_eq!(texts.story().weight(w), story.weight(w));
            }
        }
        assert!(!texts.story_names(0).is_empty());
    }
}
