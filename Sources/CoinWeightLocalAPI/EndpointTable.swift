import CoinWeightServing
import Hummingbird

/// The API's endpoints as the OpenAPI document compiled in (`api/openapi.yaml`) lists them:
/// a request under `/exp/v2` for a path it does not list is 404, and one with a method the
/// path does not take is 405 with `Allow`, both in the API's envelope, before any route.
struct EndpointTable<Context: RequestContext>: RouterMiddleware {
    /// Each path template (`config/market/custom/{uid}`, split at `/`) with its methods.
    private let endpoints: [(segments: [Substring], methods: Set<String>)]

    init(document: String = EmbeddedAPIDocument.files.first?.text ?? "") {
        var endpoints: [(segments: [Substring], methods: Set<String>)] = []
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                endpoints.append((line.dropFirst(3).dropLast().split(separator: "/"), []))
            } else if let method = ["get", "post", "put", "delete", "patch"].first(where: { line == "    \($0):" }), !endpoints.isEmpty {
                endpoints[endpoints.count - 1].methods.insert(method.uppercased())
            }
        }
        self.endpoints = endpoints
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix("/exp/v2/"), request.method != .options else { return try await next(request, context) }
        let segments = path.dropFirst("/exp/v2/".count).split(separator: "/", omittingEmptySubsequences: false)
        let matching = endpoints.filter { Self.matches($0.segments, segments) }
        guard !matching.isEmpty else {
            return WireResponse.refused(.notFound, code: 404, message: "no such endpoint: \(path) is not in the API (see /_cwsync/openapi.yaml)")
        }
        let allowed = matching.reduce(into: Set<String>()) { $0.formUnion($1.methods) }
        let method = request.method == .head ? "GET" : request.method.rawValue
        guard allowed.contains(method) else {
            var response = WireResponse.refused(
                .methodNotAllowed, code: 405, message: "\(path) takes \(allowed.sorted().joined(separator: " or ")), not \(request.method.rawValue)")
            response.headers[.allow] = allowed.sorted().joined(separator: ", ")
            return response
        }
        return try await next(request, context)
    }

    private static func matches(_ template: [Substring], _ segments: [Substring]) -> Bool {
        template.count == segments.count && zip(template, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }
}
