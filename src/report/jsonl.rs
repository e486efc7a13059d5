//! Claims as JSON lines: one object per claim, the [`ClaimRecord`] fields plus `story`.
//!
//! The one idea: a line stands alone, so the claims of an archive can be written story by story
//! as each finishes, concatenated, split or sorted by any line tool, and read back by Spark.
//! The fields are those of `--format json` (the same records), with the story id first.

use serde::Serialize;

use super::ClaimRecord;

#[derive(Serialize)]
struct Line<'a> {
    story: Option<&'a str>,
    #[serde(flatten)]
    claim: &'a ClaimRecord,
}

/// Appends one line per record to `out`; `story` is `null` when the input was not an archive.
pub fn write(out: &mut Vec<u8>, story: Option<&str>, records: &[ClaimRecord]) {
    for claim in records {
        serde_json::to_writer(&mut *out, &Line { story, claim }).expect("records always serialise");
        out.push(b'\n');
    }
}
