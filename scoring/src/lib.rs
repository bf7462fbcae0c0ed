//! qkit-scoring: pure scoring of questionnaire responses. Filled by the scoring work.
