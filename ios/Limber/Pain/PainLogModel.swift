import Combine
import Foundation
import LimberCore

/// The pain log, newest first, fetched a page at a time as the list scrolls.
@MainActor
final class PainLogModel: ObservableObject {
    @Published private(set) var entries: [PainEntry] = []
    @Published private(set) var isLoading = false
    @Published var error: String? = nil

    private var nextCursor: String?
    private var reachedEnd = false
    /// Bumped by `reload`, so a page that arrives after it is dropped instead of mixed in.
    private var generation = 0
    private let services: AppServices
    private static let pageSize: Int32 = 50

    init(services: AppServices) {
        self.services = services
    }

    func reload() async {
        generation += 1
        nextCursor = nil
        reachedEnd = false
        isLoading = false
        await loadPage(replacing: true)
    }

    /// Called as the last row appears.
    func loadMore() async {
        await loadPage(replacing: false)
    }

    func delete(_ entry: PainEntry) async {
        do {
            try await services.core.deletePain(id: entry.id)
            entries.removeAll { $0.id == entry.id }
            await services.health.delete(entryID: entry.id)
            services.dataDidChange()
        } catch {
            self.error = describe(error)
        }
    }

    private func loadPage(replacing: Bool) async {
        guard !isLoading, !reachedEnd else { return }
        isLoading = true
        let started = generation
        let query = PainQuery(limit: Self.pageSize, cursor: nextCursor)
        do {
            let page = try await services.core.listPain(query: query)
            guard started == generation else { return }
            entries = replacing ? page.entries : entries + page.entries
            nextCursor = page.nextCursor
            reachedEnd = page.nextCursor == nil
        } catch {
            guard started == generation else { return }
            self.error = describe(error)
        }
        isLoading = false
    }
}
