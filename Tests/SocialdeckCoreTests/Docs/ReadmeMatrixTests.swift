import Foundation
import SocialdeckCore
import SocialdeckTestSupport
import Testing

@Suite("README")
struct ReadmeMatrixTests {
    @Test func thePermissionTableMatchesTheMatrix() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = PermissionMatrix.markdownTable()
        if !text.contains(table) {
            let path = NSTemporaryDirectory() + "socialdeck-permission-table.md"
            try table.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("the README's permission table is out of date; the current one is in \(path)")
        }
    }
}
