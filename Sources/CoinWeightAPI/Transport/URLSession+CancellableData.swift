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

/// The `URLSessionTask` of one request, cancelled off the caller's thread, and at its start
/// when the cancel came first.
private final class DataTaskHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionTask?
    private var isCancelled = false

    func start(_ task: URLSessionTask) {
        let cancelled = lock.withLock {
            self.task = task
            return isCancelled
        }
        task.resume()
        if cancelled { Self.cancelLater(task) }
    }

    func cancel() {
        let task = lock.withLock {
            isCancelled = true
            return self.task
        }
        if let task { Self.cancelLater(task) }
    }

    private static func cancelLater(_ task: URLSessionTask) {
        DispatchQueue.global().async { task.cancel() }
    }
}
