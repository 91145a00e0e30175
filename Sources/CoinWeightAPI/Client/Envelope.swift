/// The status part of a response envelope, in either spelling the API uses:
/// `{success, errorCode, errorMsg}` or `{success, seq_no, error_code}`.
struct EnvelopeHead: Decodable {
    var success: Bool
    var code: Int?
    var message: String?

    private enum CodingKeys: String, CodingKey {
        case success, errorCode, error_code, errorMsg
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        success = try container.decode(Bool.self, forKey: .success)
        code = try container.decodeIfPresent(Int.self, forKey: .errorCode)
            ?? container.decodeIfPresent(Int.self, forKey: .error_code)
        message = try container.decodeIfPresent(String.self, forKey: .errorMsg)
    }
}

/// The `data` of an envelope.
struct EnvelopeData<Payload: Decodable>: Decodable {
    var data: Payload?
}

/// `data` of `/strategy/start` and `/strategy/stop`: `{"strategy": {"id", "status"}}`.
struct StrategyStatusData: Decodable {
    var strategy: StrategyStatus
}

/// `data` of `/strategy/status/{uid}`: `{"status": [...]}`.
struct StrategyStatusList: Decodable {
    var status: [StrategyStatus]
}
