import Combine
import Foundation
import LimberCore

@MainActor
final class TodayModel: ObservableObject {
    @Published private(set) var state: LoadState<Today> = .loading
    private let services: AppServices

    init(services: AppServices) {
        self.services = services
    }

    func load() async {
        do {
            state = .loaded(try await services.core.today(now: Date(), timeZone: TimeZone.current.identifier))
        } catch {
            state = .failed(describe(error))
        }
    }
}
