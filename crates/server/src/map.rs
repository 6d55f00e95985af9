//! The map's geometry: country outlines (embedded), an equirectangular projection
//! (x = longitude + 180, y = 90 - latitude: the world is 360 x 180 units) and the view box
//! that fits the points shown.

/// Country outlines: one line per country, `name<TAB>SVG path`, built by
/// `assets/make_world.py` from the npm package world-atlas (Natural Earth 1:110m, ISC).
const WORLD: &str = include_str!("../assets/world.paths");

/// A country outline.
#[derive(Debug, Clone)]
pub struct Country {
    /// Name (for the tooltip).
    pub name: &'static str,
    /// SVG path in map units.
    pub path: &'static str,
}

/// Every country outline.
pub fn countries() -> Vec<Country> {
    WORLD
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(name, path)| Country { name, path })
        .collect()
}

/// A point in map units.
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    (
        lon.clamp(-180.0, 180.0) + 180.0,
        90.0 - lat.clamp(-90.0, 90.0),
    )
}

/// The view box `x y width height` around `points` with a margin (at least 8 x 4 units, with
/// the world's 2:1 shape); the whole world without points.
pub fn view_box(points: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    if points.is_empty() {
        return (0.0, 0.0, 360.0, 180.0);
    }
    let min_x = points.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let max_x = points.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let min_y = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let max_y = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let width = ((max_x - min_x) * 1.3)
        .max((max_y - min_y) * 2.6)
        .clamp(8.0, 360.0);
    let height = width / 2.0;
    let x = ((min_x + max_x) / 2.0 - width / 2.0).clamp(0.0, 360.0 - width);
    let y = ((min_y + max_y) / 2.0 - height / 2.0).clamp(0.0, 180.0 - height);
    (x, y, width, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_are_embedded_and_small() {
        let all = countries();
        assert!(all.len() > 150);
        assert!(all.iter().any(|c| c.name == "Netherlands"));
        assert!(WORLD.len() < 300_000);
    }

    #[test]
    fn view_fits_points() {
        let (x, y, w, h) = view_box(&[project(52.0, 5.0), project(53.2, 6.5)]);
        assert!(x <= 185.0 && x + w >= 186.5);
        assert!(y <= 36.8 && y + h >= 38.0);
        assert_eq!(w, 2.0 * h);
        assert_eq!(view_box(&[]), (0.0, 0.0, 360.0, 180.0));
    }
}
