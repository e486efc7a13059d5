//! Stable hashes: FNV-1a (64 bit), the one function behind every id crosscheck writes (claim,
//! flag and link ids, the evaluation's article buckets) and the term hashes of the similarity
//! features.
//!
//! Takes bytes; returns the same `u64` on every run and every machine (Rust's own hasher is
//! seeded at random). The one idea: an id written into a reviews file must never change, so
//! the function and the way its parts are joined live here once, pinned by a golden test.

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a of `bytes`.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

/// FNV-1a of `parts` joined by a zero byte.
fn fnv1a_parts(parts: &[&str]) -> u64 {
    let mut h = OFFSET;
    for (i, part) in parts.iter().enumerate() {
        let sep: &[u8] = if i == 0 { &[] } else { &[0] };
        for &b in sep.iter().chain(part.as_bytes()) {
            h = (h ^ u64::from(b)).wrapping_mul(PRIME);
        }
    }
    h
}

/// An id as outputs write it: the high 48 bits of [`fnv1a`] over `parts` (joined by a zero
/// byte), as 12 hex digits.
pub fn hex_id(parts: &[&str]) -> String {
    format!("{:012x}", fnv1a_parts(parts) >> 16)
}

/// The hasher of crosscheck's hot in-memory tables (word lists, stems, a story's stem counts):
/// FNV-1a over the key's bytes, a pre-hashed `u64` key mixed by one multiply, and the high
/// half folded into the low bits a table indexes by (FNV's low bits alone are poorly mixed).
/// Several times cheaper than the standard library's SipHash, whose protection against
/// chosen keys these tables do not need: their keys are words, not a client's requests.
/// Nothing it computes is written out; ids use [`fnv1a`].
#[derive(Clone, Copy, Debug)]
pub struct FastHasher(u64);

impl Default for FastHasher {
    fn default() -> FastHasher {
        FastHasher(OFFSET)
    }
}

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(PRIME);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A `HashMap` hashed by [`FastHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// A `HashSet` hashed by [`FastHasher`].
pub type FastSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    /// Golden values: ids already written into reviews files must stay what they are.
    #[test]
    fn ids_are_what_they_always_were() {
        assert_eq!(fnv1a(b""), OFFSET);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(hex_id(&["wsj", "the plan has 28 points."]), GOLDEN_CLAIM);
        assert_eq!(
            crate::pipeline::classify::claim_id("wsj", "The plan has twenty-eight points."),
            GOLDEN_CLAIM
        );
    }

    const GOLDEN_CLAIM: &str = "312c96fd42bb";

    /// The ids of corpus/ukraine-plan/reviews.csv are the ids its claims get today (or, for
    /// a claim with a number word, the legacy id the file was written with).
    #[test]
    fn the_seed_reviews_keep_their_ids() {
        let csv = std::fs::read_to_string("corpus/ukraine-plan/reviews.csv").unwrap();
        let mut rows = csv::Reader::from_reader(csv.as_bytes());
        let mut n = 0;
        for row in rows.records() {
            let row = row.unwrap();
            let ids = [
                crate::pipeline::classify::claim_id(&row[1], &row[4]),
                crate::pipeline::classify::legacy_claim_id(&row[1], &row[4]),
            ];
            assert!(ids.iter().any(|id| id == &row[0]), "{row:?}");
            n += 1;
        }
        assert!(n > 40, "{n} reviews");
    }
}
