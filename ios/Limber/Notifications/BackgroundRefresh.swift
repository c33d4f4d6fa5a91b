import BackgroundTasks
import Foundation

/// Tops up the reminder queue when the app is not opened for a while. iOS holds at most 64
/// pending notifications, so someone who only ever answers from notifications would otherwise
/// run out of reminders after a couple of weeks.
final class BackgroundRefresh {
    /// Also listed under BGTaskSchedulerPermittedIdentifiers in Info.plist.
    static let identifier = "app.limber.ios.refresh"

    private let reminders: ReminderScheduler

    init(reminders: ReminderScheduler) {
        self.reminders = reminders
    }

    /// Must run before launch finishes.
    func register() {
        _ = BGTaskScheduler.shared.register(forTaskWithIdentifier: Self.identifier, using: nil) { [reminders] task in
            self.schedule()
            // The task must be completed exactly once: when the work ends, or at once when iOS
            // says time is up (a task left open on expiry counts against the app).
            let completion = TaskCompletion(task)
            let work = Task {
                await reminders.replan()
                completion.finish(success: !Task.isCancelled)
            }
            task.expirationHandler = {
                work.cancel()
                completion.finish(success: false)
            }
        }
    }

    /// Asks for the next refresh. Twice a day is plenty: the queue holds many days of
    /// reminders, and iOS decides the real time anyway.
    func schedule() {
        let request = BGAppRefreshTaskRequest(identifier: Self.identifier)
        request.earliestBeginDate = Date(timeIntervalSinceNow: 12 * 60 * 60)
        try? BGTaskScheduler.shared.submit(request)
    }
}

/// Completes a background task once, whichever of the work and the expiry handler comes first.
final class TaskCompletion: @unchecked Sendable {
    private let task: BGTask
    private let lock = NSLock()
    private var done = false

    init(_ task: BGTask) {
        self.task = task
    }

    func finish(success: Bool) {
        lock.lock()
        let first = !done
        done = true
        lock.unlock()
        if first {
            task.setTaskCompleted(success: success)
        }
    }
}
