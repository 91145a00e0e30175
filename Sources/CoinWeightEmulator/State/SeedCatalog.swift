import CoinWeightAPI
import Foundation

/// The exchange-wide configuration the emulator starts with: symbols, market tabs, default
/// layouts and strategy templates. The values follow the spec's examples, made consistent
/// (every symbol a market or layout names is tradable).
enum SeedCatalog {
    static let counterParties = ["binance", "huobi", "okcoin"]

    static let symbols: [CounterPartySymbols] = counterParties.map { counterParty in
        CounterPartySymbols(
            counterParty: counterParty,
            symbols: [
                spec("ETH-USDT", price: 2, quantity: 4, min: "0.001", max: "10000.0"),
                spec("BTC-USDT", price: 5, quantity: 4, min: "0.0001", max: "1000.0"),
                spec("EOS-USDT", price: 4, quantity: 2, min: "0.1", max: "100000.0"),
                spec("ETH-BTC", price: 6, quantity: 3, min: "0.001", max: "10000.0"),
                spec("EOS-ETH", price: 7, quantity: 2, min: "0.1", max: "100000.0"),
                spec("OCT-ETH", price: 8, quantity: 0, min: "1", max: "1000000.0"),
                spec("OCT-BTC", price: 8, quantity: 0, min: "1", max: "1000000.0"),
            ])
    }

    static let marketCategories: [(category: String, pairs: [MarketPair])] = [
        ("BTC", [MarketPair(counterParty: "binance", symbol: "ETH-BTC"), MarketPair(counterParty: "huobi", symbol: "ETH-BTC")]),
        ("ETH", [MarketPair(counterParty: "binance", symbol: "EOS-ETH"), MarketPair(counterParty: "huobi", symbol: "EOS-ETH")]),
        (
            "USDT",
            [
                MarketPair(counterParty: "binance", symbol: "BTC-USDT"), MarketPair(counterParty: "huobi", symbol: "EOS-USDT"),
                MarketPair(counterParty: "okcoin", symbol: "EOS-USDT"), MarketPair(counterParty: "binance", symbol: "ETH-USDT"),
            ]
        ),
    ]

    static let professionalLayout: [LayoutSlot] = [
        LayoutSlot(position: 1, counterParty: "binance", symbol: "ETH-BTC"),
        LayoutSlot(position: 2, counterParty: "huobi", symbol: "EOS-USDT"),
        LayoutSlot(position: 3, counterParty: "okcoin", symbol: "EOS-USDT"),
    ]

    static let simpleLayout: [LayoutSlot] = LayoutKind.simple.positions.map { position in
        let pairs = marketCategories.flatMap(\.pairs)
        let pair = pairs[(position - 1) % pairs.count]
        return LayoutSlot(position: position, counterParty: pair.counterParty, symbol: pair.symbol)
    }

    static let strategyTemplates: [StrategyTemplate] = [
        StrategyTemplate(
            name: "VolumeMarketMaker",
            defaultItem: StrategyItem(
                name: "octmm", exchange: "binance", owner: "strategy-10", strategyType: "VolumeMarketMaker",
                symbols: [
                    StrategySymbol(fields: [
                        "name": "test", "symbol": "ETH-BTC", "currency1": "ETH", "margin1": number("0.2"), "currency2": "BTC",
                        "margin2": number("0.02"), "orderQty": number("0.1"), "qtyVar": number("0.0"), "priceVar": number("0.0"),
                        "middlePrice": 0, "replaceDelay": number("60.0"), "delayVar": 10,
                    ])
                ])),
        StrategyTemplate(
            name: "SingleMarketMaker",
            defaultItem: StrategyItem(
                name: "octmm", exchange: "binance", owner: "strategy-11", strategyType: "SingleMarketMaker",
                symbols: [
                    StrategySymbol(fields: [
                        "name": "test", "symbol": "ETH-BTC", "side": "Both", "currency1": "ETH", "margin1": number("0.1"),
                        "currency2": "BTC", "margin2": number("0.01"), "orderNumber": 1, "spreadPct": number("0.04"),
                        "orderQty": number("0.1"), "qtyVar": number("0.0"), "priceStep": number("0.0001"), "priceVar": number("0.0"),
                        "middlePrice": 0, "replaceDelay": number("1.0"), "middlePriceStep": number("0.0001"), "toleranceVar": number("0.001"),
                    ])
                ])),
    ]

    /// The custom strategy the spec shows for a user, in its older `currency`/`margin` shape.
    static func exampleStrategy(id: String, owner: String) -> StrategyItem {
        StrategyItem(
            id: id, name: "octmm", exchange: "binance", owner: owner, strategyType: "SingleMarketMaker",
            symbols: [
                legacySymbol(name: "OCT-ETH", currency: "ETH", margin: "0.1"),
                legacySymbol(name: "OCT-BTC", currency: "BTC", margin: "0.01"),
            ])
    }

    private static func legacySymbol(name: String, currency: String, margin: String) -> StrategySymbol {
        StrategySymbol(fields: [
            "name": .string(name), "currency": .string(currency), "strategy": "octmm", "margin": number(margin),
            "orderNumber": 10, "spreadPct": number("0.03"), "orderQty": 10, "qtyVar": number("0.01"),
            "priceStep": number("0.0001"), "priceVar": number("0.0001"),
        ])
    }

    private static func spec(_ name: String, price: Int, quantity: Int, min: String, max: String) -> SymbolSpec {
        let parts = name.split(separator: "-").map(String.init)
        return SymbolSpec(
            name: name, base: parts[0], quote: parts[1], priceDecimal: price, quantityDecimal: quantity,
            quantityMin: Decimal(string: min)!, quantityMax: Decimal(string: max)!)
    }

    private static func number(_ text: String) -> JSONValue { .number(Decimal(string: text)!) }
}
