import CoinWeightAPI
import Foundation

/// A way to break a response body, one at a time, as a server, proxy or network can.
enum BodyMutation: String, CaseIterable, Sendable {
    /// A member left out.
    case dropField
    /// A value replaced by `null`.
    case nullField
    /// A value replaced by one of another JSON type (string, number, bool, object, array).
    case swapType
    /// `true` for `false` and back (`success` included).
    case flipBool
    /// A string replaced by a word no enumeration knows.
    case unknownEnum
    /// A value replaced by a number no integer or `Double` holds.
    case hugeNumber
    /// A value replaced by a string that looks like a number but is not a plain decimal.
    case notADecimal
    /// A string replaced by a very long one.
    case longString
    /// A string replaced by escapes and Unicode that are easy to get wrong.
    case unicodeOddity
    /// A member written twice, the second time with another value.
    case duplicateKey
    /// A value replaced by arrays or objects nested deeper than any decoder expects.
    case deepNesting
    /// A string replaced by the auth token, as a buggy server might echo it.
    case tokenEcho
    /// An array or object emptied.
    case emptyContainer
    /// The example, as the spec writes it over several lines, cut at a random byte.
    case truncate
    /// A few random bytes changed.
    case byteFlip

    /// Whether the result is still JSON whose change sits at one path.
    var keepsJSON: Bool { self != .truncate && self != .byteFlip }
}

/// One mutated body and how it was made, for the message of a failing expectation.
struct MutatedBody: CustomStringConvertible {
    var body: Data
    var mutation: BodyMutation
    /// Where the tree was changed; `nil` for the byte-level mutations.
    var path: [FuzzJSON.Step]?

    var description: String {
        let excerpt = String(decoding: body.prefix(160), as: UTF8.self)
        return "\(mutation) at \(path.map(BodyMutator.text(of:)) ?? "bytes"): \(excerpt)\(body.count > 160 ? "…" : "")"
    }
}
