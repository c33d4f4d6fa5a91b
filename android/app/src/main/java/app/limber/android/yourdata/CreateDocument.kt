package app.limber.android.yourdata

import android.app.Activity
import android.content.Context
import android.content.Intent
import android.net.Uri
import androidx.activity.result.contract.ActivityResultContract

/** A suggested file name and its MIME type for the "save to…" picker. */
data class NewDocument(val name: String, val mimeType: String)

/**
 * ACTION_CREATE_DOCUMENT with the MIME type chosen at launch: the stock CreateDocument contract
 * fixes it when registered, but each export format has its own.
 */
class CreateDocument : ActivityResultContract<NewDocument, Uri?>() {
    override fun createIntent(context: Context, input: NewDocument) =
        Intent(Intent.ACTION_CREATE_DOCUMENT)
            .addCategory(Intent.CATEGORY_OPENABLE)
            .setType(input.mimeType)
            .putExtra(Intent.EXTRA_TITLE, input.name)

    override fun parseResult(resultCode: Int, intent: Intent?): Uri? =
        intent?.data.takeIf { resultCode == Activity.RESULT_OK }
}
