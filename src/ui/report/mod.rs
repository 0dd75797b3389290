//! The report: its header and navigation (`header`), the sections and their blocks
//! (`sections`), figure cards, the all-figures table, the timeline, the qualifier key, and
//! one visual shown alone (`single_visual`).

pub mod figure_card;
pub mod header;
pub mod indicator_table;
pub mod qualifier_key;
pub mod sections;
pub mod single_visual;
pub mod timeline;
