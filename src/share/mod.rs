//! Sharing: the networks' rules and the composed texts, each ambassador's share kit, and the kit
//! as pages, `delen.json` and `delen.ics`.

pub(crate) mod kit;
pub(crate) mod output;
pub(crate) mod text;
