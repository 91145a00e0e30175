/// The status part of a response envelope, in either spelling the API uses:
/// `{success, errorCode, errorMsg}` or `{success, seq_no, error_code}`.
struct EnvelopeHead: Decodable {
    var success: Bool
    var code: Int?
    var message: String?

    // swift-format-ignore: AlwaysUseLowerCamelCase
    // The spec's own key names.
    private enum CodingKeys: String, CodingKey {
        case success, errorCode, error_code, errorMsg
    }

    /// A head of the given parts.
    init(success: Bool, code: Int? = nil, message: String? = nil) {
        self.success = success
        self.code = code
        self.message = message
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        success = try container.decode(Bool.self, forKey: .success)
        code =
            try container.decodeIfPresent(Int.self, forKey: .errorCode)
            ?? container.decodeIfPresent(Int.self, forKey: .error_code)
        message = try container.decodeIfPresent(String.self, forKey: .errorMsg)
    }
}

/// A whole envelope, read in one pass: its head, and its `data` as `Payload`.
///
/// `data` is read strictly only when `success` is true; a refusal's `data` (the order as it
/// stands, say) is kept when it reads as `Payload` and left out otherwise.
struct Envelope<Payload: Decodable>: Decodable {
    var head: EnvelopeHead
    var data: Payload?

    private enum CodingKeys: String, CodingKey { case data }

    init(from decoder: any Decoder) throws {
        head = try EnvelopeHead(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        data =
            head.success
            ? try container.decodeIfPresent(Payload.self, forKey: .data)
            : try? container.decodeIfPresent(Payload.self, forKey: .data)
    }
}

/// A `data` that is not read: what an endpoint answering nothing useful has there.
struct IgnoredData: Decodable {
    init(from decoder: any Decoder) {}
}

/// `data` of `/strategy/start` and `/strategy/stop`: `{"strategy": {"id", "status"}}`.
struct StrategyStatusData: Decodable {
    var strategy: StrategyStatus
}

/// `data` of `/strategy/status/{uid}`: `{"status": [...]}`.
struct StrategyStatusList: Decodable {
    var status: [StrategyStatus]
}
