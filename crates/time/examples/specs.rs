//! Scores the time stage on the Recognizers-Text DateTime specs without building the whole
//! evaluation crate (a quick development loop; `kroniek eval specs` is the reference figure):
//! `SPEC_FAILURES=DateTimeModel cargo run -p kroniek-time --example specs -- DIR`, DIR being
//! `.../specs/recognizers-text/DateTime`. It compiles the evaluation crate's scorer as is.

#[path = "../../eval/src/datetime.rs"]
#[allow(dead_code)]
mod datetime;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: specs DIR (…/specs/recognizers-text/DateTime)");
        return;
    };
    match datetime::evaluate_datetime_specs(std::path::Path::new(&dir)) {
        Ok(report) => print!("{report}"),
        Err(e) => eprintln!("{e}"),
    }
}
