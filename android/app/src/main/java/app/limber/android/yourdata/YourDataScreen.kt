package app.limber.android.yourdata

import android.content.Context
import android.content.Intent
import android.net.Uri
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.unit.dp
import androidx.core.app.NotificationManagerCompat
import app.limber.android.data.CoreRepository
import app.limber.android.data.DataActions
import app.limber.android.data.DeviceTime
import app.limber.android.data.ExportKind
import app.limber.core.ImportReport
import app.limber.core.ExportFile
import app.limber.android.ui.CoreViewModel
import app.limber.android.ui.ErrorText
import app.limber.android.ui.MessageCard
import app.limber.android.ui.Screen
import app.limber.android.ui.SectionTitle
import app.limber.android.ui.coreViewModel
import java.io.IOException
import java.time.Instant

class YourDataViewModel(core: CoreRepository) : CoreViewModel(core) {
    /** An export waiting for the person to pick where to save it. */
    var pendingSave: ExportFile? = null
        private set
    var imported by mutableStateOf<ImportReport?>(null)
        private set
    var notice by mutableStateOf<String?>(null)

    fun share(context: Context, kind: ExportKind, start: (Intent) -> Unit) = launchCore {
        start(ExportFiles.shareIntent(context, export(kind)))
    }

    fun prepareSave(kind: ExportKind, pick: (NewDocument) -> Unit) = launchCore {
        val file = export(kind)
        pendingSave = file
        pick(NewDocument(file.fileName, file.mimeType))
    }

    fun save(context: Context, target: Uri?) {
        val file = pendingSave ?: return
        pendingSave = null
        if (target == null) return
        launchCore {
            notice = try {
                ExportFiles.write(context.applicationContext, target, file)
                "Saved ${file.fileName}."
            } catch (e: IOException) {
                "Could not save: ${e.message}"
            }
        }
    }

    fun importBackup(context: Context, source: Uri?) {
        if (source == null) return
        launchCore {
            val bytes = try {
                ExportFiles.read(context.applicationContext, source)
            } catch (e: IOException) {
                notice = "Could not read the file: ${e.message}"
                return@launchCore
            }
            imported = DataActions.importBackup(core, bytes)
        }
    }

    fun wipe(context: Context, onWiped: () -> Unit) = launchCore {
        DataActions.wipeAllData(core)
        ExportFiles.clear(context)
        NotificationManagerCompat.from(context).cancelAll()
        onWiped()
    }

    private suspend fun export(kind: ExportKind) = DataActions.export(core, kind, Instant.now(), DeviceTime.zoneId())
}

/** Export (share sheet or file picker), import a backup, delete everything. */
@Composable
fun YourDataScreen(onBack: () -> Unit, onWiped: () -> Unit) {
    val model = coreViewModel { YourDataViewModel(it) }
    val context = LocalContext.current
    val saveTo = rememberLauncherForActivityResult(CreateDocument()) { model.save(context, it) }
    // Any type: backups saved by other apps are not always labelled application/json; the core checks.
    val openBackup = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { model.importBackup(context, it) }
    var confirmWipe by rememberSaveable { mutableStateOf(false) }

    Screen("Your data", onBack = onBack) {
        Text(
            "Everything stays on this phone. Nothing leaves it unless you export it here.",
            style = MaterialTheme.typography.bodyMedium,
        )
        ErrorText(model.error)
        model.notice?.let { Text(it) }

        SectionTitle("Export")
        ExportKind.entries.forEach { kind ->
            Card(Modifier.fillMaxWidth()) {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    Text(kind.label, style = MaterialTheme.typography.titleMedium)
                    Text(kind.detail, style = MaterialTheme.typography.bodySmall)
                    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                        Button(enabled = !model.busy, onClick = { model.share(context, kind, context::startActivity) }) { Text("Share") }
                        OutlinedButton(enabled = !model.busy, onClick = { model.prepareSave(kind, saveTo::launch) }) { Text("Save to…") }
                    }
                }
            }
        }

        SectionTitle("Import a backup")
        OutlinedButton(enabled = !model.busy, onClick = { openBackup.launch(arrayOf("*/*")) }) { Text("Choose a backup file") }
        model.imported?.let { MessageCard("Imported ${it.added}, skipped ${it.skipped}", it.summary) }

        SectionTitle("Delete everything")
        Button(
            onClick = { confirmWipe = true },
            colors = ButtonDefaults.buttonColors(containerColor = MaterialTheme.colorScheme.error),
        ) { Text("Delete all my data") }
    }

    if (confirmWipe) {
        WipeDialog(onDismiss = { confirmWipe = false }, onConfirm = {
            confirmWipe = false
            model.wipe(context, onWiped)
        })
    }
}

/** Deleting cannot be undone, so the person types a word rather than tapping twice by accident. */
@Composable
private fun WipeDialog(onDismiss: () -> Unit, onConfirm: () -> Unit) {
    var typed by rememberSaveable { mutableStateOf("") }
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text("Delete all your data?") },
        text = {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                Text("Assessments, check-ins, the pain log and settings are deleted from this phone for good. Export a backup first if you may want them back.")
                OutlinedTextField(value = typed, onValueChange = { typed = it }, label = { Text("Type DELETE to confirm") }, singleLine = true)
            }
        },
        confirmButton = {
            TextButton(enabled = typed.trim() == "DELETE", onClick = onConfirm) { Text("Delete") }
        },
        dismissButton = { TextButton(onClick = onDismiss) { Text("Cancel") } },
    )
}
