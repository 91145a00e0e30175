import ArgumentParser
import CoinWeightAPI
import CoinWeightStore

/// `cwsync layout professional|simple`: a trading layout's slots, the user's or the defaults.
struct LayoutCommand: QueryCommand {
    static let configuration = CommandConfiguration(commandName: "layout", abstract: "List a layout's slots by position.")

    @Argument(help: "Which layout.") var kind: Kind
    @OptionGroup var query: QueryOptions<ScopeOption>

    func records(in store: CoinWeightStore) async throws -> [LayoutSlot] { try await store.read(.layout(kind.layout, scope: query.scope())) }

    /// The layouts as named on the command line.
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case professional, simple

        var layout: LayoutKind {
            switch self {
            case .professional: .professional
            case .simple: .simple
            }
        }
    }
}

extension LayoutSlot: QueryRecord {
    static let header = ["POSITION", "COUNTERPARTY", "SYMBOL"]
    var tableRows: [[String]] { [[String(position), counterParty, symbol]] }
}
