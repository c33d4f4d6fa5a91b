import Combine
import Foundation
import LimberCore
import LimberKit

@MainActor
final class ProgressModel: ObservableObject {
    @Published var range: ChartRange = .fourWeeks
    @Published private(set) var chart: LoadState<String> = .loading
    @Published private(set) var adherence: LoadState<Adherence> = .loading
    private let services: AppServices
    /// The span the adherence score and streaks look back over.
    private static let adherenceDays: Int32 = 28

    init(services: AppServices) {
        self.services = services
    }

    func load() async {
        let now = Date()
        do {
            chart = .loaded(try await services.core.progressChart(range: range, now: now, timeZone: .current))
        } catch {
            chart = .failed(describe(error))
        }
        do {
            adherence = .loaded(try await services.core.adherence(now: now, days: Self.adherenceDays))
        } catch {
            adherence = .failed(describe(error))
        }
    }
}
