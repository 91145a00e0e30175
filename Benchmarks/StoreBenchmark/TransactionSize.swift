import BenchmarkSupport

/// How many orders the benchmark commits per `store.write`.
enum TransactionSize: Hashable, CustomStringConvertible {
    /// At most this many orders per transaction.
    case rows(Int)
    /// Every order in one transaction.
    case all

    /// Five 1,000-order pages per transaction: what the sync engine commits, the headline size.
    static let syncEngine = TransactionSize.rows(5_000)

    /// Reads `1000` or `all`; `nil` for anything else, zero and negative counts included.
    init?(argument: String) {
        if argument == "all" {
            self = .all
        } else if let rows = Int(argument), rows > 0 {
            self = .rows(rows)
        } else {
            return nil
        }
    }

    /// The orders per transaction when `total` orders are written.
    func rows(of total: Int) -> Int {
        switch self {
        case .rows(let rows): min(rows, total)
        case .all: total
        }
    }

    /// `1,000` or `all`.
    var description: String {
        switch self {
        case .rows(let rows): Format.grouped(rows)
        case .all: "all"
        }
    }

    /// `1000` or `all`, for file names.
    var fileLabel: String {
        switch self {
        case .rows(let rows): String(rows)
        case .all: "all"
        }
    }
}
