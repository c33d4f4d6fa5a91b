import Combine

/// A counter that moves on every write, so screens reload with `.task(id: changes.revision)`
/// instead of each screen knowing which other screens a write affects.
@MainActor
final class DataChanges: ObservableObject {
    @Published private(set) var revision = 0

    func record() {
        revision += 1
    }
}
