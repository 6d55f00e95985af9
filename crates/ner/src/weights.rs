//! The feature weights of a model, in the form tagging reads them: a hash map from feature
//! hash to a row of one weight per label.
//!
//! Tagging looks up about a hundred features per token, most of them unknown to the model, so
//! the map must answer "unknown" fast: `hashbrown`'s probing reads a small table of control
//! bytes that stays in the cache, and only known features touch their row. (Sparse rows in an
//! open-addressing table were tried and measured slower: every miss then reads a full slot.)

use crate::model::FeatureMap;

/// Feature weights by feature hash; see the module docs.
#[derive(Debug, Clone, Default)]
pub(crate) struct WeightTable {
    labels: usize,
    /// Row number of each feature.
    index: FeatureMap<u32>,
    /// `labels` weights per row.
    rows: Vec<f32>,
}

impl WeightTable {
    /// Builds the table from rows of `labels` weights per feature hash. Rows of another
    /// length and repeated hashes (the first row counts) are left out.
    pub fn new(labels: usize, features: Vec<(u32, Vec<f32>)>) -> WeightTable {
        let mut index = FeatureMap::default();
        index.reserve(features.len());
        let mut rows = Vec::with_capacity(features.len() * labels);
        for (key, row) in features {
            if row.len() == labels && !index.contains_key(&key) {
                index.insert(key, (rows.len() / labels) as u32);
                rows.extend_from_slice(&row);
            }
        }
        WeightTable {
            labels,
            index,
            rows,
        }
    }

    /// The number of labels (weights per row).
    pub fn labels(&self) -> usize {
        self.labels
    }

    /// The row number of feature `key` (`None` for an unknown feature).
    pub fn row_of(&self, key: u32) -> Option<u32> {
        self.index.get(&key).copied()
    }

    /// The weights of row `row` (from [`WeightTable::row_of`]) as an array, when the table has
    /// `L` labels.
    #[inline]
    pub fn row_array<const L: usize>(&self, row: u32) -> Option<&[f32; L]> {
        let at = row as usize * L;
        self.rows.get(at..at + L)?.try_into().ok()
    }

    /// Adds the weights of row `row` (from [`WeightTable::row_of`]) to `scores`, in label order.
    pub fn add_row(&self, row: u32, scores: &mut [f32]) {
        let at = row as usize * self.labels;
        let weights = self.rows.get(at..at + self.labels).unwrap_or(&[]);
        for (score, weight) in scores.iter_mut().zip(weights) {
            *score += weight;
        }
    }

    /// Every feature with its weights, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &[f32])> {
        self.index.iter().map(|(&key, &row)| {
            let row = row as usize * self.labels;
            (key, self.rows.get(row..row + self.labels).unwrap_or(&[]))
        })
    }

    /// The largest absolute weight (0 for an empty table).
    pub fn max_abs(&self) -> f32 {
        self.rows.iter().fold(0.0, |m, w| m.max(w.abs()))
    }

    /// The number of features.
    pub fn len(&self) -> usize {
        self.index.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_the_rows_of_known_features() {
        let rows = vec![
            (7, vec![0.0, 1.5, 0.0]),
            (0, vec![-2.0, 0.0, 0.5]),
            (7, vec![9.0, 9.0, 9.0]),
            (4, vec![1.0]),
        ];
        let table = WeightTable::new(3, rows);
        assert_eq!(table.len(), 2);
        assert!(table.row_of(4).is_none() && table.row_of(99).is_none());
        let mut scores = vec![0.0; 3];
        for key in [0, 7, 99, 7] {
            if let Some(row) = table.row_of(key) {
                table.add_row(row, &mut scores);
            }
        }
        assert_eq!(scores, vec![-2.0, 3.0, 0.5]);
        assert_eq!(table.max_abs(), 2.0);
        assert_eq!(table.iter().count(), 2);
    }
}
