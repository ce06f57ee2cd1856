/// The decodeErrors of the MongoDB specifications' BSON corpus for every type the
/// codec supports: BSON that must be refused. Transcribed from
/// source/bson-corpus/tests/*.json of github.com/mongodb/specifications (each case
/// names its file).
extension BSONCorpus {
    static let decodeErrors: [DecodeErrorCase] = [
        // double.json
        .init("double.json", "double truncated",
              bson: "0B0000000164000000F03F00"),
        // string.json
        .init("string.json", "bad string length: 0 (but no 0x00 either)",
              bson: "0C0000000261000000000000"),
        .init("string.json", "bad string length: -1",
              bson: "0C000000026100FFFFFFFF00"),
        .init("string.json", "bad string length: eats terminator",
              bson: "10000000026100050000006200620000"),
        .init("string.json", "bad string length: longer than rest of document",
              bson: "120000000200FFFFFF00666F6F6261720000"),
        .init("string.json", "string is not null-terminated",
              bson: "1000000002610004000000616263FF00"),
        .init("string.json", "empty string, but extra null",
              bson: "0E00000002610001000000000000"),
        .init("string.json", "invalid UTF-8",
              bson: "0E00000002610002000000E90000"),
        // document.json
        .init("document.json", "Subdocument length too long: eats outer terminator",
              bson: "1800000003666F6F000F0000001062617200FFFFFF7F0000"),
        .init("document.json", "Subdocument length too short: leaks terminator",
              bson: "1500000003666F6F000A0000000862617200010000"),
        .init("document.json", "Invalid subdocument: bad string length in field",
              bson: "1C00000003666F6F001200000002626172000500000062617A000000"),
        .init("document.json", "Null byte in sub-document key",
              bson: "150000000378000D00000010610000010000000000"),
        // array.json
        .init("array.json", "Array length too long: eats outer terminator",
              bson: "140000000461000D0000001030000A0000000000"),
        .init("array.json", "Array length too short: leaks terminator",
              bson: "140000000461000B0000001030000A0000000000"),
        .init("array.json", "Invalid Array: bad string length in field",
              bson: "1A00000004666F6F00100000000230000500000062617A000000"),
        // binary.json
        .init("binary.json", "Length longer than document",
              bson: "1D000000057800FF0000000573FFD26444B34C6990E8E7D1DFC035D400"),
        .init("binary.json", "Negative length",
              bson: "0D000000057800FFFFFFFF0000"),
        .init("binary.json", "subtype 0x02 length too long ",
              bson: "13000000057800060000000203000000FFFF00"),
        .init("binary.json", "subtype 0x02 length too short",
              bson: "13000000057800060000000201000000FFFF00"),
        .init("binary.json", "subtype 0x02 length negative one",
              bson: "130000000578000600000002FFFFFFFFFFFF00"),
        // oid.json
        .init("oid.json", "OID truncated",
              bson: "1200000007610056E1FC72E0C917E9C471"),
        // boolean.json
        .init("boolean.json", "Invalid boolean value of 2",
              bson: "090000000862000200"),
        .init("boolean.json", "Invalid boolean value of -1",
              bson: "09000000086200FF00"),
        // datetime.json
        .init("datetime.json", "datetime field truncated",
              bson: "0C0000000961001234567800"),
        // int32.json
        .init("int32.json", "Bad int32 field length",
              bson: "090000001061000500"),
        // int64.json
        .init("int64.json", "int64 field truncated",
              bson: "0C0000001261001234567800"),
        // timestamp.json
        .init("timestamp.json", "Truncated timestamp field",
              bson: "0F0000001161002A00000015CD5B00"),
        // top.json
        .init("top.json", "An object size that's too small to even include the object size, but is a well-formed, empty object",
              bson: "0100000000"),
        .init("top.json", "An object size that's only enough for the object size, but is a well-formed, empty object",
              bson: "0400000000"),
        .init("top.json", "One object, with length shorter than size (missing EOO)",
              bson: "05000000"),
        .init("top.json", "One object, sized correctly, with a spot for an EOO, but the EOO is 0x01",
              bson: "0500000001"),
        .init("top.json", "One object, sized correctly, with a spot for an EOO, but the EOO is 0xff",
              bson: "05000000FF"),
        .init("top.json", "One object, sized correctly, with a spot for an EOO, but the EOO is 0x70",
              bson: "0500000070"),
        .init("top.json", "Byte count is zero (with non-zero input length)",
              bson: "00000000000000000000"),
        .init("top.json", "Stated length exceeds byte count, with truncated document",
              bson: "1200000002666F6F0004000000626172"),
        .init("top.json", "Stated length less than byte count, with garbage after envelope",
              bson: "1200000002666F6F00040000006261720000DEADBEEF"),
        .init("top.json", "Stated length exceeds byte count, with valid envelope",
              bson: "1300000002666F6F00040000006261720000"),
        .init("top.json", "Stated length less than byte count, with valid envelope",
              bson: "1100000002666F6F00040000006261720000"),
        .init("top.json", "Invalid BSON type low range",
              bson: "07000000000000"),
        .init("top.json", "Invalid BSON type high range",
              bson: "07000000800000"),
        .init("top.json", "Document truncated mid-key",
              bson: "1200000002666F"),
        .init("top.json", "Null byte in document key",
              bson: "0D000000107800000100000000"),
    ]
}
