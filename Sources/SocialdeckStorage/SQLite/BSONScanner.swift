import SocialdeckModel

/// Finds one field in raw BSON bytes without decoding the document: the hot path
/// of every SQLite index lookup and index update.
enum BSONScanner {
    struct Element {
        let type: UInt8
        /// Offset of the value's first byte.
        let offset: Int
    }

    /// The element at a dotted path, descending through documents and (by numeric
    /// segment) arrays. Nil when any step is missing.
    static func element(in bson: UnsafeRawBufferPointer, path: UnsafeRawBufferPointer) -> Element? {
        var docStart = 0
        var segStart = 0
        while true {
            var segEnd = segStart
            while segEnd < path.count && path[segEnd] != UInt8(ascii: ".") { segEnd += 1 }
            guard let found = field(in: bson, documentAt: docStart, key: UnsafeRawBufferPointer(rebasing: path[segStart..<segEnd])) else {
                return nil
            }
            if segEnd >= path.count { return found }
            guard found.type == 0x03 || found.type == 0x04 else { return nil }
            docStart = found.offset
            segStart = segEnd + 1
        }
    }

    private static func field(in bson: UnsafeRawBufferPointer, documentAt start: Int, key: UnsafeRawBufferPointer) -> Element? {
        guard start + 5 <= bson.count else { return nil }
        let length = Int(UInt32(littleEndian: bson.loadUnaligned(fromByteOffset: start, as: UInt32.self)))
        let end = min(start + length, bson.count)
        var i = start + 4
        while i < end {
            let type = bson[i]
            if type == 0 { return nil }
            i += 1
            let keyStart = i
            while i < end && bson[i] != 0 { i += 1 }
            guard i < end else { return nil }
            let matches = i - keyStart == key.count && memcmp(bson.baseAddress! + keyStart, key.baseAddress ?? bson.baseAddress!, key.count) == 0
            i += 1
            if matches { return Element(type: type, offset: i) }
            guard let size = valueSize(type: type, in: bson, at: i) else { return nil }
            i += size
        }
        return nil
    }

    /// Visits each top-level element of a document: its whole encoding (type, key and
    /// value) and its key's bytes. Stops at the first malformed element.
    static func forEachTopLevel(in bson: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) {
        guard bson.count >= 5 else { return }
        let end = min(Int(UInt32(littleEndian: bson.loadUnaligned(as: UInt32.self))), bson.count)
        var i = 4
        while i < end {
            let start = i
            let type = bson[i]
            if type == 0 { return }
            i += 1
            let keyStart = i
            while i < end && bson[i] != 0 { i += 1 }
            guard i < end else { return }
            let key = UnsafeRawBufferPointer(rebasing: bson[keyStart..<i])
            i += 1
            guard let size = valueSize(type: type, in: bson, at: i), i + size <= end else { return }
            i += size
            body(UnsafeRawBufferPointer(rebasing: bson[start..<i]), key)
        }
    }

    /// Visits every value a path reaches, fanning out through arrays of documents as
    /// MongoDB does; an array at the end of the path yields its elements.
    static func forEach(in bson: UnsafeRawBufferPointer, path: UnsafeRawBufferPointer, _ body: (Element) -> Void) {
        visit(bson, documentAt: 0, path: path, from: 0, body)
    }

    private static func visit(_ bson: UnsafeRawBufferPointer, documentAt start: Int, path: UnsafeRawBufferPointer,
                              from segStart: Int, _ body: (Element) -> Void) {
        var segEnd = segStart
        while segEnd < path.count && path[segEnd] != UInt8(ascii: ".") { segEnd += 1 }
        guard let found = field(in: bson, documentAt: start, key: UnsafeRawBufferPointer(rebasing: path[segStart..<segEnd])) else {
            return
        }
        let last = segEnd >= path.count
        switch (found.type, last) {
        case (0x04, true):
            forEachArrayElement(bson, at: found.offset) { body($0) }
        case (0x04, false):
            forEachArrayElement(bson, at: found.offset) { e in
                if e.type == 0x03 { visit(bson, documentAt: e.offset, path: path, from: segEnd + 1, body) }
            }
        case (0x03, false):
            visit(bson, documentAt: found.offset, path: path, from: segEnd + 1, body)
        case (_, true):
            body(found)
        default:
            return
        }
    }

    private static func forEachArrayElement(_ bson: UnsafeRawBufferPointer, at start: Int, _ body: (Element) -> Void) {
        guard start + 5 <= bson.count else { return }
        let length = Int(UInt32(littleEndian: bson.loadUnaligned(fromByteOffset: start, as: UInt32.self)))
        let end = min(start + length, bson.count)
        var i = start + 4
        while i < end {
            let type = bson[i]
            if type == 0 { return }
            i += 1
            while i < end && bson[i] != 0 { i += 1 }
            i += 1
            guard i <= end else { return }
            body(Element(type: type, offset: i))
            guard let size = valueSize(type: type, in: bson, at: i) else { return }
            i += size
        }
    }

    /// The element's value as SQLite holds it (see `BSONValue.sqlValue`).
    static func sqlValue(_ e: Element, in bson: UnsafeRawBufferPointer) -> SQLValue {
        let p = bson.baseAddress! + e.offset
        switch e.type {
        case 0x01: return .real(Double(bitPattern: UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))))
        case 0x02:
            let n = Int(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self))) - 1
            return .text(String(decoding: UnsafeRawBufferPointer(start: p + 4, count: max(0, n)), as: UTF8.self))
        case 0x05:
            let n = Int(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
            return .blob(Array(UnsafeRawBufferPointer(start: p + 4, count: n + 1)))
        case 0x07: return .blob(Array(UnsafeRawBufferPointer(start: p, count: 12)))
        case 0x08: return .integer(p.load(as: UInt8.self) == 0 ? 0 : 1)
        case 0x09, 0x12: return .integer(Int64(littleEndian: p.loadUnaligned(as: Int64.self)))
        case 0x10: return .integer(Int64(Int32(littleEndian: p.loadUnaligned(as: Int32.self))))
        case 0x11: return BSONValue.timestamp(BSONTimestamp(bitPattern: UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)))).sqlValue
        default: return .null
        }
    }

    static func valueSize(type: UInt8, in bson: UnsafeRawBufferPointer, at i: Int) -> Int? {
        func u32() -> Int? {
            guard i + 4 <= bson.count else { return nil }
            return Int(UInt32(littleEndian: bson.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
        }
        switch type {
        case 0x01, 0x09, 0x11, 0x12: return 8
        case 0x02: return u32().map { 4 + $0 }
        case 0x03, 0x04: return u32()
        case 0x05: return u32().map { 5 + $0 }
        case 0x06, 0x0A: return 0
        case 0x07: return 12
        case 0x08: return 1
        case 0x10: return 4
        case 0x13: return 16
        default: return nil
        }
    }
}

import Foundation
