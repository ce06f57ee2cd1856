import Foundation
import SocialdeckModel

/// Where checked documents wait, as BSON, between reading the whole input and writing
/// it: an unlinked temporary file of mode 0600, so an import holds one batch in memory
/// however large its input, and standard input need not be read twice.
final class ImportSpool {
    private let file: UnsafeMutablePointer<FILE>
    private(set) var count = 0

    init() throws {
        var template = Array((NSTemporaryDirectory() + "socialdeck-import-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw ExchangeError("cannot create a temporary file for the import: \(String(cString: strerror(errno)))") }
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        guard let file = fdopen(fd, "w+") else {
            close(fd)
            throw ExchangeError("cannot open the import's temporary file: \(String(cString: strerror(errno)))")
        }
        self.file = file
    }

    deinit { fclose(file) }

    func append(_ bson: [UInt8]) throws {
        guard fwrite(bson, 1, bson.count, file) == bson.count else {
            throw ExchangeError("cannot write the import's temporary file: \(String(cString: strerror(errno)))")
        }
        count += 1
    }

    /// The documents in order, in batches of at most `maxCount` documents and, unless a
    /// single document is larger, `maxBytes` bytes of BSON.
    func forEachBatch(maxCount: Int, maxBytes: Int, _ body: ([Document]) throws -> Void) throws {
        guard fflush(file) == 0, fseek(file, 0, SEEK_SET) == 0 else {
            throw ExchangeError("cannot read back the import's temporary file: \(String(cString: strerror(errno)))")
        }
        var batch: [Document] = []
        var bytes = 0
        for _ in 0..<count {
            let document = try next()
            if !batch.isEmpty && (batch.count == maxCount || bytes + document.size > maxBytes) {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
                bytes = 0
            }
            batch.append(document.value)
            bytes += document.size
        }
        if !batch.isEmpty { try body(batch) }
    }

    private func next() throws -> (value: Document, size: Int) {
        var length = [UInt8](repeating: 0, count: 4)
        guard fread(&length, 1, 4, file) == 4 else { throw ExchangeError("the import's temporary file ended early") }
        let size = Int(UInt32(length[0]) | UInt32(length[1]) << 8 | UInt32(length[2]) << 16 | UInt32(length[3]) << 24)
        var bson = length + [UInt8](repeating: 0, count: max(0, size - 4))
        let read = bson.withUnsafeMutableBufferPointer { fread($0.baseAddress! + 4, 1, size - 4, file) }
        guard read == size - 4 else { throw ExchangeError("the import's temporary file ended early") }
        return (try Document(bson: bson), size)
    }
}
