import CoinWeightServing
import Foundation
import Hummingbird
import NIOCore

/// Injects the faults of the current ``FaultPlan`` into API requests.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = EmulatorContext

    let state: EmulatorState
    /// The API's base path, stripped to match ``FaultPlan/paths``.
    let basePath: String

    /// Thrown after closing a connection on purpose, so nothing more is written to it.
    struct ConnectionDropped: Error {}

    func handle(_ request: Request, context: EmulatorContext, next: (Request, EmulatorContext) async throws -> Response) async throws -> Response {
        var path = request.uri.path
        if path.hasPrefix(basePath) { path.removeFirst(basePath.count) }
        let (fault, latency) = await state.drawFault(path: path, hasToken: request.bearerToken != nil)
        if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
        switch fault {
        case nil:
            return try await next(request, context)
        case .serverError:
            return WireResponse.status(.serviceUnavailable, code: 503, message: "Service Unavailable")
        case .rateLimit(let seconds):
            return WireResponse.status(.tooManyRequests, code: 429, message: "Too Many Requests", headers: [.retryAfter: String(seconds)])
        case .tokenExpiry:
            return WireResponse.failure(.forbidden, style: .general)
        case .dropBeforeEffect:
            return try await drop(context)
        case .dropAfterEffect:
            _ = try await next(request, context)
            return try await drop(context)
        case .malformed:
            _ = try await next(request, context)
            return WireResponse.raw(Data(#"{"success":true,"errorCode":0,"errorMsg":"ok","data":[{"streetOrderId":"#.utf8))
        }
    }

    private func drop(_ context: EmulatorContext) async throws -> Response {
        try? await context.channel.close()
        throw ConnectionDropped()
    }
}
