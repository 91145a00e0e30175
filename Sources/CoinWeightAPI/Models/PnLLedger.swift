public import Foundation

/// Realized profit and loss by FIFO over the filled parts of orders, per symbol and
/// counterParty, in exact decimal arithmetic (``ExactSum``).
///
/// Feed it orders oldest first (by `createTime`); each order's filled part, `filledQuantity`
/// at `filledPrice`, is one fill. A buy closes the oldest open sells first, a sell the oldest
/// open buys; what is left opens a position. A sell before any buy opens a short position,
/// which later buys close, FIFO too: realized PnL is always `quantity × (sell price − buy
/// price)` of each matched part.
///
/// ```swift
/// var ledger = PnLLedger()
/// for order in orders { ledger.add(order) }
/// for line in ledger.lines { print(line.symbol, line.realized) }
/// ```
public struct PnLLedger: Sendable {
    /// What one symbol on one exchange came to. Encoded with every amount as its exact
    /// decimal text: `realizedPnL`, `openQuantity`, `averageBuyPrice` (or null)...
    public struct Line: Hashable, Sendable, Encodable {
        /// The symbol, such as `ETH-USDT`: base currency first, quote currency second.
        public var symbol: String
        /// The exchange.
        public var counterParty: String
        /// Fills counted.
        public var fills = 0
        /// Base currency bought.
        public var bought = ExactSum.zero
        /// Base currency sold.
        public var sold = ExactSum.zero
        /// Quote currency paid for the buys.
        public var buyVolume = ExactSum.zero
        /// Quote currency received for the sells.
        public var sellVolume = ExactSum.zero
        /// Realized profit (negative: loss) in the quote currency, of the matched parts.
        public var realized = ExactSum.zero
        /// The position left open: positive long, negative short.
        public var open = ExactSum.zero

        /// The volume-weighted buy price, rounded to ``averageDigits`` decimal places; `nil` without a buy.
        public var averageBuyPrice: Decimal? { Self.average(buyVolume, bought) }
        /// The volume-weighted sell price, rounded the same way; `nil` without a sell.
        public var averageSellPrice: Decimal? { Self.average(sellVolume, sold) }

        /// Decimal places of the average prices, the only rounded figures.
        public static let averageDigits = 12

        private enum CodingKeys: String, CodingKey {
            case symbol, counterParty, fills, bought, sold, buyVolume, sellVolume, averageBuyPrice, averageSellPrice, realizedPnL, openQuantity
        }

        /// Encodes the line with its amounts as exact decimal texts.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(symbol, forKey: .symbol)
            try container.encode(counterParty, forKey: .counterParty)
            try container.encode(fills, forKey: .fills)
            try container.encode(bought.text, forKey: .bought)
            try container.encode(sold.text, forKey: .sold)
            try container.encode(buyVolume.text, forKey: .buyVolume)
            try container.encode(sellVolume.text, forKey: .sellVolume)
            try container.encode(averageBuyPrice.map { "\($0)" }, forKey: .averageBuyPrice)
            try container.encode(averageSellPrice.map { "\($0)" }, forKey: .averageSellPrice)
            try container.encode(realized.text, forKey: .realizedPnL)
            try container.encode(open.text, forKey: .openQuantity)
        }

        private static func average(_ volume: ExactSum, _ quantity: ExactSum) -> Decimal? {
            guard !quantity.isZero, let volume = Decimal(string: volume.text), let quantity = Decimal(string: quantity.text) else { return nil }
            var quotient = volume / quantity
            var rounded = Decimal()
            NSDecimalRound(&rounded, &quotient, averageDigits, .plain)
            return rounded
        }
    }

    private struct Key: Hashable {
        var symbol: String
        var counterParty: String
    }

    /// Open lots of one side, oldest first from `head`.
    private struct Book {
        var line: Line
        var lots: [(quantity: ExactSum, price: ExactSum)] = []
        var head = 0
        /// Whether the open lots are sells (a short position).
        var short = false
    }

    private var books: [Key: Book] = [:]

    /// An empty ledger.
    public init() {}

    /// Counts `order`'s filled part, if it has one.
    public mutating func add(_ order: Order) {
        guard order.filledQuantity.value > 0 else { return }
        let key = Key(symbol: order.symbol, counterParty: order.counterParty)
        var book = books[key] ?? Book(line: Line(symbol: order.symbol, counterParty: order.counterParty))
        let quantity = ExactSum(order.filledQuantity)
        let price = ExactSum(order.filledPrice)
        let buying = order.side == .bid
        book.line.fills += 1
        if buying {
            book.line.bought += quantity
            book.line.buyVolume += quantity * price
            book.line.open += quantity
        } else {
            book.line.sold += quantity
            book.line.sellVolume += quantity * price
            book.line.open -= quantity
        }
        var left = quantity
        // Close the oldest lots of the other side first.
        while !left.isZero, book.head < book.lots.count, book.short == buying {
            let lot = book.lots[book.head]
            let matched = min(left, lot.quantity)
            book.line.realized += matched * (buying ? lot.price - price : price - lot.price)
            left -= matched
            if matched == lot.quantity {
                book.head += 1
            } else {
                book.lots[book.head].quantity = lot.quantity - matched
            }
        }
        if book.head == book.lots.count {
            book.lots.removeAll(keepingCapacity: true)
            book.head = 0
        } else if book.head > 1_024, book.head * 2 > book.lots.count {
            book.lots.removeFirst(book.head)
            book.head = 0
        }
        if !left.isZero {
            if book.lots.isEmpty { book.short = !buying }
            book.lots.append((left, price))
        }
        books[key] = book
    }

    /// Every symbol and exchange with a fill, by symbol then counterParty.
    public var lines: [Line] {
        books.values.map(\.line).sorted { ($0.symbol, $0.counterParty) < ($1.symbol, $1.counterParty) }
    }
}
