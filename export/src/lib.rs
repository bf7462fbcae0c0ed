//! qkit-export: the versioned result record and its age encryption. Filled by the export work.
