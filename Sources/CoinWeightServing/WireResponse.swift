package import CoinWeightAPI
package import Foundation
package import Hummingbird

/// The envelope spellings the spec uses: most endpoints, the brief one of login, signup, user
/// info and positions, and the Strategy API's.
package enum EnvelopeStyle {
    /// `{success, errorCode, errorMsg, data}`: most endpoints.
    case general
    /// `{success, errorCode, data}`: login, signup, user info and positions.
    case brief
    /// `{success, seq_no, error_code, data}`: the Strategy API.
    case strategy
}

/// An envelope as a server of the API writes it, keys in the spec's order and `data` always present.
package struct WireEnvelope<Payload: Encodable>: Encodable {
    package var style: EnvelopeStyle
    package var success: Bool
    package var code: Int
    package var message: String
    package var data: Payload?

    package init(style: EnvelopeStyle, success: Bool, code: Int, message: String, data: Payload?) {
        self.style = style
        self.success = success
        self.code = code
        self.message = message
        self.data = data
    }

    // swift-format-ignore: AlwaysUseLowerCamelCase
    // The spec's own key names.
    private enum CodingKeys: String, CodingKey {
        case success, errorCode, errorMsg, seq_no, error_code, data
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(success, forKey: .success)
        switch style {
        case .general:
            try container.encode(code, forKey: .errorCode)
            try container.encode(message, forKey: .errorMsg)
        case .brief:
            try container.encode(code, forKey: .errorCode)
        case .strategy:
            try container.encode(0, forKey: .seq_no)
            try container.encode(code, forKey: .error_code)
        }
        if let data { try container.encode(data, forKey: .data) } else { try container.encodeNil(forKey: .data) }
    }
}

/// Builders of the HTTP responses of a server of the API (the emulator, the daemon's local API).
package enum WireResponse {
    package static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    /// HTTP 200 with a success envelope around `data`.
    package static func ok(_ data: some Encodable, style: EnvelopeStyle = .general) -> Response {
        json(WireEnvelope(style: style, success: true, code: 0, message: "ok", data: data))
    }

    /// HTTP 200 with a success envelope whose `data` is null.
    package static func okEmpty(style: EnvelopeStyle = .general) -> Response {
        json(WireEnvelope<Int>(style: style, success: true, code: 0, message: "ok", data: nil))
    }

    /// HTTP 200 with the value itself, no envelope.
    package static func bare(_ value: some Encodable) -> Response { json(value) }

    /// The spec's answer to a refused request.
    package static func failure(_ failure: APIFailure, style: EnvelopeStyle) -> Response {
        switch failure {
        case .forbidden:
            return json(WireEnvelope<Int>(style: .general, success: false, code: 403, message: "authentication failure", data: nil), status: .forbidden)
        case .business(let code, let message, let order):
            return json(WireEnvelope(style: style, success: false, code: code, message: message, data: order))
        }
    }

    /// A refusal in `style` with an HTTP status of its own: `success:false`, `code`, `message`.
    package static func refused(_ status: HTTPResponse.Status, code: Int, message: String, style: EnvelopeStyle = .general) -> Response {
        json(WireEnvelope<Int>(style: style, success: false, code: code, message: message, data: nil), status: status)
    }

    /// HTTP 403 in the general envelope, saying why.
    package static func refusal(_ message: String) -> Response { refused(.forbidden, code: 403, message: message) }

    /// An error envelope with an HTTP status of its own (503, 429...).
    package static func status(_ status: HTTPResponse.Status, code: Int, message: String, headers: HTTPFields = [:]) -> Response {
        var response = json(WireEnvelope<Int>(style: .general, success: false, code: code, message: message, data: nil), status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    package static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data(#"{"success":false,"errorCode":500,"errorMsg":"encoding failed","data":null}"#.utf8)
        return raw(data, status: status)
    }

    package static func raw(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
