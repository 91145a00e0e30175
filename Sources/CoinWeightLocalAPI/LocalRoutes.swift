import CoinWeightAPI
import CoinWeightServing
import CoinWeightStore
import CoinWeightSync
import Foundation
import Hummingbird

/// The spec's endpoints under `/exp/v2`, answered from the mirror in the spec's shapes:
/// reads from the store, writes through the outbox, and what only the server can do
/// (logins, API keys) passed on to it while it answers.
struct LocalRoutes: Sendable {
    let mirror: CoinWeightMirror
    let bearers: Bearers
    let configuration: LocalAPIConfiguration

    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

    var store: CoinWeightStore { mirror.store }

    func add(to group: RouterGroup<BasicRequestContext>) {
        addConfigRoutes(to: group)
        addOrderRoutes(to: group)
        addUserRoutes(to: group)
        addStrategyRoutes(to: group)
    }

    /// A route whose failures become the spec's refusals in `style`.
    func route(_ style: EnvelopeStyle = .general, _ handle: @escaping @Sendable (Request, BasicRequestContext, Caller) async throws -> Response) -> Handler {
        { request, context in
            do {
                let caller = await bearers.caller(request.bearerToken) ?? Caller(session: nil, identityUID: nil)
                return try await handle(request, context, caller)
            } catch {
                return Self.refusal(of: error, style: style)
            }
        }
    }

    /// A route under `/{uid}` for the caller's own account only: another uid is 403.
    func ownUser(_ style: EnvelopeStyle = .general, _ handle: @escaping @Sendable (Request, BasicRequestContext, UserID) async throws -> Response) -> Handler {
        route(style) { request, context, caller in
            let uid = try caller.uid()
            guard try context.parameters.require("uid") == uid.rawValue else { throw APIFailure.forbidden }
            return try await handle(request, context, uid)
        }
    }

    /// The spec's answer to what a route threw.
    static func refusal(of error: any Error, style: EnvelopeStyle) -> Response {
        switch error {
        case let failure as APIFailure:
            return WireResponse.failure(failure, style: style)
        case let refusal as LocalRefusal:
            // The local API's own refusals say why in words: an HTTP error status is in the general
            // spelling (with `errorMsg`), as the API's 403 is; a parameters error keeps the endpoint's.
            let answer = refusal.answer
            return WireResponse.refused(
                HTTPResponse.Status(code: answer.status), code: answer.code, message: answer.message, style: answer.status == 200 ? style : .general)
        case let error as OutboxError:
            return WireResponse.failure(.parameters(error.description), style: style)
        case MirrorError.notLoggedIn:
            return refusal(of: LocalRefusal.nobodyLoggedIn, style: style)
        case let error as StoreIdentityMismatch:
            return WireResponse.refusal("\(error)")
        case let error as CoinWeightError:
            switch error {
            case .rejected(let business):
                return WireResponse.failure(
                    .business(code: business.code, message: business.message ?? "\(business.reason)", order: business.order), style: style)
            case .authenticationFailed, .notLoggedIn:
                return WireResponse.failure(.forbidden, style: style)
            default:
                return refusal(of: LocalRefusal.needsServer("this request (\(error))"), style: style)
            }
        case let error as any HTTPResponseError:
            // Hummingbird's own errors, and a body over the size limit (NIO's error, 413).
            let message = (error as? HTTPError)?.body ?? (error.status == .contentTooLarge ? "the request body is too large" : "\(error.status)")
            return WireResponse.refused(error.status, code: Int(error.status.code), message: message, style: style)
        default:
            return WireResponse.refused(.internalServerError, code: 500, message: "the local API failed: \(error)", style: style)
        }
    }

    /// Throws `refusal` (403 by default) unless `owner` is the account's own or one of its
    /// strategies' (as the mirror holds them). The secret endpoints refuse another owner with
    /// the API's error 500 ("wrong owner"): the mirror cannot tell another user's owner from
    /// one nobody has.
    func requireOwner(_ owner: String, uid: UserID, refusal: APIFailure = .forbidden) async throws {
        guard owner != uid.ownAccount else { return }
        let strategyOwners = try await store.read(.strategyItems(uid: uid)).compactMap(\.owner)
        guard strategyOwners.contains(owner) else { throw refusal }
    }

    /// A success envelope around `data`, saying when `resource` was last synced.
    func synced(_ data: some Encodable, _ resource: String, style: EnvelopeStyle = .general) async throws -> Response {
        var response = WireResponse.ok(data, style: style)
        response.headers[LocalHeaders.syncedAt] = try await syncedAt(resource)
        return response
    }

    /// When `resource` (a sync state's name, such as `favorites:2`, or a name's start, such
    /// as `markets:`, for the newest of them) was last synced, in ISO 8601, or `never`.
    func syncedAt(_ resource: String) async throws -> String {
        let date: Date?
        if resource.hasSuffix(":") {
            date = try await store.read(.syncStates).filter { $0.resource.hasPrefix(resource) }.compactMap(\.lastSuccessAt).max()
        } else {
            date = try await store.read(.syncState(resource))?.lastSuccessAt
        }
        return date.map { $0.ISO8601Format(Date.ISO8601FormatStyle(includingFractionalSeconds: true)) } ?? Self.never
    }

    /// `CWSync-Synced-At` of a resource never synced.
    static let never = "never"
}
