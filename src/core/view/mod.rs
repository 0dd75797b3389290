//! What a page shows: the view state in the URL (`state`), which snapshot locations a URL may
//! ask for (`data_source`), the site's published address (`site_url`), and one visual
//! shown alone (`visual`).

pub mod data_source;
pub mod site_url;
pub mod state;
pub mod visual;
pub mod visual_view;
