//! A zip archive written as a stream: each file's local header, its data deflated as it is
//! written, then a data descriptor with its CRC-32 and sizes; at the end the central directory.
//! The output is never sought, so it can be a pipe or a file descriptor a phone's document picker
//! handed over, and nothing but one file's deflate window is held in memory. A few lines in place
//! of the `zip` crate in the phone library (issue 17, its size); the `zip` crate reads every
//! archive back in the tests.
//!
//! The layout follows PKWARE's APPNOTE.TXT (version 6.3.10), cited below by section. Every entry
//! is written the way the `zip` crate's stream writer (9.4) writes it on the same deflate, byte
//! for byte (a test checks it):
//!
//! - general-purpose flag bit 3 (4.4.4): the CRC-32 and sizes in the local header are zero and
//!   follow the data in a data descriptor with its optional signature `0x08074b50` (4.3.9);
//!   bit 11 (names in UTF-8) only for a name that is not ASCII,
//! - method 8, deflate (4.4.5), at level 6 (zlib's default), through flate2 on miniz_oxide: 44
//!   KiB less in the phone library than on zlib-rs, whose output for the ten-year history's CSV
//!   files was 10% larger (602 against 547 kB of 15.5 MB), at the same speed. An empty
//!   file still holds a deflate stream (an empty final block, 2 bytes), as the `zip` crate wrote
//!   it, although 4.3.8 asks for no data there: the `zip` crate, Python's `zipfile` and Info-ZIP's
//!   `unzip` read it (checked by hand), and Limber's files all have a header row.
//! - modified 1980-01-01 00:00:00, the earliest DOS date (4.4.6): the same history gives the
//!   same bytes, no clock is read, and DOS times carry no time zone to get wrong. The export's
//!   own time is in its file name and its rows.
//! - made by "2.0 on Unix" (4.4.2: 0x0314) with Unix permissions `-rw-r--r--` in the external
//!   attributes (4.4.15), needing 2.0 to extract (4.4.3.2: deflate).
//!
//! No ZIP64 (4.3.14, 4.5.3): every size and offset is a 32-bit field, and 0xFFFFFFFF in one means
//! "see ZIP64" (4.4.8, 4.4.9, 4.4.16, 4.4.21-24): a file of 4 GiB - 1 bytes or more,
//! compressed or not, a file or the central directory starting at that offset or later, or 65,535
//! files, are refused with an [`io::ErrorKind::FileTooLarge`] error instead of a broken archive.
//! A ten-year history is tens of MB.

use std::io::{self, Write};

use flate2::write::DeflateEncoder;

use super::crc32::Crc32;

/// "Version made by" (4.4.2): 2.0, on Unix (the external attributes are Unix permissions).
const MADE_BY: u16 = 0x0314;
/// "Version needed to extract" (4.4.3.2): 2.0, for deflate.
const NEEDED: u16 = 20;
/// General-purpose flag bit 3 (4.4.4): CRC-32 and sizes in a data descriptor after the data.
const SIZES_AFTER_DATA: u16 = 1 << 3;
/// General-purpose flag bit 11 (4.4.4, appendix D): the name is UTF-8.
const UTF8_NAME: u16 = 1 << 11;
/// Compression method 8 (4.4.5).
const DEFLATE: u16 = 8;
/// 00:00:00 (4.4.6: hour << 11 | minute << 5 | second / 2).
const DOS_TIME: u16 = 0;
/// 1980-01-01 (4.4.6: (year - 1980) << 9 | month << 5 | day).
const DOS_DATE: u16 = 1 << 5 | 1;
/// External attributes (4.4.15): a regular file, `-rw-r--r--`, in the high 16 bits as Unix has.
const EXTERNAL_ATTRIBUTES: u32 = 0o100644 << 16;

/// A zip archive being written to `W`: [`ZipStream::file`] for each file, then
/// [`ZipStream::finish`]. After any error the archive is unfinished and every later call fails:
/// the caller drops it (and removes what was written).
pub(crate) struct ZipStream<W: Write> {
    out: Counted<W>,
    entries: Vec<Entry>,
    failed: bool,
}

/// What the central directory repeats of one file.
struct Entry {
    name: String,
    flags: u16,
    crc: u32,
    compressed: u32,
    uncompressed: u32,
    /// Where its local header starts.
    offset: u32,
}

impl<W: Write> ZipStream<W> {
    /// An empty archive written to `out`.
    pub(crate) fn new(out: W) -> Self {
        ZipStream { out: Counted { inner: out, written: 0 }, entries: Vec::new(), failed: false }
    }

    /// Adds the file `name`: writes its local header, then what `body` writes to the given writer,
    /// deflated as it comes, then its data descriptor. Errors: `body`'s; the output's, as
    /// `E::from`; [`io::ErrorKind::FileTooLarge`] past the 32-bit limits (see the module), and
    /// [`io::ErrorKind::InvalidInput`] for a name over 65,535 bytes or already in the archive.
    pub(crate) fn file<E: From<io::Error>>(
        &mut self,
        name: &str,
        body: impl FnOnce(&mut FileWriter<'_, W>) -> Result<(), E>,
    ) -> Result<(), E> {
        self.usable()?;
        self.failed = true;
        let offset = field32(self.out.written)?;
        let flags = if name.is_ascii() { SIZES_AFTER_DATA } else { SIZES_AFTER_DATA | UTF8_NAME };
        let name_length = u16::try_from(name.len())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a zip entry name over 65,535 bytes"))?;
        if self.entries.iter().any(|e| e.name == name) {
            // Legal in a zip, but readers differ on which of the two they show.
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "two zip entries of one name").into());
        }
        // Local file header (4.3.7); CRC-32 and sizes are zero, in the descriptor instead.
        let mut header = Vec::with_capacity(30 + name.len());
        put32(&mut header, 0x0403_4b50);
        put16(&mut header, NEEDED);
        put16(&mut header, flags);
        put16(&mut header, DEFLATE);
        put16(&mut header, DOS_TIME);
        put16(&mut header, DOS_DATE);
        header.extend_from_slice(&[0; 12]);
        put16(&mut header, name_length);
        put16(&mut header, 0);
        header.extend_from_slice(name.as_bytes());
        self.out.write_all(&header)?;

        let data_start = self.out.written;
        let mut file = FileWriter {
            deflate: DeflateEncoder::new(&mut self.out, flate2::Compression::default()),
            crc: Crc32::new(),
            size: 0,
        };
        body(&mut file)?;
        let FileWriter { deflate, crc, size } = file;
        let out = deflate.finish()?;
        let (crc, compressed, uncompressed) = (crc.sum(), field32(out.written - data_start)?, field32(size)?);
        // Data descriptor (4.3.9), with its signature.
        let mut descriptor = Vec::with_capacity(16);
        for value in [0x0807_4b50, crc, compressed, uncompressed] {
            put32(&mut descriptor, value);
        }
        out.write_all(&descriptor)?;
        self.entries.push(Entry { name: name.to_owned(), flags, crc, compressed, uncompressed, offset });
        self.failed = false;
        Ok(())
    }

    /// Writes the central directory and its end record, and hands back the output (not flushed).
    /// Errors: the output's; [`io::ErrorKind::FileTooLarge`] past the 32-bit limits.
    pub(crate) fn finish(mut self) -> io::Result<W> {
        self.usable()?;
        let start = field32(self.out.written)?;
        let count = u16::try_from(self.entries.len())
            .ok()
            .filter(|&n| n < u16::MAX)
            .ok_or_else(|| io::Error::from(io::ErrorKind::FileTooLarge))?;
        // Central directory headers (4.3.12).
        let mut directory = Vec::new();
        for e in &self.entries {
            put32(&mut directory, 0x0201_4b50);
            for value in [MADE_BY, NEEDED, e.flags, DEFLATE, DOS_TIME, DOS_DATE] {
                put16(&mut directory, value);
            }
            for value in [e.crc, e.compressed, e.uncompressed] {
                put32(&mut directory, value);
            }
            // Name length (checked when written); extra field, comment, disk number, internal
            // attributes: none.
            put16(&mut directory, e.name.len() as u16);
            directory.extend_from_slice(&[0; 8]);
            put32(&mut directory, EXTERNAL_ATTRIBUTES);
            put32(&mut directory, e.offset);
            directory.extend_from_slice(e.name.as_bytes());
        }
        let size = field32(directory.len() as u64)?;
        // End of central directory record (4.3.16): one disk, no comment.
        put32(&mut directory, 0x0605_4b50);
        for value in [0, 0, count, count] {
            put16(&mut directory, value);
        }
        put32(&mut directory, size);
        put32(&mut directory, start);
        put16(&mut directory, 0);
        self.out.write_all(&directory)?;
        Ok(self.out.inner)
    }

    fn usable(&self) -> io::Result<()> {
        if self.failed {
            return Err(io::Error::other("the zip archive is unfinished after an earlier error"));
        }
        Ok(())
    }
}

/// One file of the archive being written: what is written here is counted, checked and deflated
/// into the archive. `flush` ends a deflate block (a sync point) and flushes the output.
pub(crate) struct FileWriter<'a, W: Write> {
    deflate: DeflateEncoder<&'a mut Counted<W>>,
    crc: Crc32,
    /// Bytes written so far, before compression.
    size: u64,
}

impl<W: Write> Write for FileWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // A write that would take the file past what a 32-bit size holds is refused whole,
        // before any of it is deflated.
        field32(self.size + buf.len() as u64)?;
        let n = self.deflate.write(buf)?;
        self.crc.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.deflate.flush()
    }
}

/// The output, counting the bytes written: the next header's offset.
struct Counted<W> {
    inner: W,
    written: u64,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// `value` as a 32-bit size or offset field: at most 0xFFFFFFFE, as 0xFFFFFFFF means "in the
/// ZIP64 extra field" (4.4.8, 4.4.9, 4.4.16), which this writer does not write.
/// Errors: [`io::ErrorKind::FileTooLarge`] above.
pub(crate) fn field32(value: u64) -> io::Result<u32> {
    u32::try_from(value)
        .ok()
        .filter(|&v| v < u32::MAX)
        .ok_or_else(|| io::Error::from(io::ErrorKind::FileTooLarge))
}

/// Little-endian, as every zip field is (4.4.1.1).
fn put16(buf: &mut Vec<u8>, value: u16) {
    buf.extend_from_slice(&value.to_le_bytes());
}

fn put32(buf: &mut Vec<u8>, value: u32) {
    buf.extend_from_slice(&value.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use proptest::prelude::*;

    use super::*;
    use crate::progress::tests::read_back;

    /// CRC-32 bit by bit (IEEE 802.3, reflected polynomial 0xEDB88320): the reference for the
    /// table-driven one the writer uses (`super::super::crc32`).
    fn crc_bitwise(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &byte in data {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    /// The archive of `files`, each written in the given chunks, then flushed (a sync point) when
    /// `flush` says so, as the CSV export does.
    fn ours(files: &[(String, Vec<Vec<u8>>)], flush: bool) -> Vec<u8> {
        let mut zip = ZipStream::new(Vec::new());
        for (name, chunks) in files {
            zip.file(name, |w| -> io::Result<()> {
                chunks.iter().try_for_each(|c| w.write_all(c))?;
                if flush { w.flush() } else { Ok(()) }
            })
            .unwrap();
        }
        zip.finish().unwrap()
    }

    /// The same archive from the `zip` crate's stream writer, as Limber wrote it before (the
    /// tests build both on the same flate2 backend).
    fn theirs(files: &[(String, Vec<Vec<u8>>)], flush: bool) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new_stream(Vec::new());
        let options =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, chunks) in files {
            zip.start_file(name.as_str(), options).unwrap();
            chunks.iter().for_each(|c| zip.write_all(c).unwrap());
            if flush {
                zip.flush().unwrap();
            }
        }
        zip.finish().unwrap().into_inner()
    }

    fn one(name: &str, data: &[u8]) -> Vec<(String, Vec<Vec<u8>>)> {
        vec![(name.to_owned(), vec![data.to_vec()])]
    }

    /// A file's contents: empty, text that compresses, or random bytes that do not (deflate
    /// then stores them, and the compressed size exceeds the data's), in chunks of any size.
    fn contents() -> impl Strategy<Value = Vec<Vec<u8>>> {
        let chunk = prop_oneof![
            Just(Vec::new()),
            "[a-z0-9,\"\r\n]{0,300}".prop_map(String::into_bytes),
            proptest::collection::vec(any::<u8>(), 0..70_000),
            (any::<u8>(), 0..100_000usize).prop_map(|(b, n)| vec![b; n]),
        ];
        proptest::collection::vec(chunk, 0..4)
    }

    #[test]
    fn the_check_value_of_crc_32() {
        // The check value of CRC-32/ISO-HDLC (the zip and gzip CRC) for "123456789".
        assert_eq!(crc_bitwise(b"123456789"), 0xCBF4_3926);
        let files = read_back(&ours(&one("digits.txt", b"123456789"), false));
        assert_eq!(files[0].2, 0xCBF4_3926);
        let files = read_back(&ours(&one("empty.txt", b""), false));
        assert_eq!((files[0].1.len(), files[0].2), (0, 0));
    }

    #[test]
    fn headers_are_the_ones_appnote_describes() {
        let archive = ours(&one("a.csv", b"x,y\r\n"), false);
        let u16_at = |i: usize| u16::from_le_bytes([archive[i], archive[i + 1]]);
        let u32_at =
            |i: usize| u32::from_le_bytes([archive[i], archive[i + 1], archive[i + 2], archive[i + 3]]);
        // Local header: signature, version 2.0, flag bit 3, deflate, 1980-01-01 00:00:00,
        // CRC-32 and sizes zero, name.
        assert_eq!(u32_at(0), 0x0403_4b50);
        assert_eq!((u16_at(4), u16_at(6), u16_at(8), u16_at(10), u16_at(12)), (20, 8, 8, 0, 0x21));
        assert_eq!((u32_at(14), u32_at(18), u32_at(22)), (0, 0, 0));
        assert_eq!((u16_at(26), u16_at(28), &archive[30..35]), (5, 0, &b"a.csv"[..]));
        // End of central directory: one entry, the directory right before it.
        let end = archive.len() - 22;
        assert_eq!(u32_at(end), 0x0605_4b50);
        assert_eq!((u16_at(end + 8), u16_at(end + 10)), (1, 1));
        let (size, start) = (u32_at(end + 12) as usize, u32_at(end + 16) as usize);
        assert_eq!(start + size, end);
        // The data descriptor, with its signature, right before the directory.
        assert_eq!(u32_at(start - 16), 0x0807_4b50);
        assert_eq!(u32_at(start - 12), crc_bitwise(b"x,y\r\n"));
        assert_eq!((u32_at(start - 8) as usize, u32_at(start - 4)), (start - 16 - 35, 5));
        // Central directory header: made by 2.0 on Unix, -rw-r--r--, at offset 0.
        assert_eq!((u32_at(start), u16_at(start + 4)), (0x0201_4b50, 0x0314));
        assert_eq!((u32_at(start + 38), u32_at(start + 42)), (0o100644 << 16, 0));
    }

    #[test]
    fn a_name_that_is_not_ascii_is_marked_utf_8() {
        let files = [("douleur-été.csv".to_owned(), vec![b"1\r\n".to_vec()])];
        let archive = ours(&files, false);
        assert_eq!(u16::from_le_bytes([archive[6], archive[7]]), 1 << 3 | 1 << 11);
        assert_eq!(read_back(&archive)[0].0, "douleur-été.csv");
        assert_eq!(archive, theirs(&files, false));
    }

    #[test]
    fn a_name_already_in_the_archive_is_refused() {
        let mut zip = ZipStream::new(Vec::new());
        zip.file("a.csv", |w| w.write_all(b"1")).unwrap();
        let again = zip.file("a.csv", |w| w.write_all(b"2"));
        assert_eq!(again.unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert!(zip.finish().is_err());
    }

    #[test]
    fn sizes_and_offsets_past_32_bits_are_refused() {
        assert_eq!(field32(0).unwrap(), 0);
        assert_eq!(field32(0xFFFF_FFFE).unwrap(), 0xFFFF_FFFE);
        // 0xFFFFFFFF means "in the ZIP64 extra field", which is not written.
        for value in [0xFFFF_FFFF, 0x1_0000_0000, u64::MAX] {
            assert_eq!(field32(value).unwrap_err().kind(), io::ErrorKind::FileTooLarge, "{value:#x}");
        }
    }

    #[test]
    fn a_file_growing_past_4_gib_is_refused_before_the_byte_that_would_not_fit() {
        let mut zip = ZipStream::new(Vec::new());
        let result = zip.file("big.csv", |w| {
            w.size = 0xFFFF_FFFE - 3; // as if 4 GiB - 5 bytes had been written
            w.write_all(b"abc")?;
            w.write_all(b"d")
        });
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::FileTooLarge);
        // The archive is unfinished, and stays so.
        assert!(zip.file("next.csv", |_| io::Result::Ok(())).is_err());
        assert!(zip.finish().is_err());
    }

    #[test]
    fn a_file_starting_past_4_gib_is_refused_before_its_header() {
        let mut zip = ZipStream::new(Vec::new());
        zip.out.written = 0xFFFF_FFFF; // as if 4 GiB - 1 bytes had been written
        let result = zip.file("late.csv", |_| io::Result::Ok(()));
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::FileTooLarge);
        assert!(zip.out.inner.is_empty());
    }

    #[test]
    fn a_central_directory_past_4_gib_or_65_535_files_is_refused() {
        let mut zip = ZipStream::new(Vec::new());
        zip.file("a.csv", |w| w.write_all(b"1")).unwrap();
        zip.out.written = 0xFFFF_FFFF;
        assert_eq!(zip.finish().unwrap_err().kind(), io::ErrorKind::FileTooLarge);

        let mut zip = ZipStream::new(Vec::new());
        zip.file("a.csv", |w| w.write_all(b"1")).unwrap();
        while zip.entries.len() < 0xFFFF {
            let e = &zip.entries[0];
            let copy = Entry { name: e.name.clone(), ..*e };
            zip.entries.push(copy);
        }
        assert_eq!(zip.finish().unwrap_err().kind(), io::ErrorKind::FileTooLarge);
    }

    /// Accepts `room` bytes, then fails like a full disk.
    struct Full {
        room: usize,
    }

    impl Write for Full {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "no space left"));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_outputs_errors_come_back_and_leave_the_archive_unfinished() {
        // 200 kB that do not compress (xorshift32), so every room below is too small.
        let mut x = 2_463_534_242u32;
        let data: Vec<u8> = (0..200_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        for room in [0, 10, 40, 1_000, 150_000] {
            let mut zip = ZipStream::new(Full { room });
            let result = zip.file("a.csv", |w| w.write_all(&data));
            assert_eq!(result.unwrap_err().kind(), io::ErrorKind::StorageFull, "room {room}");
            assert!(zip.finish().is_err(), "room {room}");
        }
    }

    proptest! {
        // Each case writes up to a few hundred kB twice, unoptimised.
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// What is written is what the `zip` crate reads back, file by file, with the right
        /// CRC-32: empty files, text, incompressible bytes, in chunks of any size.
        #[test]
        fn every_file_reads_back_as_written(
            files in proptest::collection::btree_map("[a-z_]{1,12}\\.csv", contents(), 0..5),
            flush in any::<bool>(),
        ) {
            let files: Vec<_> = files.into_iter().collect();
            let archive = ours(&files, flush);
            let read = read_back(&archive);
            prop_assert_eq!(read.len(), files.len());
            for ((name, chunks), (read_name, data, crc)) in files.iter().zip(&read) {
                let written = chunks.concat();
                prop_assert_eq!(read_name, name);
                prop_assert!(data == &written, "{} differs", name);
                prop_assert_eq!(*crc, crc_bitwise(&written));
            }
            // Byte for byte what the `zip` crate writes.
            prop_assert!(archive == theirs(&files, flush), "not the zip crate's bytes");
        }
    }
}
