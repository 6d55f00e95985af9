//! User overlays: places the built-in sources lack (a small village, a camp, a new district),
//! given as a TSV or JSON file.
//!
//! TSV (any extension but `.json`): one place per line, tab-separated columns
//! `name  country  latitude  longitude  [alt_names]  [population]`, where `alt_names` are
//! separated by `|` and may be empty; `#` starts a comment line, blank lines are ignored, and a
//! first line starting with `name` is a header. JSON: an array of objects with the fields
//! `name`, `country`, `latitude` (or `lat`), `longitude` (or `lon`), optional `alt_names`
//! (array of strings) and `population`.

use crate::types::PlacesError;
use serde::Deserialize;
use std::path::Path;

/// One place a user adds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(crate) struct OverlayPlace {
    /// Preferred name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code (upper case).
    pub country: String,
    /// Latitude in degrees.
    #[serde(alias = "lat")]
    pub latitude: f64,
    /// Longitude in degrees.
    #[serde(alias = "lon")]
    pub longitude: f64,
    /// Other names it goes by.
    #[serde(default)]
    pub alt_names: Vec<String>,
    /// Inhabitants, if known.
    #[serde(default)]
    pub population: Option<u64>,
}

/// Reads and checks an overlay file.
pub(crate) fn read(path: &Path) -> Result<Vec<OverlayPlace>, PlacesError> {
    let contents = std::fs::read_to_string(path).map_err(|source| PlacesError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let places = if is_json {
        parse_json(path, &contents)?
    } else {
        parse_tsv(path, &contents)?
    };
    for (index, place) in places.iter().enumerate() {
        check(place).map_err(|message| PlacesError::Overlay {
            path: path.to_path_buf(),
            line: place_line(is_json, &contents, index),
            message,
        })?;
    }
    Ok(places)
}

/// The line of the `index`-th place (TSV) or its 1-based number (JSON).
fn place_line(is_json: bool, contents: &str, index: usize) -> usize {
    if is_json {
        return index + 1;
    }
    data_lines(contents)
        .nth(index)
        .map(|(line, _)| line)
        .unwrap_or(0)
}

/// The TSV's data lines with their 1-based numbers: no comments, blanks or header.
fn data_lines(contents: &str) -> impl Iterator<Item = (usize, &str)> {
    contents
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .filter(|(number, line)| !(*number == 1 && line.to_ascii_lowercase().starts_with("name")))
}

fn parse_tsv(path: &Path, contents: &str) -> Result<Vec<OverlayPlace>, PlacesError> {
    data_lines(contents)
        .map(|(line, text)| {
            parse_tsv_line(text).map_err(|message| PlacesError::Overlay {
                path: path.to_path_buf(),
                line,
                message,
            })
        })
        .collect()
}

fn parse_tsv_line(line: &str) -> Result<OverlayPlace, String> {
    let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
    if cols.len() < 4 {
        return Err(format!(
            "expected at least 4 tab-separated columns (name, country, latitude, longitude), found {}",
            cols.len()
        ));
    }
    let number = |index: usize, what: &str| {
        cols[index]
            .parse::<f64>()
            .map_err(|_| format!("{what} {:?} is not a number", cols[index]))
    };
    let population = match cols.get(5).filter(|c| !c.is_empty()) {
        Some(text) => Some(
            text.replace(['_', ','], "")
                .parse::<u64>()
                .map_err(|_| format!("population {text:?} is not a whole number"))?,
        ),
        None => None,
    };
    Ok(OverlayPlace {
        name: cols[0].to_string(),
        country: cols[1].to_ascii_uppercase(),
        latitude: number(2, "latitude")?,
        longitude: number(3, "longitude")?,
        alt_names: cols
            .get(4)
            .map(|alts| {
                alts.split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default(),
        population,
    })
}

fn parse_json(path: &Path, contents: &str) -> Result<Vec<OverlayPlace>, PlacesError> {
    serde_json::from_str::<Vec<OverlayPlace>>(contents)
        .map(|places| {
            places
                .into_iter()
                .map(|mut p| {
                    p.country = p.country.trim().to_ascii_uppercase();
                    p
                })
                .collect()
        })
        .map_err(|e| PlacesError::Overlay {
            path: path.to_path_buf(),
            line: e.line(),
            message: e.to_string(),
        })
}

/// Checks the values of one place.
fn check(place: &OverlayPlace) -> Result<(), String> {
    if place.name.trim().is_empty() {
        return Err("the name is empty".into());
    }
    let code = &place.country;
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!(
            "country {code:?} is not an ISO 3166-1 alpha-2 code such as NL or SY"
        ));
    }
    if !(-90.0..=90.0).contains(&place.latitude) {
        return Err(format!("latitude {} is outside -90..90", place.latitude));
    }
    if !(-180.0..=180.0).contains(&place.longitude) {
        return Err(format!(
            "longitude {} is outside -180..180",
            place.longitude
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, contents: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("kroniek-places-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join(name);
        std::fs::write(&path, contents).expect("temp file");
        path
    }

    #[test]
    fn reads_tsv_with_header_comments_and_optional_columns() {
        let path = write(
            "ok.tsv",
            "name\tcountry\tlat\tlon\talt\tpop\n# a comment\n\nBaghouz\tsy\t34.49\t40.95\tAl-Baghuz|Baghuz Fawqani\t10000\nKamp\tNL\t52\t5\n",
        );
        let places = read(&path).expect("valid overlay");
        assert_eq!(places.len(), 2);
        assert_eq!(places[0].country, "SY");
        assert_eq!(places[0].alt_names, vec!["Al-Baghuz", "Baghuz Fawqani"]);
        assert_eq!(places[0].population, Some(10000));
        assert_eq!(places[1].population, None);
    }

    #[test]
    fn errors_name_file_and_line() {
        let path = write("bad.tsv", "# header comment\nBaghouz\tSY\tnorth\t40.95\n");
        let message = read(&path).expect_err("bad latitude").to_string();
        assert!(message.contains("bad.tsv:2:"), "{message}");
        assert!(message.contains("latitude"), "{message}");
        let path = write("range.tsv", "X\tSY\t95\t40\n");
        let message = read(&path).expect_err("out of range").to_string();
        assert!(message.contains("range.tsv:1:"), "{message}");
        let path = write("country.tsv", "X\tSyria\t35\t40\n");
        assert!(read(&path).is_err());
    }

    #[test]
    fn reads_json() {
        let path = write(
            "ok.json",
            r#"[{"name": "Baghouz", "country": "sy", "lat": 34.49, "lon": 40.95, "alt_names": ["Baghuz"]}]"#,
        );
        let places = read(&path).expect("valid overlay");
        assert_eq!(places[0].country, "SY");
        assert_eq!(places[0].alt_names, vec!["Baghuz"]);
        let path = write("bad.json", "[{\"name\": 1}]");
        assert!(read(&path).is_err());
    }

    #[test]
    fn missing_file_is_an_io_error() {
        let error = read(Path::new("/no/such/overlay.tsv")).expect_err("missing");
        assert!(matches!(error, PlacesError::Io { .. }));
        assert!(error.to_string().contains("/no/such/overlay.tsv"));
    }
}
