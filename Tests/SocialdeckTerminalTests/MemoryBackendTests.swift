import SocialdeckTerminal
import Testing

@Suite("Memory backend")
struct MemoryBackendTests {
    private func frame(_ text: String, style: Style = .plain) -> CellBuffer {
        var buffer = CellBuffer(width: 20, height: 4)
        buffer.put(text, x: 0, y: 1, style: style)
        return buffer
    }

    @Test("An unchanged frame changes nothing; one new character changes one cell")
    func changeCounting() {
        let backend = MemoryBackend(width: 20, height: 4)
        backend.present(frame("uptime 41s"))
        #expect(backend.lastChangedCells == 9)  // the space was already blank
        backend.present(frame("uptime 41s"))
        #expect(backend.lastChangedCells == 0)
        backend.present(frame("uptime 42s"))
        #expect(backend.lastChangedCells == 1)
        #expect(backend.presentCount == 3)
        #expect(backend.totalChangedCells == 10)
        #expect(backend.frame?.line(1) == "uptime 42s          ")
    }

    @Test("After repaint, an unchanged frame is drawn whole, once")
    func repaint() {
        let backend = MemoryBackend(width: 20, height: 4)
        backend.present(frame("uptime 41s"))
        backend.present(frame("uptime 41s"))
        #expect(backend.lastChangedCells == 0)
        backend.repaint()
        backend.present(frame("uptime 41s"))
        #expect(backend.lastChangedCells == 9)
        backend.present(frame("uptime 41s"))
        #expect(backend.lastChangedCells == 0)
    }

    @Test("Size follows simulated resizes")
    func size() {
        let backend = MemoryBackend(width: 80, height: 24)
        #expect(backend.size() == ScreenSize(width: 80, height: 24))
        backend.resize(width: 1, height: 1)
        #expect(backend.size() == ScreenSize(width: 1, height: 1))
    }

    @Test("Frames are shown at the backend's colour depth")
    func depth() {
        let selected = Style(foreground: .rgb(red: 255, green: 0, blue: 0), attributes: [.selected])
        let mono = MemoryBackend(width: 20, height: 4, colorDepth: .monochrome)
        mono.present(frame("row", style: selected))
        #expect(mono.frame?.cell(x: 0, y: 1)?.style == Style(attributes: [.selected, .reverse]))
        let indexed = MemoryBackend(width: 20, height: 4, colorDepth: .indexed256)
        indexed.present(frame("row", style: selected))
        #expect(indexed.frame?.cell(x: 0, y: 1)?.style.foreground == .indexed(196))
    }

    @Test("Suspended frames are held until resume; ended backends ignore frames")
    func lifecycle() {
        let backend = MemoryBackend(width: 20, height: 4)
        backend.present(frame("one"))
        backend.suspend()
        backend.present(frame("two"))
        backend.present(frame("three"))
        #expect(backend.isSuspended)
        #expect(backend.frame?.line(1).hasPrefix("one") == true)
        backend.resume()
        #expect(!backend.isSuspended)
        #expect(backend.frame?.line(1).hasPrefix("three") == true)
        #expect(backend.presentCount == 2)
        backend.end()
        backend.end()
        backend.present(frame("four"))
        #expect(backend.isEnded)
        #expect(backend.presentCount == 2)
    }
}
