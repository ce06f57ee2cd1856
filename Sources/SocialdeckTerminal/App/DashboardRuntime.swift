import CNcursesw
public import Foundation
public import SocialdeckCore
import SocialdeckModel
public import SocialdeckStorage
import SocialdeckViewModels

/// The dashboard process: one UI thread that owns ncurses and waits in `ppoll` on
/// the keyboard and a wake-up pipe, a refresh timer and a command queue in the
/// background that never touch the terminal, and immutable snapshots between them.
///
/// The sign-in form is drawn before the store is opened: opening it (and migrating,
/// and loading the key vault) runs on the work queue behind the form, and a sign-in
/// submitted meanwhile waits for it (see DashboardRuntime+Opening.swift).
public final class DashboardRuntime {
    public struct Options: Sendable {
        public var themeName: String?
        public var mouse: Bool
        public var refreshSeconds: Double
        /// The email the sign-in form opens with (the account the first run just made).
        public var signInEmail: String?
        public var environment: [String: String]

        public init(themeName: String? = nil, mouse: Bool = false, refreshSeconds: Double = 2,
                    environment: [String: String] = ProcessInfo.processInfo.environment) {
            self.themeName = themeName
            self.mouse = mouse
            self.refreshSeconds = refreshSeconds
            self.environment = environment
        }
    }

    enum Screen {
        case signIn(SignInModel)
        case dashboard(DashboardModel)
    }

    let options: Options
    let backend: any TerminalBackend
    let dependencies: RuntimeDependencies
    let mailbox: Mailbox
    let sessions = SessionRegistry()
    let bindings: KeyBindings
    let themes: ThemeCatalog
    var palette: Palette
    var screen: Screen
    var session: Session?
    var scheduler: RefreshScheduler?
    /// The publisher this dashboard runs while someone is signed in (see `RuntimeDependencies.publishes`).
    var publisher: PublisherLoop?
    /// Opens the store; `start` runs it on the work queue.
    let open: @Sendable () throws -> StoreOpening
    /// The store and the key vault, once open.
    var opened: OpenStore?
    /// Where sign-in and every write run, off this thread; made once the store is open.
    var runner: CommandRunner?
    /// A sign-in submitted before the store was open.
    var waitingAttempt: SignInModel.Attempt?
    /// Why `run` stops with an error: the store could not be opened.
    var failure: (any Error)?
    var ending = Ending.quit
    var running = true
    /// The frame on screen, whose click regions say what a click at a cell means.
    var lastFrame: CellBuffer?
    /// What the keys since the last frame ask the refresh to read: handed over once the
    /// frame is out, so the read they start does not compete with drawing it.
    var requestAfterFrame: SnapshotRequest?

    /// The dashboard on the real terminal; `open` runs on the work queue once the sign-in form is drawn.
    public convenience init(opening open: @escaping @Sendable () throws -> StoreOpening, configuration: Configuration,
                            options: Options) throws {
        try self.init(opening: open, configuration: configuration, options: options,
                      terminal: try CursesBackend(environment: options.environment), dependencies: .live)
    }

    /// The dashboard on any terminal, on a store already open, with the given clock, ticker and background work.
    public convenience init(store: any StoreHandle, vault: SecretVault, configuration: Configuration, options: Options,
                            terminal: any TerminalBackend, dependencies: RuntimeDependencies) throws {
        try self.init(opening: { .ready(OpenStore(store: store, vault: vault)) }, configuration: configuration,
                      options: options, terminal: terminal, dependencies: dependencies)
    }

    public init(opening open: @escaping @Sendable () throws -> StoreOpening, configuration: Configuration, options: Options,
                terminal: any TerminalBackend, dependencies: RuntimeDependencies) throws {
        self.open = open
        self.options = options
        self.dependencies = dependencies
        bindings = configuration.keyBindings
        publishing = configuration.publishing
        platforms = configuration.platforms
        llm = configuration.llm
        email = configuration.email
        themes = ThemeCatalog(environment: options.environment)
        backend = terminal
        mailbox = try Mailbox()
        let selection = themes.theme(named: options.themeName ?? configuration.theme ?? "dark")
        palette = Palette(theme: selection.theme, depth: backend.colorDepth)
        screen = .signIn(SignInModel(email: options.signInEmail ?? ""))
        backend.enableMouse(options.mouse)
        flashLater = selection.problem.map { "theme: \($0)" } ?? backend.colorNote
    }

    /// A message to show once the dashboard is up (theme or config problems).
    var flashLater: String?
    let publishing: PublishPolicy
    let platforms: PlatformSettings
    let llm: LLMSettings
    let email: EmailSettings

    /// Runs until the person quits, or the store turns out to need setting up first
    /// (`.needsSetup`). The terminal is restored on every way out, and then stdout and
    /// stderr, which point at the log file meanwhile; a store that cannot be opened is
    /// thrown after that.
    @discardableResult
    public func run() throws -> Ending {
        let streams = StandardStreamCapture(into: LogFile.shared)
        if let problem = streams.problem { flashLater = flashLater ?? problem }
        if let log = LogFile.shared, streams.problem == nil {
            backend.crashNote = "socialdeck crashed; what it printed before this report is in \(log.path)"
        }
        defer {
            scheduler?.stop()
            publisher?.stop()
            backend.end()
            streams.restore()
        }
        // The form first: the store opens behind it.
        render()
        start()
        var signals = sigset_t()
        sigemptyset(&signals)
        while running {
            var fds = [pollfd(fd: backend.inputDescriptor ?? -1, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: mailbox.readEnd, events: Int16(POLLIN), revents: 0)]
            var timeout = timespec(tv_sec: wakeInterval(), tv_nsec: 0)
            let ready = sd_ppoll(&fds, 2, &timeout, &signals)
            if ready < 0 && errno != EINTR { throw RuntimeFailure("waiting for input failed: \(String(cString: strerror(errno)))") }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { running = false }
            // Also after EINTR: a SIGWINCH makes ncurses queue KEY_RESIZE.
            step()
            if running { render() }
        }
        if let failure { throw failure }
        return ending
    }

    /// One turn of the loop after a wake-up: every waiting key, then background results.
    /// The keys were pressed while the last frame was on screen, so they act on what it
    /// showed, before a refresh that arrived meanwhile changes the lists.
    func step() {
        while running, let event = backend.readInput() { handle(event) }
        for message in mailbox.drain() { handle(message) }
    }

    /// Seconds until the screen may need drawing without any input: the undo countdown
    /// and messages tick each second, the header clock each minute.
    func wakeInterval() -> Int {
        guard case .dashboard(let model) = screen else { return 30 }
        let now = dependencies.now()
        return model.canUndo(at: now) || model.flashText(at: now) != nil ? 1 : 30
    }

    func render() {
        let size = backend.size()
        let frame = DashboardView.frame(width: size.width, height: size.height, screen: screen,
                                        palette: palette, bindings: bindings, now: dependencies.now())
        backend.present(frame)
        lastFrame = frame
        if let request = requestAfterFrame {
            requestAfterFrame = nil
            scheduler?.update(request)
        }
    }

    // MARK: - Sign-in

    func beginSignIn(_ attempt: SignInModel.Attempt) {
        guard let opened, let runner else {
            waitingAttempt = attempt
            return
        }
        let mailbox = self.mailbox
        runner.signIn(attempt, context: ConnectionContext.current(environment: options.environment), secrets: opened.vault,
                      sessions: sessions) { result in
            switch result {
            case .success(let session):
                mailbox.post(.signedIn(session))
            case .failure(let e as SignInError):
                mailbox.post(.signInFailed(e, message: e.description))
            case .failure(let error):
                let message = StoreFailureMessage.sentence(for: error, notDone: "you were not signed in", onDashboard: false)
                mailbox.post(.signInFailed(nil, message: message ?? SafeText.escapingControls(String(describing: error))))
            }
        }
    }

    func startDashboard(_ session: Session) throws {
        guard let store = opened?.store, let runner else { throw RuntimeFailure("the store is not open") }
        self.session = session
        let profile = try Directory(store: store).profile(of: session.identity) ?? .unknown
        var model = DashboardModel(identity: session.identity, userName: profile.name, roleName: profile.role,
                                   organizationName: profile.organization, storeLocation: "\(store.backend.rawValue) \(store.location)",
                                   timeZone: profile.timeZone, now: dependencies.now())
        if let flashLater { model.show(flashLater, now: dependencies.now()) }
        flashLater = nil
        if let note = SignInModel.recoveryCodeNote(session) { model.show(note, now: dependencies.now()) }
        screen = .dashboard(model)
        let mailbox = self.mailbox
        let now = dependencies.now
        let guardian = SessionGuard(store: store, sessions: sessions, session: session, clock: now)
        let loader = SnapshotLoader(store: store, identity: session.identity, session: guardian, clock: now)
        let scheduler = RefreshScheduler(interval: options.refreshSeconds, request: model.request, ticker: dependencies.makeTicker(),
                                         load: { try loader.loadIfChanged($0) }, deliver: { mailbox.post(.refreshed($0)) })
        runner.begin(as: session.identity, session: guardian)
        self.scheduler = scheduler
        scheduler.start()
        if dependencies.publishes {
            let live = opened.map { platforms.liveClient(store: store, vault: $0.vault, timeout: publishing.requestTimeout) }
            var workflows: WorkflowRunner?
            do {
                let fetcher = opened.map {
                    CommentFetcher(store: store, refresher: TokenRefresher(store: store, vault: $0.vault, clients: platforms.oauth),
                                   endpoints: platforms.endpoints, timeout: publishing.requestTimeout)
                }
                workflows = WorkflowRunner(store: store, client: try llm.client(environment: ProcessInfo.processInfo.environment, store: store),
                                           fetcher: fetcher)
            } catch {
                LogFile.shared?.record(.warning, "agents", "workflows are not run here: \(error)")
            }
            let scheduler = PublishScheduler(store: store, policy: publishing, live: live)
            var outbox: EmailOutbox?
            do {
                let settings = try email.withPassword(environment: ProcessInfo.processInfo.environment)
                if settings.isConfigured && settings.problem == nil {
                    outbox = EmailOutbox(store: store, mailer: SMTPMailer(settings: settings), owner: scheduler.owner, vault: opened?.vault)
                }
            } catch {
                LogFile.shared?.record(.warning, "email", "emails are not sent from here: \(error)")
            }
            let loop = PublisherLoop(scheduler: scheduler, workflows: workflows, outbox: outbox) {
                LogFile.shared?.record(.warning, "publisher", $0)
            }
            loop.start()
            publisher = loop
        }
    }

    func endSession(notice: String) {
        scheduler?.stop()
        scheduler = nil
        publisher?.stop()
        publisher = nil
        runner?.end()
        if let session { sessions.end(session.id) }
        let email = opened.flatMap { opened in session.flatMap { try? Directory(store: opened.store).profile(of: $0.identity) } }?.email ?? ""
        session = nil
        screen = .signIn(SignInModel(email: email, notice: notice))
    }

    // MARK: - Background results

    func handle(_ message: Mailbox.Message) {
        switch (message, screen) {
        case (.storeOpened(let result), _):
            storeOpened(result)
        case (.signedIn(let session), .signIn(var form)):
            form.succeeded()
            do {
                try startDashboard(session)
            } catch {
                let message = StoreFailureMessage.sentence(for: error, notDone: "the dashboard did not open", onDashboard: false)
                form.failed(message: message ?? SafeText.escapingControls(String(describing: error)))
                screen = .signIn(form)
            }
        case (.signInFailed(let failure, let message), .signIn(var form)):
            if let failure { form.failed(failure) } else { form.failed(message: message) }
            screen = .signIn(form)
        case (.refreshed(let delivery), .dashboard(var model)):
            if case .failure(let error) = delivery.result, error is SessionEnded || error is SessionExpired {
                endSession(notice: String(describing: error))
                return
            }
            model.receive(delivery, now: dependencies.now())
            screen = .dashboard(model)
            // A calendar that turned to counts asks for its focused day next.
            requestAfterFrame = model.request
        case (.commandFinished(let outcome), .dashboard(var model)):
            model.finished(outcome, now: dependencies.now())
            screen = .dashboard(model)
            scheduler?.refreshNow()
        default:
            break
        }
    }
}
