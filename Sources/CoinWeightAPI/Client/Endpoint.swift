import Foundation

/// One call of the API: how to build its request and how to read its answer.
struct Endpoint<Response: Sendable>: Sendable {
    /// How the answer is shaped.
    enum Shape: Sendable {
        /// An envelope whose `data` is the response.
        case enveloped
        /// The response itself, no envelope.
        case bare
    }

    var method: HTTPRequest.Method
    /// The path below the base URL, already percent-encoded.
    var path: String
    var query: [(String, String)] = []
    var body: Data?
    var authenticated: Bool
    var errors: ErrorTable = .general
    /// Reads the body in one pass: the envelope's head (none when bare) and the payload.
    var decode: @Sendable (Data, JSONDecoder) throws -> Answer

    /// What a body says: whether the call succeeded, and its value.
    struct Answer {
        /// The envelope's status; `nil` for a bare answer.
        var head: EnvelopeHead?
        /// The value; `nil` when the envelope refused or its `data` was null.
        var payload: Response?
    }

    /// `POST /order/create`: how errors and logs name the call.
    var name: String { "\(method.rawValue) \(path)" }
}

extension Endpoint {
    static func get(
        _ path: String, query: [(String, String)] = [], authenticated: Bool = true, errors: ErrorTable = .general,
        decode: @escaping @Sendable (Data, JSONDecoder) throws -> Answer
    ) -> Endpoint {
        Endpoint(method: .get, path: path, query: query, authenticated: authenticated, errors: errors, decode: decode)
    }

    static func post(
        _ path: String, body: some Encodable, authenticated: Bool = true, errors: ErrorTable = .general,
        decode: @escaping @Sendable (Data, JSONDecoder) throws -> Answer
    ) throws -> Endpoint {
        let encoded = try JSONEncoder.api.encode(body)
        return Endpoint(method: .post, path: path, body: encoded, authenticated: authenticated, errors: errors, decode: decode)
    }
}

extension Endpoint where Response: Decodable {
    /// A GET whose answer decodes straight to `Response` (inside the envelope unless `shape` says bare).
    static func get(_ path: String, query: [(String, String)] = [], authenticated: Bool = true, shape: Shape = .enveloped, errors: ErrorTable = .general)
        -> Endpoint
    {
        get(path, query: query, authenticated: authenticated, errors: errors, decode: Self.decodePayload(shape))
    }

    /// A POST whose answer decodes straight to `Response`.
    static func post(_ path: String, body: some Encodable, authenticated: Bool = true, shape: Shape = .enveloped, errors: ErrorTable = .general) throws
        -> Endpoint
    {
        try post(path, body: body, authenticated: authenticated, errors: errors, decode: Self.decodePayload(shape))
    }

    private static func decodePayload(_ shape: Shape) -> @Sendable (Data, JSONDecoder) throws -> Answer {
        switch shape {
        case .bare:
            return { data, decoder in Answer(head: nil, payload: try decoder.decode(Response.self, from: data)) }
        case .enveloped:
            return enveloped(Response.self) { $0 }
        }
    }
}

extension Endpoint {
    /// Reads an envelope whose `data` is a `Payload`, and makes the response of it.
    static func enveloped<Payload: Decodable & SendableMetatype>(_ payload: Payload.Type, _ transform: @escaping @Sendable (Payload) throws -> Response)
        -> @Sendable (Data, JSONDecoder) throws -> Answer
    {
        { data, decoder in
            let envelope = try decoder.decode(Envelope<Payload>.self, from: data)
            return Answer(head: envelope.head, payload: try envelope.data.map(transform))
        }
    }
}

extension Endpoint where Response == Void {
    /// A POST whose envelope carries no useful `data`.
    static func post(_ path: String, body: some Encodable, errors: ErrorTable = .general) throws -> Endpoint {
        try post(path, body: body, errors: errors) { data, decoder in
            Answer(head: try decoder.decode(Envelope<IgnoredData>.self, from: data).head, payload: ())
        }
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
