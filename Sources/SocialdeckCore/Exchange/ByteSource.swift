import Foundation

/// Where an import reads its input, a chunk at a time, so that no file is ever held whole.
public protocol ByteSource {
    /// Fills the start of `buffer` and returns how many bytes it wrote; 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// An open file or standard input. The caller keeps the descriptor open and closes it.
public struct FileDescriptorSource: ByteSource {
    public let fileDescriptor: Int32
    /// How messages name the input: the path, or "standard input".
    public let name: String

    public init(fileDescriptor: Int32, name: String) {
        self.fileDescriptor = fileDescriptor
        self.name = name
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Foundation.read(fileDescriptor, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno != EINTR { throw ExchangeError("cannot read \(name): \(String(cString: strerror(errno)))") }
        }
    }
}

/// Bytes already in memory, such as a string a test or a caller built.
public struct MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { bytes = Array(text.utf8) }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - offset)
        bytes[offset..<offset + n].withUnsafeBytes { buffer.copyMemory(from: $0) }
        offset += n
        return n
    }
}
