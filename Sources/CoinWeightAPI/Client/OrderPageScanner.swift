package import Foundation

/// Reads an `/order/inactive` answer straight from its bytes into an ``InactiveOrderPage``,
/// without Codable's keyed containers: what a first sync of a long history spends most of
/// its CPU on otherwise.
///
/// It reads the plain form servers send (a successful envelope; strings without escapes;
/// integers as digits; each key once) and gives up, returning `nil`, on anything else: an
/// escape, a duplicate key, a refusal, a value of another type, malformed JSON. The caller
/// then decodes with Codable, which says what is wrong. So whenever it returns a page, that
/// page is the one Codable would have read (a test holds it to that on the spec's examples,
/// the fuzz corpus and 100,000 random orders).
package struct OrderPageScanner {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    /// The page in `body`, or `nil` when the body is not in the plain form.
    package static func page(from body: Data) -> InactiveOrderPage? {
        body.withUnsafeBytes { bytes in
            var scanner = OrderPageScanner(bytes: bytes)
            guard let page = scanner.envelope() else { return nil }
            scanner.skipWhitespace()
            return scanner.index == bytes.count ? page : nil
        }
    }

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// `{"success":true, "errorCode":…, "errorMsg":…, "data":{…}}`, keys in any order.
    private mutating func envelope() -> InactiveOrderPage? {
        var success: Bool?
        var page: InactiveOrderPage?
        let complete = objectOfUniqueKeys { key, scanner in
            switch key {
            case "success":
                success = scanner.bool()
                return success != nil
            case "data":
                page = scanner.pageObject()
                return page != nil
            case "errorCode", "error_code":
                // Read by the head as an optional Int: a number or null.
                return scanner.nullableInteger()
            case "errorMsg":
                return scanner.nullableString()
            default:
                return scanner.skipValue()
            }
        }
        guard complete, success == true else { return nil }
        return page
    }

    /// `{"totalPage": N, "content": [order, …]}`, other keys skipped.
    private mutating func pageObject() -> InactiveOrderPage? {
        var totalPage: Int64?
        var content: [Order]?
        let complete = objectOfUniqueKeys { key, scanner in
            switch key {
            case "totalPage":
                totalPage = scanner.integer()
                return totalPage != nil
            case "content":
                content = scanner.orders()
                return content != nil
            default:
                return scanner.skipValue()
            }
        }
        guard complete, let totalPage, let content, let total = Int(exactly: totalPage) else { return nil }
        return InactiveOrderPage(totalPage: total, content: content)
    }

    private mutating func orders() -> [Order]? {
        skipWhitespace()
        guard take(UInt8(ascii: "[")) else { return nil }
        var orders: [Order] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return orders }
        while true {
            guard let order = order() else { return nil }
            orders.append(order)
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]")) ? orders : nil
        }
    }

    /// One order: its thirteen fields, each once; other keys skipped. Keys are matched as
    /// bytes, and the fields seen kept as bits: no string is made or hashed for a key, and
    /// nothing but the order's own values is allocated.
    private mutating func order() -> Order? {
        var id: String?
        var type: String?
        var symbol: String?
        var side: String?
        var owner: String?
        var counterParty: String?
        var execution: String?
        var price: ExactDecimal?
        var quantity: ExactDecimal?
        var filledPrice: ExactDecimal?
        var filledQuantity: ExactDecimal?
        var createTime: Int64?
        var processedTime: Int64?
        var seen: UInt16 = 0
        var previous = -1
        let complete = object { key, scanner in
            guard let field = Self.orderField(key, after: previous) else {
                // Not a field of an order: skipped, as Codable skips it, once its key is text.
                return Self.text(key) != nil && scanner.skipValue()
            }
            guard seen & (1 << field) == 0 else { return false }
            seen |= 1 << field
            previous = field
            switch field {
            case 0:
                id = scanner.string()
                return id != nil
            case 1:
                type = scanner.string()
                return type != nil
            case 2:
                symbol = scanner.string()
                return symbol != nil
            case 3:
                side = scanner.string()
                return side != nil
            case 4:
                owner = scanner.string()
                return owner != nil
            case 5:
                counterParty = scanner.string()
                return counterParty != nil
            case 6:
                execution = scanner.string()
                return execution != nil
            case 7:
                price = scanner.decimal()
                return price != nil
            case 8:
                quantity = scanner.decimal()
                return quantity != nil
            case 9:
                filledPrice = scanner.decimal()
                return filledPrice != nil
            case 10:
                filledQuantity = scanner.decimal()
                return filledQuantity != nil
            case 11:
                createTime = scanner.integer()
                return createTime != nil
            default:
                processedTime = scanner.integer()
                return processedTime != nil
            }
        }
        guard complete, let id, let type, let symbol, let side, let owner, let counterParty, let execution, let price, let quantity,
            let filledPrice, let filledQuantity, let createTime, let processedTime
        else { return nil }
        return Order(
            streetOrderId: id, orderType: OrderType(rawValue: type), symbol: symbol, side: Side(rawValue: side), owner: owner,
            counterParty: counterParty, price: price, quantity: quantity, filledPrice: filledPrice, filledQuantity: filledQuantity,
            executionType: ExecutionType(rawValue: execution), createTime: createTime, processedTime: processedTime)
    }

    /// The order's fields in the slots ``order()`` fills: strings, decimals, then times.
    private static let orderFields: [[UInt8]] = [
        "streetOrderId", "orderType", "symbol", "side", "owner", "counterParty", "executionType",
        "price", "quantity", "filledPrice", "filledQuantity", "createTime", "processedTime",
    ].map { Array($0.utf8) }

    /// The slot of the order field named `key`, or `nil` for another key. The slot after
    /// `previous` is tried first: a server writes every order's keys in one order.
    private static func orderField(_ key: UnsafeRawBufferPointer, after previous: Int) -> Int? {
        let next = previous + 1
        if next < orderFields.count, matches(orderFields[next], key) { return next }
        return orderFields.firstIndex { matches($0, key) }
    }

    private static func matches(_ name: [UInt8], _ key: UnsafeRawBufferPointer) -> Bool {
        name.count == key.count && name.withUnsafeBytes { memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }
    }

    // MARK: JSON

    /// Reads an object, calling `member` with each key and the scanner at its value; `member`
    /// reads the value and says whether it could.
    private mutating func object(_ member: (UnsafeRawBufferPointer, inout OrderPageScanner) -> Bool) -> Bool {
        skipWhitespace()
        guard take(UInt8(ascii: "{")) else { return false }
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipWhitespace()
            guard let key = rawString() else { return false }
            skipWhitespace()
            guard take(UInt8(ascii: ":")), member(key, &self) else { return false }
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// Reads an object whose keys are text and each there once (a key twice is for Codable),
    /// calling `member` with each key as text.
    private mutating func objectOfUniqueKeys(_ member: (String, inout OrderPageScanner) -> Bool) -> Bool {
        var seen: Set<String> = []
        return object { rawKey, scanner in
            guard let key = Self.text(rawKey), seen.insert(key).inserted else { return false }
            return member(key, &scanner)
        }
    }

    /// A string without escapes or control characters, valid UTF-8.
    private mutating func string() -> String? {
        rawString().flatMap(Self.text)
    }

    /// The bytes of a string without escapes or control characters, not yet checked as UTF-8.
    private mutating func rawString() -> UnsafeRawBufferPointer? {
        skipWhitespace()
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return UnsafeRawBufferPointer(rebasing: bytes[start..<(index - 1)])
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    /// The text of a string's bytes: ASCII as it is, anything else when it is valid UTF-8.
    private static func text(_ bytes: UnsafeRawBufferPointer) -> String? {
        bytes.allSatisfy { $0 < 0x80 } ? String(decoding: bytes, as: UTF8.self) : validated(bytes)
    }

    /// The text of UTF-8 bytes that are valid as they are (a leading byte-order mark kept, as
    /// Codable keeps it), else `nil`. Where the standard library cannot validate, Codable reads it.
    private static func validated(_ bytes: UnsafeRawBufferPointer) -> String? {
        if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
            return String(validating: bytes, as: UTF8.self)
        }
        return nil
    }

    /// A decimal written as a string, as the API writes amounts.
    private mutating func decimal() -> ExactDecimal? {
        string().flatMap(ExactDecimal.init)
    }

    private mutating func nullableString() -> Bool {
        if literal("null") { return true }
        return string() != nil
    }

    /// An integer written as digits, with an optional minus, that fits in 64 bits.
    private mutating func integer() -> Int64? {
        skipWhitespace()
        let negative = take(UInt8(ascii: "-"))
        let start = index
        var value: Int64 = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let digit = Int64(bytes[index] - UInt8(ascii: "0"))
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (added, overflowAgain) = shifted.addingReportingOverflow(negative ? -digit : digit)
            guard !overflow, !overflowAgain else { return nil }
            value = added
            index += 1
        }
        guard index > start else { return nil }
        // A leading zero before more digits is not JSON; a fraction or exponent is for Codable.
        if bytes[start] == UInt8(ascii: "0") && index - start > 1 { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e") { return nil }
        return value
    }

    private mutating func nullableInteger() -> Bool {
        if literal("null") { return true }
        guard let value = integer() else { return false }
        return Int(exactly: value) != nil
    }

    private mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// Skips any value: an object, an array, a string (escapes allowed), a number, a literal.
    private mutating func skipValue(depth: Int = 0) -> Bool {
        guard depth < 64 else { return false }
        skipWhitespace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return object { _, scanner in scanner.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            index += 1
            skipWhitespace()
            if take(UInt8(ascii: "]")) { return true }
            while true {
                guard skipValue(depth: depth + 1) else { return false }
                skipWhitespace()
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "]"))
            }
        case UInt8(ascii: "\""):
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { return true }
                if byte < 0x20 { return false }
                if byte == UInt8(ascii: "\\") { index += 1 }
            }
            return false
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default:
            // A number: what JSON allows, checked loosely; Codable would read it as it likes.
            let start = index
            while index < bytes.count, Self.numberBytes.contains(bytes[index]) { index += 1 }
            return index > start && Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) != nil
        }
    }

    private static let numberBytes: Set<UInt8> = Set("0123456789+-.eE".utf8)

    private mutating func literal(_ word: StaticString) -> Bool {
        skipWhitespace()
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += length
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }
}
