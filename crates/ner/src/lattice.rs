//! Viterbi decoding under the hard constraints of a label scheme.
//!
//! The constraints forbid most label pairs (in BILOU, `I-PER` may only follow `B-PER` or
//! `I-PER`), so for each label the labels allowed before it, with their transition scores,
//! are listed once per model: decoding then visits about 6 of the 17 possible predecessors of
//! each label, and finds the same best path as a search over all of them would.

use crate::scheme::Scheme;

/// The transition scores of a model ready for decoding.
#[derive(Debug, Clone)]
pub(crate) struct Lattice {
    labels: usize,
    /// The score of each label at the sentence start (`-inf` where the scheme forbids it).
    start: Vec<f32>,
    /// For each label, the labels allowed before it (ascending) with the transition score.
    before: Vec<Vec<(usize, f32)>>,
    /// Whether each label may end a sentence.
    end_ok: Vec<bool>,
    /// The transition score from each label (rows) to each label (columns), `-inf` where the
    /// scheme forbids the pair, for the search that compares all labels at once.
    dense: Vec<f32>,
}

impl Lattice {
    /// Prepares `transitions` (a `(labels + 1) × labels` matrix, the first row from the
    /// sentence start; missing scores count as 0) for decoding under `scheme`'s constraints.
    pub fn new(scheme: Scheme, transitions: &[f32]) -> Lattice {
        let labels = scheme.labels();
        let score = |row: usize, next: usize| -> f32 {
            transitions.get(row * labels + next).copied().unwrap_or(0.0)
        };
        let start = (0..labels)
            .map(|next| {
                if scheme.allowed(None, next) {
                    score(0, next)
                } else {
                    f32::NEG_INFINITY
                }
            })
            .collect();
        let before = (0..labels)
            .map(|next| {
                (0..labels)
                    .filter(|&prev| scheme.allowed(Some(prev), next))
                    .map(|prev| (prev, score(prev + 1, next)))
                    .collect()
            })
            .collect();
        let end_ok = (0..labels).map(|l| scheme.allowed_end(l)).collect();
        let dense = (0..labels * labels)
            .map(|k| {
                let (prev, next) = (k / labels, k % labels);
                if scheme.allowed(Some(prev), next) {
                    score(prev + 1, next)
                } else {
                    f32::NEG_INFINITY
                }
            })
            .collect();
        Lattice {
            labels,
            start,
            before,
            end_ok,
            dense,
        }
    }

    /// The best label sequence for `emissions` (`n × labels` scores, token after token). Ties
    /// go to the lowest previous label; a sentence that no allowed sequence fits gets label 0
    /// where nothing is allowed.
    pub fn best_path(&self, emissions: &[f32]) -> Vec<usize> {
        match self.labels {
            17 => self.best_path_fixed::<17>(emissions),
            9 => self.best_path_fixed::<9>(emissions),
            _ => self.best_path_any(emissions),
        }
    }

    /// [`Lattice::best_path`] for `L` labels, comparing all previous labels for all labels at
    /// once (which the compiler turns into vector instructions): for each label the previous
    /// labels are still taken in ascending order and replace the best only when strictly
    /// better, and a forbidden one scores `-inf` (or NaN), which never is, so the choices are
    /// exactly those of the search over the allowed labels alone.
    fn best_path_fixed<const L: usize>(&self, emissions: &[f32]) -> Vec<usize> {
        let n = emissions.len() / L;
        if n == 0 || self.start.len() != L || self.dense.len() != L * L || self.end_ok.len() != L {
            return self.best_path_any(emissions);
        }
        let mut back = vec![[0u8; L]; n];
        let mut rows = emissions.chunks_exact(L);
        let mut prev = [f32::NEG_INFINITY; L];
        if let Some(first) = rows.next() {
            for ((p, start), e) in prev.iter_mut().zip(&self.start).zip(first) {
                *p = start + e;
            }
        }
        for (row, back) in rows.zip(back.iter_mut().skip(1)) {
            let mut best = [f32::NEG_INFINITY; L];
            let mut from = [0u32; L];
            for (x, transitions) in self.dense.chunks_exact(L).enumerate() {
                let p = prev[x];
                for y in 0..L {
                    let s = p + transitions[y];
                    if s > best[y] {
                        best[y] = s;
                        from[y] = x as u32;
                    }
                }
            }
            for y in 0..L {
                prev[y] = best[y] + row[y];
                back[y] = from[y] as u8;
            }
        }
        let mut y = (0..L)
            .filter(|&y| self.end_ok[y])
            .max_by(|&a, &b| prev[a].total_cmp(&prev[b]))
            .unwrap_or(0);
        let mut path = vec![0; n];
        for i in (0..n).rev() {
            path[i] = y;
            y = usize::from(back[i][y]);
        }
        path
    }

    /// [`Lattice::best_path`] for any number of labels.
    fn best_path_any(&self, emissions: &[f32]) -> Vec<usize> {
        let labels = self.labels;
        let n = emissions.len() / labels;
        if n == 0 {
            return Vec::new();
        }
        let mut score = vec![f32::NEG_INFINITY; n * labels];
        let mut back = vec![0u8; n * labels];
        for (y, s) in score.iter_mut().take(labels).enumerate() {
            *s = self.start[y] + emissions[y];
        }
        for i in 1..n {
            let (done, rest) = score.split_at_mut(i * labels);
            let prev = &done[(i - 1) * labels..];
            for (y, before) in self.before.iter().enumerate() {
                let mut best = (f32::NEG_INFINITY, 0usize);
                for &(x, transition) in before {
                    let s = prev[x] + transition;
                    if s > best.0 {
                        best = (s, x);
                    }
                }
                rest[y] = best.0 + emissions[i * labels + y];
                back[i * labels + y] = best.1 as u8;
            }
        }
        let last = &score[(n - 1) * labels..];
        let mut y = (0..labels)
            .filter(|&y| self.end_ok[y])
            .max_by(|&a, &b| last[a].total_cmp(&last[b]))
            .unwrap_or(0);
        let mut path = vec![0; n];
        for i in (0..n).rev() {
            path[i] = y;
            y = usize::from(back[i * labels + y]);
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn respects_constraints() {
        // BIO: O, then B and I of each kind; an I may not start a sentence nor follow O.
        let scheme = Scheme::Bio;
        let labels = scheme.labels();
        let lattice = Lattice::new(scheme, &[]);
        let i_per = 2;
        let mut emissions = vec![0.0; 2 * labels];
        emissions[i_per] = 5.0;
        emissions[labels + i_per] = 5.0;
        let path = lattice.best_path(&emissions);
        assert_eq!(
            path[0], 1,
            "B-PER is the best allowed start leading to I-PER"
        );
        assert_eq!(path[1], i_per);
        assert!(lattice.best_path(&[]).is_empty());
    }

    #[test]
    fn fixed_paths_are_those_of_the_general_search() {
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let labels = scheme.labels();
            let transitions: Vec<f32> = (0..(labels + 1) * labels)
                .map(|k| ((k * 37 % 23) as f32 - 11.0) * 0.25)
                .collect();
            let lattice = Lattice::new(scheme, &transitions);
            for n in [1usize, 2, 5, 9] {
                // Many ties: emissions from a few values.
                let emissions: Vec<f32> = (0..n * labels)
                    .map(|k| ((k * 7 % 5) as f32) * 0.5)
                    .collect();
                assert_eq!(
                    lattice.best_path(&emissions),
                    lattice.best_path_any(&emissions)
                );
            }
        }
    }

    #[test]
    fn bilou_paths_end_properly() {
        let scheme = Scheme::Bilou;
        let labels = scheme.labels();
        let lattice = Lattice::new(scheme, &[]);
        // B-PER is strongly preferred for the only token, but may not end a sentence.
        let mut emissions = vec![0.0; labels];
        emissions[1] = 9.0;
        let path = lattice.best_path(&emissions);
        assert_ne!(path[0], 1);
    }
}
