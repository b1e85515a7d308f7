pub mod address;
pub mod public;
