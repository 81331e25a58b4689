// Reference answers from the Rust semver crate (Debian librust-semver-dev) for CargoVersionDifferentialTest.
// stdin: "A<TAB>B" per line; stdout: "parses(A) parses(B) A.cmp(B)" per line (cmp 0 unless both parse).
use std::io::{self, BufRead, Write};
fn main() {
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout());
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        let mut it = line.splitn(2, '\t');
        let a = semver::Version::parse(it.next().unwrap());
        let b = semver::Version::parse(it.next().unwrap_or(""));
        let c = match (&a, &b) { (Ok(x), Ok(y)) => x.cmp(y) as i32, _ => 0 };
        writeln!(out, "{} {} {}", a.is_ok(), b.is_ok(), c).unwrap();
    }
}
