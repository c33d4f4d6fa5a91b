import AVFoundation
import AudioToolbox
import UIKit

/// Says the core's prompts aloud (the person is lying down with the phone on the leg), and marks
/// the capture with a tone and a haptic. Speech is on the device.
@MainActor
final class MeasureSpeech {
    private let synthesizer = AVSpeechSynthesizer()
    private let haptic = UINotificationFeedbackGenerator()

    /// Replaces whatever is being said: the newest step is the one that matters.
    func say(_ text: String) {
        synthesizer.stopSpeaking(at: .immediate)
        synthesizer.speak(AVSpeechUtterance(string: text))
    }

    /// The hold was captured.
    func captured() {
        AudioServicesPlaySystemSound(1057)
        haptic.notificationOccurred(.success)
    }

    func stop() {
        synthesizer.stopSpeaking(at: .immediate)
    }
}
