import Foundation

/// One call of the API: how to build its request and how to read its answer.
struct Endpoint<Response: Sendable>: Sendable {
    /// How the answer is shaped.
    enum Shape: Sendable {
        /// An envelope whose `data` is the response.
        case enveloped
        /// An envelope whose `data` is null or ignored.
        case envelopedEmpty
        /// The response itself, no envelope.
        case bare
    }

    var method: HTTPRequest.Method
    /// The path below the base URL, already percent-encoded.
    var path: String
    var query: [(String, String)] = []
    var body: Data?
    var authenticated: Bool
    var shape: Shape
    var errors: ErrorTable = .general
    /// Reads the payload (the envelope's `data`, or the whole body when bare).
    var decode: @Sendable (Data, JSONDecoder) throws -> Response

    /// `POST /order/create`: how errors and logs name the call.
    var name: String { "\(method.rawValue) \(path)" }
}

extension Endpoint {
    static func get(_ path: String, query: [(String, String)] = [], authenticated: Bool = true, shape: Shape = .enveloped, errors: ErrorTable = .general, decode: @escaping @Sendable (Data, JSONDecoder) throws -> Response) -> Endpoint {
        Endpoint(method: .get, path: path, query: query, authenticated: authenticated, shape: shape, errors: errors, decode: decode)
    }

    static func post(_ path: String, body: some Encodable, authenticated: Bool = true, shape: Shape = .enveloped, errors: ErrorTable = .general, decode: @escaping @Sendable (Data, JSONDecoder) throws -> Response) throws -> Endpoint {
        let encoded = try JSONEncoder.api.encode(body)
        return Endpoint(method: .post, path: path, body: encoded, authenticated: authenticated, shape: shape, errors: errors, decode: decode)
    }
}

extension Endpoint where Response: Decodable {
    /// A GET whose answer decodes straight to `Response` (inside the envelope unless `shape` says bare).
    static func get(_ path: String, query: [(String, String)] = [], authenticated: Bool = true, shape: Shape = .enveloped, errors: ErrorTable = .general) -> Endpoint {
        get(path, query: query, authenticated: authenticated, shape: shape, errors: errors, decode: Self.decodePayload(shape))
    }

    /// A POST whose answer decodes straight to `Response`.
    static func post(_ path: String, body: some Encodable, authenticated: Bool = true, shape: Shape = .enveloped, errors: ErrorTable = .general) throws -> Endpoint {
        try post(path, body: body, authenticated: authenticated, shape: shape, errors: errors, decode: Self.decodePayload(shape))
    }

    private static func decodePayload(_ shape: Shape) -> @Sendable (Data, JSONDecoder) throws -> Response {
        { data, decoder in
            switch shape {
            case .bare:
                return try decoder.decode(Response.self, from: data)
            case .enveloped, .envelopedEmpty:
                guard let payload = try decoder.decode(EnvelopeData<Response>.self, from: data).data else {
                    throw DecodingError.valueNotFound(Response.self, .init(codingPath: [AnyCodingKey("data")], debugDescription: "data is null"))
                }
                return payload
            }
        }
    }
}

extension Endpoint where Response == Void {
    /// A POST whose envelope carries no useful `data`.
    static func post(_ path: String, body: some Encodable, errors: ErrorTable = .general) throws -> Endpoint {
        try post(path, body: body, shape: .envelopedEmpty, errors: errors, decode: { _, _ in })
    }
}

extension JSONEncoder {
    /// The encoder for request bodies.
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }
}

extension String {
    /// The text as one path segment: `/`, `?` and `#` escaped.
    var pathSegment: String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#;")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}
