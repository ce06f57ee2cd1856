import Foundation

/// Reads a `ByteSource` through one buffer of fixed size, a line or a byte at a time.
/// A line is kept only up to a limit: a longer one is read past and reported by its
/// length, so memory stays bounded by the limit whatever the input holds.
struct StreamReader<Source: ByteSource> {
    static var chunkSize: Int { 64 * 1024 }

    enum Line: Equatable {
        /// The line without its "\n" or "\r\n".
        case text([UInt8])
        /// A line over the limit, with its length in bytes; its contents were not kept.
        case tooLong(bytes: Int)
    }

    private var source: Source
    private var buffer = [UInt8](repeating: 0, count: StreamReader.chunkSize)
    private var start = 0
    private var end = 0
    /// The most bytes of one line held at once.
    private(set) var largestLineHeld = 0

    init(_ source: Source) { self.source = source }

    /// The next line, or nil at the end of the input.
    mutating func nextLine(limit: Int) throws -> Line? {
        var line: [UInt8] = []
        var length = 0
        var readAny = false
        while true {
            if start == end {
                guard try refill() else { break }
            }
            readAny = true
            let (from, to) = (start, end)
            let newline = buffer.withUnsafeBytes { raw -> Int? in
                memchr(raw.baseAddress! + from, 0x0A, to - from).map { raw.baseAddress!.distance(to: UnsafeRawPointer($0)) }
            }
            let stop = newline ?? end
            length += stop - start
            if length <= limit {
                line.append(contentsOf: buffer[start..<stop])
                largestLineHeld = max(largestLineHeld, line.count)
            } else if !line.isEmpty {
                line = []
            }
            start = newline.map { $0 + 1 } ?? end
            if newline != nil { break }
        }
        guard readAny else { return nil }
        guard length <= limit else { return .tooLong(bytes: length) }
        if line.last == 0x0D { line.removeLast() }
        return .text(line)
    }

    mutating func nextByte() throws -> UInt8? {
        if start == end, try !refill() { return nil }
        defer { start += 1 }
        return buffer[start]
    }

    mutating func peekByte() throws -> UInt8? {
        if start == end, try !refill() { return nil }
        return buffer[start]
    }

    /// False at the end of the input.
    private mutating func refill() throws -> Bool {
        start = 0
        end = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
        return end > 0
    }
}
