//! Sentence-boundary evaluation on Universal Dependencies treebanks (being written).
