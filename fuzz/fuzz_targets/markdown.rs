//! `pipeline::fuzz::markdown` on arbitrary bytes; a panic is a finding.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| werkenbij::pipeline::fuzz::markdown(bytes));
