package app.limber.android.progress

import android.webkit.WebView
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.viewinterop.AndroidView

/**
 * Shows the core's SVG chart. A WebView draws SVG faithfully; it is locked down because it only
 * ever shows our own markup: no JavaScript, no file or content access, no network loads (the app
 * has no INTERNET permission either).
 */
@Composable
fun SvgView(svg: String, modifier: Modifier = Modifier) {
    val page = "<!doctype html><html><head><meta name=\"viewport\" content=\"width=device-width\">" +
        "<style>body{margin:0}svg{width:100%;height:auto}</style></head><body>$svg</body></html>"
    AndroidView(
        modifier = modifier,
        factory = { context ->
            WebView(context).apply {
                settings.javaScriptEnabled = false
                settings.allowFileAccess = false
                settings.allowContentAccess = false
                settings.blockNetworkLoads = true
                isVerticalScrollBarEnabled = false
            }
        },
        update = { it.loadDataWithBaseURL(null, page, "text/html", "utf-8", null) },
    )
}
