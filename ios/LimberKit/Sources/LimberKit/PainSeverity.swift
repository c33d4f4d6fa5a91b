/// The Health app's four-step severity for a symptom, from a 0-10 pain level. The bands are the
/// usual reading of a numeric rating scale: 0 none, 1-3 mild, 4-6 moderate, 7-10 severe.
public enum PainSeverity: Equatable, Sendable, CaseIterable {
    case notPresent
    case mild
    case moderate
    case severe

    /// Nil outside 0-10: the core refuses such a level, so there is nothing to write.
    public init?(level: Int) {
        switch level {
        case 0: self = .notPresent
        case 1...3: self = .mild
        case 4...6: self = .moderate
        case 7...10: self = .severe
        default: return nil
        }
    }
}
