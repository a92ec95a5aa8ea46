//! Sharing: the networks' rules and composed posts (pure), each ambassador's share kit built from
//! the model, and the kit as pages, `delen.json` and `delen.ics`.

pub(crate) mod compose;
pub(crate) mod dates;
pub(crate) mod kit;
pub(crate) mod links;
pub(crate) mod output;
pub(crate) mod platform;

#[cfg(test)]
mod tests;
