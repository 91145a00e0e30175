import Foundation

/// A JSON document as a tree that keeps what a fuzzer wants to break and `JSONSerialization`
/// would lose: the members' order, duplicate keys, and numbers exactly as written.
///
/// ```swift
/// let tree = try FuzzJSON(parsing: SpecExample.data("order-active.response"))
/// let broken = tree.replacing(at: tree.paths()[3], with: .literal("1e999")).text
/// ```
indirect enum FuzzJSON: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number, or any token, written as is: `1e999` and `NaN` are both expressible.
    case literal(String)
    case string(String)
    case array([FuzzJSON])
    case object([Member])

    /// One `"key": value` of an object; a key may repeat.
    struct Member: Equatable, Sendable {
        var key: String
        var value: FuzzJSON
    }

    /// One step from a value to one inside it.
    enum Step: Equatable, Sendable {
        /// The `index`th member of an object, whose key is `key`.
        case member(Int, key: String)
        /// The `index`th element of an array.
        case element(Int)
    }

    /// The document as compact JSON text.
    var text: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .literal(let token): token
        case .string(let value): Self.quoted(value)
        case .array(let elements): "[" + elements.map(\.text).joined(separator: ",") + "]"
        case .object(let members): "{" + members.map { Self.quoted($0.key) + ":" + $0.value.text }.joined(separator: ",") + "}"
        }
    }

    /// The path of every value in the document, the root (`[]`) first, parents before children.
    func paths() -> [[Step]] {
        var result: [[Step]] = [[]]
        switch self {
        case .array(let elements):
            for (index, element) in elements.enumerated() { result += element.paths().map { [.element(index)] + $0 } }
        case .object(let members):
            for (index, member) in members.enumerated() { result += member.value.paths().map { [.member(index, key: member.key)] + $0 } }
        case .null, .bool, .literal, .string:
            break
        }
        return result
    }

    /// The value at `path`, or `nil` when the path leads nowhere.
    func value(at path: ArraySlice<Step>) -> FuzzJSON? {
        guard let step = path.first else { return self }
        switch (self, step) {
        case (.array(let elements), .element(let index)) where elements.indices.contains(index):
            return elements[index].value(at: path.dropFirst())
        case (.object(let members), .member(let index, _)) where members.indices.contains(index):
            return members[index].value.value(at: path.dropFirst())
        default:
            return nil
        }
    }

    /// The document with the value at `path` (which must exist) made by `change` from it.
    func updating(at path: ArraySlice<Step>, _ change: (FuzzJSON) -> FuzzJSON) -> FuzzJSON {
        guard let step = path.first else { return change(self) }
        switch (self, step) {
        case (.array(var elements), .element(let index)):
            elements[index] = elements[index].updating(at: path.dropFirst(), change)
            return .array(elements)
        case (.object(var members), .member(let index, _)):
            members[index].value = members[index].value.updating(at: path.dropFirst(), change)
            return .object(members)
        default:
            preconditionFailure("no value at \(path)")
        }
    }

    /// JSON string syntax for `text`: quotes, backslashes and control characters escaped.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension FuzzJSON {
    /// Parses strict JSON, keeping member order, duplicate keys and number text.
    /// - Throws: ``Unparsable`` at the first byte that is not JSON.
    init(parsing data: Data) throws {
        var reader = Reader(bytes: Array(data))
        self = try reader.value()
        reader.skipSpace()
        guard reader.offset == reader.bytes.count else { throw Unparsable(offset: reader.offset) }
    }

    /// Text that is not JSON, and where it stops being JSON.
    struct Unparsable: Error {
        let offset: Int
    }

    /// A recursive-descent reader over the bytes; strings are unescaped by `JSONDecoder`.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func skipSpace() {
            while offset < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[offset]) { offset += 1 }
        }

        mutating func value() throws -> FuzzJSON {
            skipSpace()
            guard offset < bytes.count else { throw Unparsable(offset: offset) }
            switch bytes[offset] {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return .string(try string())
            default:
                let start = offset
                while offset < bytes.count, !",]} \n\r\t".utf8.contains(bytes[offset]) { offset += 1 }
                switch String(decoding: bytes[start..<offset], as: UTF8.self) {
                case "null": return .null
                case "true": return .bool(true)
                case "false": return .bool(false)
                case let token where Double(token) != nil: return .literal(token)
                default: throw Unparsable(offset: start)
                }
            }
        }

        private mutating func object() throws -> FuzzJSON {
            var members: [Member] = []
            try sequence(closing: "}") {
                $0.skipSpace()
                let key = try $0.string()
                try $0.expect(":")
                members.append(Member(key: key, value: try $0.value()))
            }
            return .object(members)
        }

        private mutating func array() throws -> FuzzJSON {
            var elements: [FuzzJSON] = []
            try sequence(closing: "]") { elements.append(try $0.value()) }
            return .array(elements)
        }

        /// Reads `item`s separated by commas up to `closing`, the opening bracket at `offset`.
        private mutating func sequence(closing: Unicode.Scalar, _ item: (inout Reader) throws -> Void) throws {
            offset += 1
            skipSpace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: closing) {
                offset += 1
                return
            }
            while true {
                try item(&self)
                skipSpace()
                guard offset < bytes.count else { throw Unparsable(offset: offset) }
                offset += 1
                if bytes[offset - 1] == UInt8(ascii: closing) { return }
                guard bytes[offset - 1] == UInt8(ascii: ",") else { throw Unparsable(offset: offset - 1) }
            }
        }

        private mutating func expect(_ scalar: Unicode.Scalar) throws {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: scalar) else { throw Unparsable(offset: offset) }
            offset += 1
        }

        private mutating func string() throws -> String {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw Unparsable(offset: offset) }
            let start = offset
            offset += 1
            while offset < bytes.count, bytes[offset] != UInt8(ascii: "\"") {
                offset += bytes[offset] == UInt8(ascii: "\\") ? 2 : 1
            }
            offset += 1
            guard offset <= bytes.count, let text = try? JSONDecoder().decode(String.self, from: Data(bytes[start..<offset])) else {
                throw Unparsable(offset: start)
            }
            return text
        }
    }
}
