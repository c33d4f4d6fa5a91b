import CoreMotion
import Foundation
import LimberCore

/// The phone's gravity in the core's convention (m/s², Android's axes: upright reads +9.81 on y),
/// delivered in batches on the main queue. CoreMotion's device-motion gravity is in g and points
/// down, so each axis is multiplied by -9.81. Started only by the measurement screen and stopped
/// when it closes; device motion needs no permission prompt.
final class GravityFeed {
    private let motion = CMMotionManager()
    private var pending: [GravitySample] = []
    private let onBatch: @MainActor ([GravitySample]) -> Void

    init(onBatch: @escaping @MainActor ([GravitySample]) -> Void) {
        self.onBatch = onBatch
    }

    /// False on a device without device motion: the screen then offers typing the number.
    var available: Bool { motion.isDeviceMotionAvailable }

    func start() {
        guard motion.isDeviceMotionAvailable else { return }
        motion.deviceMotionUpdateInterval = 1.0 / 100.0
        motion.startDeviceMotionUpdates(to: .main) { [weak self] data, _ in
            guard let self, let data else { return }
            // `timestamp` is seconds of uptime: monotonic, as the core needs.
            let g = data.gravity
            let sample = GravitySample(
                tMs: Int64((data.timestamp * 1000).rounded()),
                x: g.x * -9.81,
                y: g.y * -9.81,
                z: g.z * -9.81
            )
            self.pending.append(sample)
            if let first = self.pending.first, sample.tMs - first.tMs >= 100 {
                self.flush()
            }
        }
    }

    func stop() {
        motion.stopDeviceMotionUpdates()
        flush()
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll()
        let deliver = onBatch
        Task { @MainActor in deliver(batch) }
    }
}
