import CoinWeightAPI
import Foundation

/// A stored decimal text read back exactly, or ``StoreError/corruptValue(table:column:value:)``.
func exactDecimal(_ text: String, _ table: String, _ column: String) throws -> ExactDecimal {
    guard let value = ExactDecimal(text) else { throw StoreError.corruptValue(table: table, column: column, value: text) }
    return value
}

/// A stored decimal text as a `Decimal`, for the few fields the API sends as JSON numbers.
func decimal(_ text: String, _ table: String, _ column: String) throws -> Decimal {
    try exactDecimal(text, table, column).value
}
