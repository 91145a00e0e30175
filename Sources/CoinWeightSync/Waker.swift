/// A pause that ends when its time is up, on ``wake()``, or when the waiting task is
/// cancelled: what a background loop waits on between two rounds of work.
///
/// A wake that arrives while no pause is running ends the next one at once, so a wake is
/// never lost between two pauses.
actor Waker {
    private let sleep: @Sendable (Duration) async throws -> Void
    private var waiter: (id: Int, continuation: CheckedContinuation<Void, Never>)?
    private var wakePending = false
    /// A pause whose time ran out (or was cancelled) before it started waiting.
    private var endedEarly: Int?
    private var pauses = 0

    /// - Parameter sleep: waits; injectable so tests need not wait.
    init(sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.sleep = sleep
    }

    /// Ends the current pause, or the next one if none is running, at once.
    func wake() {
        if let waiter {
            self.waiter = nil
            waiter.continuation.resume()
        } else {
            wakePending = true
        }
    }

    /// Waits for `delay` (for good when `nil`), a ``wake()``, or cancellation.
    func pause(for delay: Duration?) async {
        if wakePending {
            wakePending = false
            return
        }
        pauses += 1
        let id = pauses
        let timer = delay.map { delay in
            Task { [sleep] in
                try? await sleep(delay)
                self.timeUp(id)
            }
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // A wake, timeout or cancellation that came while this pause was being set
                // up ends it at once.
                if wakePending || endedEarly == id {
                    wakePending = false
                    continuation.resume()
                } else {
                    waiter = (id, continuation)
                }
            }
        } onCancel: {
            Task { await self.timeUp(id) }
        }
        timer?.cancel()
    }

    private func timeUp(_ id: Int) {
        guard let waiter, waiter.id == id else {
            if id == pauses { endedEarly = id }
            return
        }
        self.waiter = nil
        waiter.continuation.resume()
    }
}
