import Foundation

/// The hold timer of one exercise, walking the core's hold sequence (`holdSequence(dose:)`:
/// sets × repetitions × sides, with the core's rest after each hold). The app hands the holds
/// over as `HoldTimer.Step`s; the order and the rests are the core's, this type only counts time.
///
/// Once started, a run goes hold, rest, hold... by itself and stops after a hold with no rest
/// after it (a change of side, or the last hold), where the person starts the next run when in
/// position. Elapsed time comes from the instants of start and pause, never from counting ticks,
/// so the timer stays right when the screen sleeps or the app is briefly in the background.
public struct HoldTimer: Equatable, Sendable {
    public enum Side: Equatable, Sendable {
        case left
        case right
    }

    /// One hold of the core's sequence.
    public struct Step: Equatable, Sendable {
        public let set: Int
        public let repetition: Int
        public let side: Side?
        public let holdSeconds: Int
        public let restAfterSeconds: Int

        public init(set: Int, repetition: Int, side: Side?, holdSeconds: Int, restAfterSeconds: Int) {
            self.set = set
            self.repetition = repetition
            self.side = side
            self.holdSeconds = holdSeconds
            self.restAfterSeconds = restAfterSeconds
        }
    }

    public enum Phase: Equatable, Sendable {
        case ready
        case holding
        case resting
        case paused
        case finished
    }

    public let steps: [Step]
    public let sets: Int
    public let repetitions: Int
    /// Holds finished before the current run began.
    public private(set) var completed = 0
    private var startedAt: Date?
    /// Time run before the last pause, from the start of the current run.
    private var banked: TimeInterval = 0

    /// Nil when there is nothing to time.
    public init?(steps: [Step], sets: Int, repetitions: Int) {
        guard !steps.isEmpty, steps.allSatisfy({ $0.holdSeconds > 0 && $0.restAfterSeconds >= 0 }) else { return nil }
        self.steps = steps
        self.sets = sets
        self.repetitions = repetitions
    }

    public var isRunning: Bool { startedAt != nil }

    private struct Position {
        var done: Int
        var into: TimeInterval
        var resting: Bool
        var stopped: Bool
    }

    private func elapsed(at now: Date) -> TimeInterval {
        // A clock set back mid-hold must not give back time already run.
        banked + (startedAt.map { max(0, now.timeIntervalSince($0)) } ?? 0)
    }

    private func position(_ elapsed: TimeInterval) -> Position {
        var i = completed
        var left = elapsed
        while i < steps.count {
            let hold = TimeInterval(steps[i].holdSeconds)
            if left < hold { return Position(done: i, into: left, resting: false, stopped: false) }
            left -= hold
            let rest = TimeInterval(steps[i].restAfterSeconds)
            if rest == 0 { return Position(done: i + 1, into: 0, resting: false, stopped: true) }
            if left < rest { return Position(done: i + 1, into: left, resting: true, stopped: false) }
            left -= rest
            i += 1
        }
        return Position(done: steps.count, into: 0, resting: false, stopped: true)
    }

    /// The state at `now`: a run that reached its stop is settled, its holds counted as done.
    public func settled(at now: Date) -> HoldTimer {
        guard startedAt != nil else { return self }
        let p = position(elapsed(at: now))
        guard p.stopped else { return self }
        var copy = self
        copy.completed = p.done
        copy.startedAt = nil
        copy.banked = 0
        return copy
    }

    public func phase(at now: Date) -> Phase {
        let t = settled(at: now)
        let p = t.position(t.elapsed(at: now))
        if p.done >= steps.count { return .finished }
        if t.startedAt != nil { return p.resting ? .resting : .holding }
        return t.banked > 0 ? .paused : .ready
    }

    /// Holds finished at `now`, the one under way not counted.
    public func holdsDone(at now: Date) -> Int {
        let t = settled(at: now)
        return t.position(t.elapsed(at: now)).done
    }

    /// The hold under way or next (the last one once finished).
    public func currentStep(at now: Date) -> Step {
        steps[min(holdsDone(at: now), steps.count - 1)]
    }

    /// Seconds left of the hold or rest under way.
    public func remaining(at now: Date) -> TimeInterval {
        let t = settled(at: now)
        let p = t.position(t.elapsed(at: now))
        if p.done >= steps.count { return 0 }
        if p.resting { return TimeInterval(steps[p.done - 1].restAfterSeconds) - p.into }
        return TimeInterval(steps[p.done].holdSeconds) - p.into
    }

    public mutating func start(at now: Date) {
        self = settled(at: now)
        guard startedAt == nil, position(banked).done < steps.count else { return }
        startedAt = now
    }

    public mutating func pause(at now: Date) {
        self = settled(at: now)
        guard startedAt != nil else { return }
        banked = elapsed(at: now)
        startedAt = nil
    }

    public mutating func reset() {
        completed = 0
        startedAt = nil
        banked = 0
    }
}
