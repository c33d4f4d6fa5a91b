import Combine
import LimberKit

/// Where the app is: the tab, and the sheet on top. Notifications and buttons on any screen
/// move it.
@MainActor
final class Router: ObservableObject {
    enum Tab: Hashable {
        case today
        case pain
        case progress
        case settings
    }

    enum Sheet: Identifiable, Hashable {
        case checkIn(session: Int32)
        case morningCheck
        case assessment
        case logPain

        var id: Self { self }
    }

    @Published var tab: Tab = .today
    @Published var sheet: Sheet? = nil

    func open(_ destination: Destination) {
        switch destination {
        case .checkIn(let session):
            tab = .today
            sheet = .checkIn(session: Int32(session))
        case .morningCheck:
            tab = .today
            sheet = .morningCheck
        case .assessment:
            sheet = .assessment
        case .today:
            tab = .today
            sheet = nil
        case .logPain:
            tab = .pain
            sheet = .logPain
        }
    }
}
