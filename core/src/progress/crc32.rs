//! CRC-32 as zip stores it (APPNOTE.TXT 4.4.7): CRC-32/ISO-HDLC, the IEEE 802.3 polynomial
//! reflected (0xEDB88320), starting from all ones and inverted at the end, one table lookup per
//! byte. In place of `flate2::Crc` (crc32fast, or zlib-rs's 9 KiB of tables) in the phone
//! library (issue 17, its size); a CSV export is deflated far slower than this runs.

/// The CRC of every byte value: 1 KiB, built at compile time.
const TABLE: [u32; 256] = table();

const fn table() -> [u32; 256] {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        let mut crc = byte as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            bit += 1;
        }
        table[byte] = crc;
        byte += 1;
    }
    table
}

/// A CRC-32 over the bytes given so far, in any number of [`Crc32::update`] calls.
#[derive(Clone, Copy)]
pub(crate) struct Crc32(u32);

impl Crc32 {
    /// The CRC of no bytes (its [`Crc32::sum`] is 0).
    pub(crate) fn new() -> Self {
        Crc32(!0)
    }

    /// Adds `data` after the bytes given before.
    pub(crate) fn update(&mut self, data: &[u8]) {
        self.0 = data.iter().fold(self.0, |crc, &b| (crc >> 8) ^ TABLE[usize::from(crc as u8 ^ b)]);
    }

    /// The CRC-32 of every byte given.
    pub(crate) fn sum(self) -> u32 {
        !self.0
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::Crc32;

    fn crc(chunks: &[Vec<u8>]) -> u32 {
        let mut crc = Crc32::new();
        chunks.iter().for_each(|c| crc.update(c));
        crc.sum()
    }

    #[test]
    fn the_check_values() {
        // CRC-32/ISO-HDLC's check value, and the empty input.
        assert_eq!(crc(&[b"123456789".to_vec()]), 0xCBF4_3926);
        assert_eq!(crc(&[]), 0);
        assert_eq!(crc(&[Vec::new(), Vec::new()]), 0);
        // The table's ends, as every CRC-32 table has them.
        assert_eq!((super::TABLE[0], super::TABLE[1], super::TABLE[255]), (0, 0x7707_3096, 0x2D02_EF8D));
    }

    proptest! {
        /// The same as the CRC Limber took from flate2 before (crc32fast), over any bytes in any
        /// chunks.
        #[test]
        fn the_same_as_flate2s(chunks in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..5_000), 0..6)) {
            let mut theirs = flate2::Crc::new();
            chunks.iter().for_each(|c| theirs.update(c));
            prop_assert_eq!(crc(&chunks), theirs.sum());
        }
    }
}
