import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension URLSession {
    /// `data(for:)` that is safe to cancel.
    ///
    /// FoundationNetworking's own `data(for:)` cancels its `URLSessionTask` from inside the
    /// Swift task's cancellation handler, while the runtime holds the task's status lock;
    /// a network thread finishing the same request takes the two locks the other way round,
    /// and both threads deadlock (swift-corelibs-foundation issue 5412). Two such threads
    /// are the whole cooperative pool on a 2-core machine. Here the handler only schedules
    /// the cancel on another queue, so it never waits for a lock.
    ///
    /// The task is also started off the caller's thread: `resume()` waits for the session's
    /// own queue (`DispatchQueue.sync`), which a busy session holds for seconds, and a thread
    /// of the cooperative pool must never wait like that.
    func cancellableData(for request: URLRequest) async throws -> (Data, URLResponse) {
        let handle = DataTaskHandle()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let response {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                handle.start(task)
            }
        } onCancel: {
            handle.cancel()
        }
    }
}

/// The `URLSessionTask` of one request, started and cancelled off the caller's thread, in
/// that order (on a serial queue of its own), and cancelled once started when the cancel came first.
private final class DataTaskHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionTask?
    private var isCancelled = false
    private let queue = DispatchQueue(label: "cwsync.urlsession.task", target: .global())

    func start(_ task: URLSessionTask) {
        let cancelled = lock.withLock {
            self.task = task
            return isCancelled
        }
        queue.async {
            task.resume()
            if cancelled { task.cancel() }
        }
    }

    func cancel() {
        let task = lock.withLock {
            isCancelled = true
            return self.task
        }
        if let task { queue.async { task.cancel() } }
    }
}
