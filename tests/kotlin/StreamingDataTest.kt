package app.limber.tests

import app.limber.core.ExportFormat
import app.limber.core.Limber
import app.limber.core.LimberException
import app.limber.core.PainQuery
import app.limber.core.ProgressListener
import app.limber.core.ProgressStage
import app.limber.core.exportFileInfo
import java.io.File
import java.io.RandomAccessFile
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

/** The file descriptor number of an open Java file, as Android's ParcelFileDescriptor.fd gives it. */
private fun fdOf(file: RandomAccessFile): Int {
    val field = java.io.FileDescriptor::class.java.getDeclaredField("fd").apply { isAccessible = true }
    return field.getInt(file.fd)
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
                RandomAccessFile(target, "rw").use { file -> it.exportToFd(format, AT, ZONE, fdOf(file), Heard()) }
                assertTrue(target.length() > 0, "$format")
            }
            val backup = File(dir.parent.toFile(), "export-${ExportFormat.JSON_BACKUP}")
            it.wipeAllData()
            val heard = Heard()
            val report = RandomAccessFile(backup, "r").use { file -> it.importBackupFromFd(fdOf(file), heard) }
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
