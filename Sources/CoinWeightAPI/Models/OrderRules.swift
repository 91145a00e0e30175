public import Foundation

/// The limits `/config/symbols` puts on an order, checked before anything is queued or sent.
///
/// ```swift
/// if let violation = OrderRules(symbols: config).violation(of: order) {
///     print(violation)   // "quantity 0.0001 is below quantityMin 0.001 for ETH-USDT on binance"
/// }
/// ```
public struct OrderRules: Sendable {
    private let specs: [String: [String: SymbolSpec]]

    /// Rules from the exchanges' symbol lists.
    public init(symbols: [CounterPartySymbols]) {
        var specs: [String: [String: SymbolSpec]] = [:]
        for exchange in symbols {
            for spec in exchange.symbols { specs[exchange.counterParty, default: [:]][spec.name] = spec }
        }
        self.specs = specs
    }

    /// The limits of one symbol on one exchange, if it is traded there.
    public func spec(counterParty: String, symbol: String) -> SymbolSpec? { specs[counterParty]?[symbol] }

    /// The first rule `order` breaks, or `nil` when it may be placed.
    public func violation(of order: NewOrder) -> OrderRuleViolation? {
        guard order.orderType.isKnown else { return .unknownOrderType(order.orderType.rawValue) }
        guard order.side.isKnown else { return .unknownSide(order.side.rawValue) }
        return violation(counterParty: order.counterParty, symbol: order.symbol, price: order.price, quantity: order.quantity)
    }

    /// The first rule a price and quantity break on a symbol, or `nil`.
    public func violation(counterParty: String, symbol: String, price: ExactDecimal, quantity: ExactDecimal) -> OrderRuleViolation? {
        guard let exchange = specs[counterParty] else { return .unknownCounterParty(counterParty) }
        guard let spec = exchange[symbol] else { return .unknownSymbol(symbol, counterParty: counterParty) }
        if price.value <= 0 { return .nonPositivePrice(price) }
        if price.fractionDigits > spec.priceDecimal { return .priceTooPrecise(price, allowed: spec.priceDecimal, spec.name) }
        if quantity.fractionDigits > spec.quantityDecimal {
            return .quantityTooPrecise(quantity, allowed: spec.quantityDecimal, spec.name)
        }
        if quantity.value < spec.quantityMin { return .quantityBelowMinimum(quantity, minimum: spec.quantityMin, spec.name, counterParty) }
        if quantity.value > spec.quantityMax { return .quantityAboveMaximum(quantity, maximum: spec.quantityMax, spec.name, counterParty) }
        return nil
    }
}

/// A rule of the symbols config that an order breaks; its description names the rule.
public enum OrderRuleViolation: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownOrderType(String)
    case unknownSide(String)
    case unknownCounterParty(String)
    case unknownSymbol(String, counterParty: String)
    case nonPositivePrice(ExactDecimal)
    case priceTooPrecise(ExactDecimal, allowed: Int, String)
    case quantityTooPrecise(ExactDecimal, allowed: Int, String)
    case quantityBelowMinimum(ExactDecimal, minimum: Decimal, String, String)
    case quantityAboveMaximum(ExactDecimal, maximum: Decimal, String, String)

    /// The broken rule and the values involved, for example
    /// `quantity 0.0001 is below quantityMin 0.001 for ETH-USDT on binance`.
    public var description: String {
        switch self {
        case .unknownOrderType(let type): "orderType \(type) is not LIMIT or MARKET"
        case .unknownSide(let side): "side \(side) is not BID or ASK"
        case .unknownCounterParty(let counterParty): "counterParty \(counterParty) is not in the symbols config"
        case .unknownSymbol(let symbol, let counterParty): "symbol \(symbol) is not traded on \(counterParty)"
        case .nonPositivePrice(let price): "price \(price) must be greater than 0"
        case .priceTooPrecise(let price, let allowed, let symbol):
            "price \(price) has more than priceDecimal \(allowed) decimals for \(symbol)"
        case .quantityTooPrecise(let quantity, let allowed, let symbol):
            "quantity \(quantity) has more than quantityDecimal \(allowed) decimals for \(symbol)"
        case .quantityBelowMinimum(let quantity, let minimum, let symbol, let counterParty):
            "quantity \(quantity) is below quantityMin \(minimum) for \(symbol) on \(counterParty)"
        case .quantityAboveMaximum(let quantity, let maximum, let symbol, let counterParty):
            "quantity \(quantity) is above quantityMax \(maximum) for \(symbol) on \(counterParty)"
        }
    }
}
