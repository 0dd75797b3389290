//! The report: its header and navigation (`header`), the sections and their blocks
//! (`sections`), figure cards, the all-figures table and the timeline.

pub mod figure_card;
pub mod header;
pub mod indicator_table;
pub mod sections;
pub mod timeline;
