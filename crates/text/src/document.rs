//! A document: one news text with its metadata and language.

use serde::{Deserialize, Serialize};

/// The languages Kroniek analyses. Anything else is [`Lang::Other`] and gets only the
/// language-independent stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Dutch.
    #[default]
    Nl,
    /// English.
    En,
    /// Any other language, or too little text to tell.
    Other,
}

impl Lang {
    /// The ISO 639-1 code, which is also the name of the language's data folder.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
            Lang::Other => "other",
        }
    }

    /// Parses an ISO 639-1 code (`nl`, `en`) or an English language name.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" | "nld" | "dut" | "dutch" | "nl-nl" | "nl-be" => Some(Lang::Nl),
            "en" | "eng" | "english" | "en-us" | "en-gb" => Some(Lang::En),
            "other" | "und" => Some(Lang::Other),
            _ => None,
        }
    }
}

/// What is known about a document besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The headline, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where the document was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The publication date as an ISO 8601 date (`2019-03-05`) or date-time; relative times
    /// ("gisteren") are resolved against it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The newspaper, site or agency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

/// One text to analyse. The text is kept exactly as given: every offset Kroniek reports points
/// into it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// A stable identifier (for instance a content hash or a file name).
    pub id: String,
    /// The text, unchanged.
    pub text: String,
    /// The language the stages use.
    pub lang: Lang,
    /// Title, url, publication date, outlet.
    pub meta: Meta,
}
