import CTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
/// JSON messages ended by a NUL byte, its descriptor 3 in and 4 out), for tests of the
/// console as a browser runs it. One page, opened by ``open(_:)``.
public final class HeadlessChromium: @unchecked Sendable {
    /// The browser on this machine, if any: `CHROMIUM` in the environment, else the usual names.
    public static func executable() -> String? {
        let named = ProcessInfo.processInfo.environment["CHROMIUM"].map { [$0] } ?? []
        return (named + ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private let child: ChildProcess
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let profile: URL
    private let lock = NSLock()
    private var nextID = 0
    private var waiting: [Int: CheckedContinuation<Data, any Error>] = [:]
    private var ended = false
    private var session: String?

    /// Starts `executable` headless with a fresh profile in `folder`.
    public init(executable: String, profileIn folder: URL) throws {
        var requests: [Int32] = [-1, -1]
        var answers: [Int32] = [-1, -1]
        guard cw_pipe_cloexec(&requests) == 0, cw_pipe_cloexec(&answers) == 0 else {
            throw SpawnFailure(command: executable, reason: String(cString: strerror(errno)))
        }
        profile = folder.appendingPathComponent("chromium-profile")
        let arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--remote-debugging-pipe", "--user-data-dir=\(profile.path)", "--window-size=1280,900", "about:blank",
        ]
        let log = folder.appendingPathComponent("chromium.log")
        do {
            child = try ChildProcess.spawn(executable, arguments, output: log, errors: log, passing: [requests[0], answers[1]])
        } catch {
            for descriptor in requests + answers { close(descriptor) }
            throw error
        }
        close(requests[0])
        close(answers[1])
        toBrowser = requests[1]
        fromBrowser = answers[0]
        let reader = Thread { [self] in readAnswers() }
        reader.name = "chromium-devtools"
        reader.start()
    }

    deinit { close(toBrowser) }

    /// Opens `url` in a new page, which ``evaluate(_:)`` and ``screenshot()`` then act on.
    public func open(_ url: URL) async throws {
        let target = try await call("Target.createTarget", ["url": url.absoluteString])
        guard let targetID = target["targetId"] as? String else { throw ChromiumError.answer("no targetId in \(target)") }
        let attached = try await call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw ChromiumError.answer("no sessionId in \(attached)") }
        lock.withLock { self.session = session }
    }

    /// The value of the JavaScript `expression` in the page, as JSON makes it (a string, a number...).
    public func evaluate(_ expression: String) async throws -> Any? {
        let answer = try await call("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true], inPage: true)
        if let exception = answer["exceptionDetails"] { throw ChromiumError.answer("the page threw: \(exception)") }
        return (answer["result"] as? [String: Any])?["value"]
    }

    /// A PNG of the page as it is drawn now.
    public func screenshot() async throws -> Data {
        let answer = try await call("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true], inPage: true)
        guard let text = answer["data"] as? String, let data = Data(base64Encoded: text) else { throw ChromiumError.answer("no image") }
        return data
    }

    /// Closes the browser and waits for its exit.
    public func quit() async {
        _ = try? await call("Browser.close", [:], timeout: .seconds(10))
        if child.isRunning {
            child.send(SIGKILL)
        }
        _ = await child.exited()
    }

    /// Sends one command and waits (at most `timeout`) for its answer's `result`.
    private func call(_ method: String, _ parameters: [String: Any], inPage: Bool = false, timeout: Duration = .seconds(60)) async throws -> [String: Any] {
        let (id, session) = lock.withLock {
            nextID += 1
            return (nextID, self.session)
        }
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if inPage {
            guard let session else { throw ChromiumError.answer("no page is open") }
            message["sessionId"] = session
        }
        var bytes = try JSONSerialization.data(withJSONObject: message)
        bytes.append(0)
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)
            self?.fail(id, ChromiumError.answer("\(method) got no answer within \(timeout)"))
        }
        defer { timer.cancel() }
        let result = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data, any Error>) in
            let refused: Bool = lock.withLock {
                if ended { return true }
                waiting[id] = continuation
                return false
            }
            if refused { return continuation.resume(throwing: ChromiumError.ended) }
            let written = bytes.withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
            if written != bytes.count { fail(id, ChromiumError.answer("cannot write to the browser: \(String(cString: strerror(errno)))")) }
        }
        return (try JSONSerialization.jsonObject(with: result)) as? [String: Any] ?? [:]
    }

    private func fail(_ id: Int, _ error: any Error) {
        lock.withLock { waiting.removeValue(forKey: id) }?.resume(throwing: error)
    }

    /// The reader thread: splits the browser's output at NUL bytes and answers each waiting call.
    private func readAnswers() {
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(fromBrowser, &buffer, buffer.count)
            if count <= 0 { break }
            pending.append(contentsOf: buffer[0..<count])
            while let end = pending.firstIndex(of: 0) {
                let message = pending[pending.startIndex..<end]
                pending.removeSubrange(pending.startIndex...end)
                guard let object = (try? JSONSerialization.jsonObject(with: message)) as? [String: Any], let id = object["id"] as? Int else { continue }
                let continuation = lock.withLock { waiting.removeValue(forKey: id) }
                if let error = object["error"] {
                    continuation?.resume(throwing: ChromiumError.answer("\(error)"))
                } else {
                    let result = (try? JSONSerialization.data(withJSONObject: object["result"] ?? [String: Any]())) ?? Data("{}".utf8)
                    continuation?.resume(returning: result)
                }
            }
        }
        close(fromBrowser)
        let orphans = lock.withLock {
            ended = true
            defer { waiting = [:] }
            return Array(waiting.values)
        }
        for continuation in orphans { continuation.resume(throwing: ChromiumError.ended) }
    }
}

/// What went wrong talking to the browser.
public enum ChromiumError: Error, CustomStringConvertible {
    /// An answer that was an error, or not what was asked for.
    case answer(String)
    /// The browser closed its end of the pipe.
    case ended

    public var description: String {
        switch self {
        case .answer(let what): "chromium: \(what)"
        case .ended: "chromium: the browser exited"
        }
    }
}
