/// Rows of text as aligned columns under a header, for people (scripts take `--json`).
///
/// ```swift
/// TextTable(header: ["ID", "STATE"], rows: [["1", "pending"], ["12", "failed"]]).text
/// // ID  STATE
/// // 1   pending
/// // 12  failed
/// ```
///
/// Each column is as wide as its widest cell, two spaces from the next; a line never ends
/// in spaces.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    /// The header and the rows, one line each, without a final newline.
    var text: String {
        let lines = [header] + rows
        let columns = lines.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in lines.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return lines.map { cells in
            var line = zip(cells, widths).map { cell, width in cell + String(repeating: " ", count: width - cell.count) }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
