//! Prints the time expressions of one text (a development aid):
//! `cargo run -p kroniek-time --example probe -- en 2016-11-07 "from 3 to 5pm"`.

use kroniek_text::{segment, Lang};
use kroniek_time::{find_times, Reference};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [lang, reference, text] = args.as_slice() else {
        eprintln!("usage: probe nl|en REFERENCE TEXT");
        return;
    };
    let lang = if lang == "nl" { Lang::Nl } else { Lang::En };
    let seg = segment(text, lang);
    let tokens: Vec<&str> = seg.tokens.iter().map(|t| t.span.of(text)).collect();
    println!("tokens: {tokens:?}");
    for e in find_times(text, &seg, lang, Reference::parse(reference)) {
        println!(
            "{:?} {:?} {} {:?} {:?}",
            e.span.of(text),
            e.kind,
            e.timex,
            e.value,
            e.alternatives
        );
    }
}
