import Foundation

/// The holds of one exercise: `sets` holds of `holdSeconds`, on each side in turn when the dose
/// is per side. Elapsed time is measured from the instants of start and pause, never by counting
/// ticks, so the timer stays right when the screen sleeps or the app is briefly in the background.
public struct HoldTimer: Equatable, Sendable {
    public enum Side: Equatable, Sendable {
        case left
        case right
    }

    public let holdSeconds: Int
    public let sets: Int
    public let perSide: Bool
    /// The current hold, from 0 to `totalHolds - 1`.
    public private(set) var holdIndex = 0
    /// Every hold is done.
    public private(set) var isComplete = false
    private var startedAt: Date?
    /// Time held before the last pause.
    private var banked: TimeInterval = 0

    /// Nil for a dose without a hold: there is nothing to time.
    public init?(holdSeconds: Int?, sets: Int, perSide: Bool) {
        guard let holdSeconds, holdSeconds > 0, sets > 0 else { return nil }
        self.holdSeconds = holdSeconds
        self.sets = sets
        self.perSide = perSide
    }

    public var totalHolds: Int { sets * (perSide ? 2 : 1) }
    /// 1-based, for people.
    public var set: Int { holdIndex / (perSide ? 2 : 1) + 1 }
    /// The left side goes first, then the right, in every set.
    public var side: Side? { perSide ? (holdIndex.isMultiple(of: 2) ? .left : .right) : nil }
    public var isRunning: Bool { startedAt != nil }

    public func elapsed(at now: Date) -> TimeInterval {
        // A clock set back mid-hold must not give back time already held.
        let running = startedAt.map { max(0, now.timeIntervalSince($0)) } ?? 0
        return min(TimeInterval(holdSeconds), banked + running)
    }

    public func remaining(at now: Date) -> TimeInterval {
        TimeInterval(holdSeconds) - elapsed(at: now)
    }

    public func isHoldDone(at now: Date) -> Bool {
        remaining(at: now) <= 0
    }

    public mutating func start(at now: Date) {
        guard !isComplete, startedAt == nil, !isHoldDone(at: now) else { return }
        startedAt = now
    }

    public mutating func pause(at now: Date) {
        guard startedAt != nil else { return }
        banked = elapsed(at: now)
        startedAt = nil
    }

    /// On to the next hold: the other side, then the next set. After the last hold the timer is
    /// complete and stays so.
    public mutating func next() {
        startedAt = nil
        banked = 0
        if holdIndex + 1 < totalHolds {
            holdIndex += 1
        } else {
            isComplete = true
        }
    }

    public mutating func reset() {
        startedAt = nil
        banked = 0
        holdIndex = 0
        isComplete = false
    }
}
