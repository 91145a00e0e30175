import CoinWeightAPI
import Foundation

/// One user of the emulated exchange with everything the API serves about them.
public struct EmulatedUser: Codable, Hashable, Sendable {
    public var uid: Int
    public var userName: String
    /// Kept in the emulator's memory only, to check logins; never in a dump.
    var password: String
    public var email: String
    public var phone: String
    public var group: String
    /// The trading accounts this user may act for: `String(uid)` and its strategies' owners.
    public var owners: Set<String>
    public var favorites: [MarketPair]
    public var professionalLayout: [LayoutSlot]
    public var simpleLayout: [LayoutSlot]
    /// Strategy items in creation order.
    public var strategies: [StrategyItem]
    public var strategyStatus: [String: StrategyRunState]
    public var positions: [Position]
    public var info: UserInfo

    private enum CodingKeys: String, CodingKey {
        case uid, userName, email, phone, group, owners, favorites, professionalLayout, simpleLayout
        case strategies, strategyStatus, positions, info
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        uid = try container.decode(Int.self, forKey: .uid)
        userName = try container.decode(String.self, forKey: .userName)
        password = ""
        email = try container.decode(String.self, forKey: .email)
        phone = try container.decode(String.self, forKey: .phone)
        group = try container.decode(String.self, forKey: .group)
        owners = try container.decode(Set<String>.self, forKey: .owners)
        favorites = try container.decode([MarketPair].self, forKey: .favorites)
        professionalLayout = try container.decode([LayoutSlot].self, forKey: .professionalLayout)
        simpleLayout = try container.decode([LayoutSlot].self, forKey: .simpleLayout)
        strategies = try container.decode([StrategyItem].self, forKey: .strategies)
        strategyStatus = try container.decode([String: StrategyRunState].self, forKey: .strategyStatus)
        positions = try container.decode([Position].self, forKey: .positions)
        info = try container.decode(UserInfo.self, forKey: .info)
    }

    init(uid: Int, userName: String, password: String, email: String, phone: String, group: String = "group1") {
        self.uid = uid
        self.userName = userName
        self.password = password
        self.email = email
        self.phone = phone
        self.group = group
        owners = [String(uid)]
        favorites = []
        professionalLayout = SeedCatalog.professionalLayout
        simpleLayout = SeedCatalog.simpleLayout
        strategies = []
        strategyStatus = [:]
        positions = []
        info = UserInfo(
            uid: UserID(uid), googleAuthEnabled: false, group: group, userName: userName, phone: phone, email: email,
            avatar: nil, estimatedValue: "0.0000 USDT", availableValue: "0.0000", netUnitValue: "0.0000 USDT",
            onOrders: "0.000", changePercentage: 0)
    }

    /// The users every emulator starts with: `abc` (uid 2) and `eve` (uid 3).
    static func seeded() -> [EmulatedUser] {
        var abc = EmulatedUser(uid: 2, userName: "abc", password: "abc_password", email: "abc@gmail.com", phone: "12345")
        abc.owners.insert("strategy-10")
        abc.favorites = [MarketPair(counterParty: "binance", symbol: "ETH-BTC"), MarketPair(counterParty: "huobi", symbol: "EOS-USDT")]
        abc.strategies = [SeedCatalog.exampleStrategy(id: "1", owner: "strategy-10")]
        abc.strategyStatus = ["1": .stopped]
        abc.positions = [
            Position(counterParty: "binance", currency: "BTC", totalAmount: "1000.0", usedAmount: "12.001", availableAmount: "999"),
            Position(counterParty: "binance", currency: "ETH", totalAmount: "400.0", usedAmount: "42.00", availableAmount: "339"),
        ]
        abc.info.avatar = "https://cdn1.iconfinder.com/data/icons/ninja-things-1/1772/ninja-512.png"
        abc.info.estimatedValue = "10.0027 USDT"
        abc.info.availableValue = "82.0000"
        abc.info.netUnitValue = "10.0027 USDT"
        abc.info.onOrders = "12.000"
        abc.info.changePercentage = -0.0218

        var eve = EmulatedUser(uid: 3, userName: "eve", password: "eve_password", email: "eve@example.com", phone: "67890")
        eve.owners.insert("strategy-20")
        eve.favorites = [MarketPair(counterParty: "okcoin", symbol: "EOS-USDT")]
        eve.strategies = [SeedCatalog.exampleStrategy(id: "2", owner: "strategy-20")]
        eve.strategyStatus = ["2": .running]
        eve.positions = [
            Position(counterParty: "huobi", currency: "USDT", totalAmount: "2500.00", usedAmount: "0.00", availableAmount: "2500.00")
        ]
        return [abc, eve]
    }
}
