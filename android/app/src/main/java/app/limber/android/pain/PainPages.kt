package app.limber.android.pain

import app.limber.core.PainEntry
import app.limber.core.PainPage
import app.limber.core.PainQuery

/**
 * The pain list loaded so far, page by page with the core's cursor. A page that arrives twice
 * (a double scroll trigger) adds nothing new.
 */
data class PainPages(
    val entries: List<PainEntry> = emptyList(),
    val nextCursor: String? = null,
    val complete: Boolean = false,
) {
    /** The query for the next page, or null once every entry is loaded. */
    fun nextQuery(limit: Int = PAGE): PainQuery? =
        if (complete) null else PainQuery(limit = limit, cursor = nextCursor)

    operator fun plus(page: PainPage): PainPages {
        val known = entries.mapTo(HashSet()) { it.id }
        return PainPages(entries + page.entries.filter { it.id !in known }, page.nextCursor, page.nextCursor == null)
    }

    companion object {
        const val PAGE = 50
    }
}
