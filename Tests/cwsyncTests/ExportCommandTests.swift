import CoinWeightAPI
import CoinWeightStore
import CoinWeightTestSupport
import Foundation
import Testing

/// `cwsync export orders`: the built binary streams a store's orders out, read back here by
/// Python's `csv` and `decimal` modules, real parsers that owe nothing to the writer.
@Suite("cwsync export orders")
struct ExportCommandTests {
    /// Reads a CSV file with Python's `csv` module; returns its rows, header first.
    static func readCSV(_ file: URL, in folder: URL) async throws -> [[String]] {
        let script = "import csv, json, sys\nprint(json.dumps(list(csv.reader(open(sys.argv[1], newline='')))))"
        let output = folder.appendingPathComponent("rows.json")
        let python = try ChildProcess.spawn("/usr/bin/env", ["python3", "-c", script, file.path], output: output)
        #expect(await python.exited() == .status(0))
        return try JSONDecoder().decode([[String]].self, from: Data(contentsOf: output))
    }

    /// A store of `SampleOrders` and two orders whose amounts have more digits than a Double keeps.
    static func withStore(_ body: (String, [Order], URL) async throws -> Void) async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("cwsync.sqlite").path
            try await SampleStore.make(at: path, orders: 400)
            let store = try CoinWeightStore(path: path)
            var exact = SampleOrders.make(count: 2, firstID: 9_000_000, seed: 7)
            for index in exact.indices {
                exact[index].owner = "2"
                exact[index].price = "12345.678901234567890123"
                exact[index].quantity = "0.100000000000000000000001"
                exact[index].filledQuantity = index == 0 ? "0.100000000000000000000001" : "0"
                exact[index].filledPrice = index == 0 ? "12345.678901234567890123" : "0"
                exact[index].executionType = index == 0 ? .filled : .canceled
            }
            _ = try await store.write { [exact] in try $0.upsertOrders(exact) }
            let orders = try await store.read(.allOrders(OrderFilter(owner: "2"))).reversed()
            try store.close()
            try await body(path, Array(orders), folder)
        }
    }

    @Test("csv: every order of the account, oldest first, each field as the store holds it, times ISO-8601 UTC; the file appears whole")
    func csv() async throws {
        try await Self.withStore { path, orders, folder in
            let file = folder.appendingPathComponent("orders.csv")
            let export = try await CWSyncBinary.run(["export", "orders", "--output", file.path, "--store", path])
            #expect(export.status == 0 && export.out.isEmpty && export.err.contains("exported \(orders.count) orders"), "\(export.err)")
            #expect(!FileManager.default.fileExists(atPath: file.path + ".partial"))
            let rows = try await Self.readCSV(file, in: folder)
            #expect(rows.first?.prefix(3) == ["streetOrderId", "orderType", "symbol"])
            #expect(rows.count == orders.count + 1)
            let format = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
            func milliseconds(_ text: String) throws -> Int64 { Int64((try format.parse(text).timeIntervalSince1970 * 1_000).rounded()) }
            for (row, order) in zip(rows.dropFirst(), orders) {
                #expect(
                    row[0...10].map { $0 } == [
                        order.streetOrderId, order.orderType.rawValue, order.symbol, order.side.rawValue, order.owner, order.counterParty,
                        order.price.text, order.quantity.text, order.filledPrice.text, order.filledQuantity.text, order.executionType.rawValue,
                    ])
                #expect(try milliseconds(row[11]) == order.createTime, "\(row[11])")
                #expect(try milliseconds(row[12]) == order.processedTime && row[12].hasSuffix("Z"))
                #expect(row[13].isEmpty, "nothing pending")
            }
            #expect(rows.contains { $0[6] == "12345.678901234567890123" && $0[7] == "0.100000000000000000000001" }, "exact decimals")

            let standardOutput = try await CWSyncBinary.run(["export", "orders", "--store", path, "--symbol", "ETH-USDT", "--history"])
            let expected = orders.filter { $0.symbol == "ETH-USDT" && ExecutionType.inactiveStates.contains($0.executionType) }
            #expect(standardOutput.status == 0 && standardOutput.out.split(separator: "\r\n").count == expected.count + 1, "the filters of cwsync orders")
        }
    }

    @Test("jsonl: each order as cwsync orders --json prints it, oldest first")
    func jsonLines() async throws {
        try await Self.withStore { path, orders, _ in
            let export = try await CWSyncBinary.run(["export", "orders", "--format", "jsonl", "--store", path])
            let decoded = try export.out.split(separator: "\n").map { try JSONDecoder().decode(Order.self, from: Data($0.utf8)) }
            #expect(export.status == 0 && decoded == orders)
        }
    }

    @Test("trades: one row per filled part, total = quantity × price exactly (checked with Python's decimal), buy for BID and sell for ASK")
    func trades() async throws {
        try await Self.withStore { path, orders, folder in
            let file = folder.appendingPathComponent("trades.csv")
            let export = try await CWSyncBinary.run(["export", "orders", "--format", "trades", "--output", file.path, "--store", path])
            #expect(export.status == 0, "\(export.err)")
            let rows = try await Self.readCSV(file, in: folder)
            let filled = orders.filter { $0.filledQuantity.value > 0 }
            #expect(rows.first == ["date", "type", "symbol", "base", "quote", "quantity", "price", "total", "exchange", "orderId", "created", "state"])
            #expect(rows.count == filled.count + 1 && filled.count > 10)
            for (row, order) in zip(rows.dropFirst(), filled) {
                let (base, quote) = (order.symbol.split(separator: "-")[0], order.symbol.split(separator: "-")[1])
                #expect(row[1] == (order.side == .bid ? "buy" : "sell") && row[3] == base && row[4] == quote && row[9] == order.streetOrderId)
                #expect(row[5] == order.filledQuantity.text && row[6] == order.filledPrice.text && row[8] == order.counterParty)
            }
            // The totals, multiplied again by Python's decimal module at 60 digits.
            let check = """
                import csv, sys
                from decimal import Decimal, getcontext
                getcontext().prec = 60
                rows = list(csv.reader(open(sys.argv[1], newline='')))[1:]
                bad = [r for r in rows if Decimal(r[5]) * Decimal(r[6]) != Decimal(r[7])]
                print(len(rows), len(bad))
                """
            let output = folder.appendingPathComponent("check.txt")
            let python = try ChildProcess.spawn("/usr/bin/env", ["python3", "-c", check, file.path], output: output)
            #expect(await python.exited() == .status(0))
            #expect(try String(contentsOf: output, encoding: .utf8) == "\(filled.count) 0\n")
            #expect(rows.contains { $0[7] == "1234.567890123456789012312345678901234567890123" }, "exact beyond Decimal's 38 digits")
        }
    }

    @Test("a folder that does not exist is one line and exit 1; a bad --format is a usage error; nothing is left behind")
    func refusals() async throws {
        try await Self.withStore { path, _, folder in
            let missing = try await CWSyncBinary.run(["export", "orders", "--output", folder.appendingPathComponent("no/such/x.csv").path, "--store", path])
            #expect(missing.status == 1 && missing.errorLines.count == 1 && missing.err.contains("check the folder exists"), "\(missing.err)")
            let format = try await CWSyncBinary.run(["export", "orders", "--format", "xml", "--store", path])
            #expect(format.status == 64 && format.err.contains("'xml' is invalid for '--format <format>'"))
        }
    }
}
