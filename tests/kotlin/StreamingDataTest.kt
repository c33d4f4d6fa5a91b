package app.limber.tests

import app.limber.core.ExportFormat
import app.limber.core.Limber
import app.limber.core.LimberException
import app.limber.core.PainQuery
import app.limber.core.ProgressListener
import app.limber.core.ProgressStage
import app.limber.core.exportFileInfo
import com.sun.jna.Library
import com.sun.jna.Native
import java.io.File
import java.nio.file.Files
import java.time.Instant
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

private const val ZONE = "Europe/London"
private val AT: Instant = Instant.parse("2026-11-21T12:00:00Z")

/** Remembers every call, as a shell's progress bar would see them. */
private class Heard : ProgressListener {
    val calls = mutableListOf<Triple<ProgressStage, Long, Long>>()
    override fun onProgress(stage: ProgressStage, done: Long, total: Long) {
        calls += Triple(stage, done, total)
    }
}

private fun withEntries(limber: Limber, days: Int = 30) {
    for (day in 1..days) {
        limber.addPain(painAt(day % 7, Instant.parse("2026-10-01T09:00:00Z").plusSeconds(86_400L * day).toString()))
    }
}

/** The C library, to open files as raw descriptors like Android's `ParcelFileDescriptor.fd`. */
private interface LibC : Library {
    fun open(path: String, flags: Int, mode: Int): Int
    fun close(fd: Int): Int
}

private val libc: LibC = Native.load("c", LibC::class.java)

// Linux values (the JVM tests run on Linux).
private const val O_RDONLY = 0
private const val O_WRONLY = 1
private const val O_CREAT = 0x40
private const val O_TRUNC = 0x200

/** Runs [use] with a raw descriptor open on [file], closed afterwards (it stays the caller's). */
private fun <T> withFd(file: File, write: Boolean, use: (Int) -> T): T {
    val fd = libc.open(file.path, if (write) O_WRONLY or O_CREAT or O_TRUNC else O_RDONLY, 0b110_000_000)
    check(fd >= 0) { "cannot open $file" }
    try {
        return use(fd)
    } finally {
        check(libc.close(fd) == 0) { "the descriptor was closed by Limber: it must stay the caller's" }
    }
}

/** Streaming exports to a path or a file descriptor, and restoring from them, with progress. */
class StreamingDataTest {
    @Test
    fun anExportToAPathIsTheSameFileAsInMemoryAndTheBarGoesFromZeroToAll() {
        val (dir, limber) = openFresh()
        limber.use {
            withEntries(it)
            val info = exportFileInfo(ExportFormat.JSON_BACKUP, AT, ZONE)
            assertEquals("limber-backup-2026-11-21.json", info.fileName)
            val target = dir.resolveSibling(info.fileName)
            val heard = Heard()
            val written = it.exportToPath(ExportFormat.JSON_BACKUP, AT, ZONE, target.toString(), heard)
            assertEquals(info, written)
            assertContentEquals(it.export(ExportFormat.JSON_BACKUP, AT, ZONE).bytes, Files.readAllBytes(target))
            val total = heard.calls.first().third
            assertEquals(Triple(ProgressStage.WRITING, 0L, total), heard.calls.first())
            assertEquals(Triple(ProgressStage.WRITING, total, total), heard.calls.last())
        }
    }

    @Test
    fun everyFormatStreamsToAFileDescriptorAndTheBackupRestoresFromOne() {
        val (dir, limber) = openFresh()
        limber.use {
            withEntries(it)
            val before = it.listPain(PainQuery(limit = 500)).entries
            for (format in ExportFormat.values()) {
                val target = File(dir.parent.toFile(), "export-$format")
                withFd(target, write = true) { fd -> it.exportToFd(format, AT, ZONE, fd, Heard()) }
                assertTrue(target.length() > 0, "$format")
            }
            val backup = File(dir.parent.toFile(), "export-${ExportFormat.JSON_BACKUP}")
            it.wipeAllData()
            val heard = Heard()
            val report = withFd(backup, write = false) { fd -> it.importBackupFromFd(fd, heard) }
            assertEquals(before.size, report.added)
            assertEquals(before, it.listPain(PainQuery(limit = 500)).entries)
            val stages = heard.calls.map { c -> c.first }.distinct()
            assertEquals(listOf(ProgressStage.READING, ProgressStage.CHECKING, ProgressStage.WRITING), stages)
            assertTrue(heard.calls.all { c -> c.second >= 0 && c.second <= c.third }, "${heard.calls}")
            // Again from the path: everything is there already.
            assertEquals(0, it.importBackupFromPath(backup.path, Heard()).added)
        }
    }

    @Test
    fun aBrokenFileOrABadDescriptorIsATypedErrorAndChangesNothing() {
        val (dir, limber) = openFresh()
        limber.use {
            withEntries(it)
            val before = it.listPain(PainQuery(limit = 500)).entries
            val broken = File(dir.parent.toFile(), "broken.json").apply { writeText("{\"format\": \"limber-backup\"") }
            assertFailsWith<LimberException.InvalidInput> { it.importBackupFromPath(broken.path, Heard()) }
            assertFailsWith<LimberException.InvalidInput> { it.importBackupFromFd(-1, Heard()) }
            assertFailsWith<LimberException.Storage> { it.importBackupFromFd(1_000_000, Heard()) }
            assertFailsWith<LimberException.Storage> {
                it.exportToPath(ExportFormat.CSV_ZIP, AT, ZONE, File(dir.parent.toFile(), "no/such/folder.zip").path, Heard())
            }
            assertFailsWith<LimberException.InvalidInput> {
                it.exportToPath(ExportFormat.CSV_ZIP, AT, "Mars/Olympus", File(dir.parent.toFile(), "x.zip").path, Heard())
            }
            assertEquals(before, it.listPain(PainQuery(limit = 500)).entries)
        }
    }
}
