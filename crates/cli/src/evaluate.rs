//! `kroniek eval …` and `kroniek train …`: scoring against other projects' gold data, and
//! training models from annotated data.

use crate::input::parse_lang;
use anyhow::{bail, Context, Result};
use clap::Subcommand;
use kroniek_eval::{datetime, quotes, sentences, specs};
use kroniek_ner::{Tagger, TrainOptions};
use std::path::{Path, PathBuf};

/// What to score.
#[derive(Subcommand)]
pub enum EvalCommand {
    /// Sentence boundaries on Universal Dependencies treebanks (`.conllu` files or folders),
    /// rebuilt into running text.
    Sentences {
        /// Files or folders (default: ../shared/corpora/ud-nl).
        paths: Vec<PathBuf>,
    },
    /// Recognizers-Text test specs (a folder of JSON spec files, e.g.
    /// ../shared/specs/recognizers-text/DateTime/Dutch).
    Specs {
        /// Spec folders.
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
    },
    /// Quotes and speakers against a gold folder (`gold.jsonl` beside the texts).
    Quotes {
        /// The gold folder(s).
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Language of the texts (default: identified per text).
        #[arg(long)]
        lang: Option<String>,
        /// List every missed, extra and wrongly attributed quote.
        #[arg(long)]
        verbose: bool,
    },
    /// Named entities on a CoNLL file, scored exactly as CoNLL's conlleval does.
    Ner {
        /// The CoNLL file (`word [POS] tag` per line).
        file: PathBuf,
        /// Language of the built-in model to score (default nl).
        #[arg(long, default_value = "nl")]
        lang: String,
        /// Score this model file instead of the built-in one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

/// What to train.
#[derive(Subcommand)]
pub enum TrainCommand {
    /// A named-entity tagger from CoNLL-format files.
    Ner {
        /// Training files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Development file: the best epoch on it is kept.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the model.
        #[arg(long)]
        out: PathBuf,
        /// Language of the data (selects its gazetteers).
        #[arg(long, default_value = "nl")]
        lang: String,
        /// Epochs.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// The terms of use the model inherits from its data, stored in the model.
        #[arg(long)]
        licence: String,
    },
}

/// Runs an `eval` command.
pub fn run_eval(command: EvalCommand) -> Result<()> {
    match command {
        EvalCommand::Sentences { paths } => eval_sentences(paths),
        EvalCommand::Specs { dirs } => dirs.iter().try_for_each(|dir| eval_specs(dir)),
        EvalCommand::Quotes {
            dirs,
            lang,
            verbose,
        } => {
            let lang = lang.as_deref().map(parse_lang).transpose()?;
            for dir in dirs {
                let report = quotes::evaluate_quotes(&dir, lang)?;
                if verbose {
                    report.errors.iter().for_each(|line| println!("{line}"));
                }
                print!("{report}");
            }
            Ok(())
        }
        EvalCommand::Ner { file, lang, model } => {
            let loaded;
            let tagger = match model {
                Some(path) => {
                    loaded = Tagger::load(&path)?;
                    &loaded
                }
                None => Tagger::builtin(parse_lang(&lang)?)
                    .with_context(|| format!("no built-in named-entity model for {lang:?}"))?,
            };
            print!("{}", tagger.evaluate(&file)?);
            Ok(())
        }
    }
}

fn eval_sentences(paths: Vec<PathBuf>) -> Result<()> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("../shared/corpora/ud-nl")]
    } else {
        paths
    };
    for path in paths {
        if path.is_dir() {
            for report in sentences::evaluate_sentences_dir(&path)? {
                println!("{}", report.to_string().trim_end());
            }
        } else {
            println!(
                "{}",
                sentences::evaluate_sentences(&path)?.to_string().trim_end()
            );
        }
    }
    Ok(())
}

/// Scores a folder of Recognizers-Text specs: the specs root (`recognizers-text`), an area
/// (`Number`, `NumberWithUnit`, `DateTime`) or one language of an area (`Number/Dutch`).
fn eval_specs(dir: &Path) -> Result<()> {
    const AREAS: [&str; 3] = ["Number", "NumberWithUnit", "DateTime"];
    let name_of = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string()
    };
    let (root, area, language) = if AREAS.iter().any(|a| dir.join(a).is_dir()) {
        (dir.to_path_buf(), None, None)
    } else if AREAS.contains(&name_of(dir).as_str()) {
        (
            dir.parent().unwrap_or(dir).to_path_buf(),
            Some(name_of(dir)),
            None,
        )
    } else {
        let parent = dir
            .parent()
            .with_context(|| format!("{}: not a Recognizers-Text specs folder", dir.display()))?;
        if !AREAS.contains(&name_of(parent).as_str()) {
            bail!("{}: not a Recognizers-Text specs folder (expected …/Number/Dutch, …/DateTime or the specs root)", dir.display());
        }
        (
            parent.parent().unwrap_or(parent).to_path_buf(),
            Some(name_of(parent)),
            Some(name_of(dir)),
        )
    };
    let wanted = |file: &str| {
        let mut parts = file.split('/');
        let (file_area, file_language) = (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        );
        area.as_deref().is_none_or(|a| a == file_area)
            && language.as_deref().is_none_or(|l| l == file_language)
    };
    if area.as_deref() != Some("DateTime") {
        let mut report = specs::evaluate_specs(&root)?;
        report
            .files
            .retain(|f| wanted(&f.file) && !f.file.starts_with("DateTime/"));
        println!("{}", report.table().trim_end());
    }
    if area.as_deref().is_none_or(|a| a == "DateTime") {
        if let Some(language) = &language {
            println!("(DateTime specs are scored for Dutch and English together; {language} is among them)");
        }
        println!(
            "{}",
            datetime::evaluate_datetime_specs(&root.join("DateTime"))?
                .to_string()
                .trim_end()
        );
    }
    Ok(())
}

/// Runs a `train` command.
pub fn run_train(command: TrainCommand) -> Result<()> {
    match command {
        TrainCommand::Ner {
            files,
            dev,
            out,
            lang,
            epochs,
            licence,
        } => {
            let options = TrainOptions {
                lang: parse_lang(&lang)?,
                epochs,
                licence,
                verbose: true,
                ..TrainOptions::default()
            };
            let tagger = kroniek_ner::train(&files, dev.as_deref(), options)?;
            tagger.save(&out)?;
            eprintln!("wrote {}", out.display());
            Ok(())
        }
    }
}
