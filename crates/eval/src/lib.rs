//! Evaluation: runs Kroniek's stages on other projects' gold data and test specs and scores
//! them the way those projects do. Every accuracy figure Kroniek states comes from here, through
//! `kroniek eval`.
//!
//! Evaluation reads files from disk (`../shared` in development); the product itself never does.

pub mod datetime;
pub mod quotes;
pub mod sentences;
pub mod specs;
