import Foundation
import HealthKit
import LimberCore
import LimberKit

/// Writes pain entries to Health as lower back pain, only when the person has turned it on in
/// Settings and allowed it. Nothing is read from Health.
actor HealthWriter {
    private let store = HKHealthStore()
    private let type = HKCategoryType(.lowerBackPain)

    /// Health is missing on some devices (iPad before iPadOS 17).
    nonisolated var isAvailable: Bool { HKHealthStore.isHealthDataAvailable() }

    /// True when writing is allowed.
    func requestAccess() async -> Bool {
        guard isAvailable else { return false }
        do {
            try await store.requestAuthorization(toShare: [type], read: [])
        } catch {
            return false
        }
        return store.authorizationStatus(for: type) == .sharingAuthorized
    }

    func write(_ entry: PainEntry) async {
        guard isEnabled, let severity = PainSeverity(level: Int(entry.level)) else { return }
        // The entry's id as the sync identifier: writing the same entry again replaces the
        // sample instead of adding a twin, and deleting finds it. The note stays in Limber.
        let metadata: [String: Any] = [
            HKMetadataKeySyncIdentifier: entry.id,
            HKMetadataKeySyncVersion: 1,
        ]
        let sample = HKCategorySample(
            type: type,
            value: severity.healthValue.rawValue,
            start: entry.recordedAt,
            end: entry.recordedAt,
            metadata: metadata
        )
        try? await store.save(sample)
    }

    func delete(entryID: String) async {
        guard isEnabled else { return }
        let predicate = HKQuery.predicateForObjects(withMetadataKey: HKMetadataKeySyncIdentifier, allowedValues: [entryID])
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            store.deleteObjects(of: type, predicate: predicate) { _, _, _ in
                finished.resume()
            }
        }
    }

    private var isEnabled: Bool {
        isAvailable
            && UserDefaults.standard.bool(forKey: Preferences.writeToHealthKey)
            && store.authorizationStatus(for: type) == .sharingAuthorized
    }
}

extension PainSeverity {
    var healthValue: HKCategoryValueSeverity {
        switch self {
        case .notPresent: return .notPresent
        case .mild: return .mild
        case .moderate: return .moderate
        case .severe: return .severe
        }
    }
}
