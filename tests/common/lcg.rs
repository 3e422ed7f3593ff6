//! A small deterministic generator for generated test cases: no
//! dependency, and the same cases on every run and machine.

pub struct Lcg(pub u64);

impl Lcg {
    /// The next number below `n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}
