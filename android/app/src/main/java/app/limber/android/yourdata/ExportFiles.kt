package app.limber.android.yourdata

import android.content.Context
import android.content.Intent
import android.net.Uri
import androidx.core.content.FileProvider
import app.limber.core.ExportFile
import java.io.File
import java.io.IOException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/**
 * Moves an export out of the app only where the person points: the share sheet (through a
 * FileProvider URI, readable by the chosen app alone) or a file they picked. A shared file
 * waits in cache/exports until the next export or app start, which clear it.
 */
object ExportFiles {
    private fun folder(context: Context) = File(context.cacheDir, "exports")

    suspend fun clear(context: Context) = withContext(Dispatchers.IO) { folder(context).deleteRecursively() }

    /** A share-sheet intent for [file]. */
    suspend fun shareIntent(context: Context, file: ExportFile): Intent = withContext(Dispatchers.IO) {
        val dir = folder(context).apply { deleteRecursively(); mkdirs() }
        // The name comes from the core; keep only its last path part all the same.
        val out = File(dir, File(file.fileName).name).apply { writeBytes(file.bytes) }
        val uri = FileProvider.getUriForFile(context, "${context.packageName}.exports", out)
        val send = Intent(Intent.ACTION_SEND)
            .setType(file.mimeType)
            .putExtra(Intent.EXTRA_STREAM, uri)
            .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        Intent.createChooser(send, file.fileName)
    }

    /** Writes [file] to the document the person created with the file picker. */
    suspend fun write(context: Context, target: Uri, file: ExportFile) = withContext(Dispatchers.IO) {
        context.contentResolver.openOutputStream(target, "wt")?.use { it.write(file.bytes) }
            ?: throw IOException("the chosen place cannot be written to")
    }

    /** Reads the document the person opened with the file picker. */
    suspend fun read(context: Context, source: Uri): ByteArray = withContext(Dispatchers.IO) {
        context.contentResolver.openInputStream(source)?.use { it.readBytes() }
            ?: throw IOException("the chosen file cannot be read")
    }
}
