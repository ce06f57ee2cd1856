public import SocialdeckCore
import SocialdeckViewModels

/// Opening the store behind the sign-in form. Opening a store means the SQLite file or
/// the MongoDB connection, the schema check and its indexes, and the key vault: tens of
/// milliseconds on a large SQLite store and up to the server-selection timeout on an
/// unreachable MongoDB, none of which the form needs. So the form is drawn first, the
/// store opens on the work queue (where sign-in runs too), and what the person types
/// meanwhile is kept; a sign-in they submit waits for the store.
extension DashboardRuntime {
    /// What the dashboard needs from an open store.
    public struct OpenStore: Sendable {
        public var store: any StoreHandle
        public var vault: SecretVault
        /// Signs in without the form (the demo), once the store is open.
        public var autoSignIn: (email: String, password: String)?

        public init(store: any StoreHandle, vault: SecretVault, autoSignIn: (email: String, password: String)? = nil) {
            self.store = store
            self.vault = vault
            self.autoSignIn = autoSignIn
        }
    }

    /// What opening the store found.
    public enum StoreOpening: Sendable {
        case ready(OpenStore)
        /// The store must be set up on the plain terminal first (the first run's
        /// questions, the demo's seeding): `run` ends the screen and returns `.needsSetup`.
        case needsSetup
    }

    /// How `run` ended without an error.
    public enum Ending: Sendable, Equatable {
        case quit
        case needsSetup
    }

    /// Starts opening the store off this thread; the result comes back through the mailbox.
    func start() {
        let mailbox = self.mailbox, open = self.open
        dependencies.background {
            mailbox.post(.storeOpened(Result { try open() }))
        }
    }

    /// The store is open, or could not be, or needs setting up first. A store that cannot
    /// be opened ends the dashboard: `run` restores the terminal and throws the error, so
    /// it reads as it would have before the screen was drawn.
    func storeOpened(_ result: Result<StoreOpening, any Error>) {
        switch result {
        case .failure(let error):
            failure = error
            running = false
        case .success(.needsSetup):
            ending = .needsSetup
            running = false
        case .success(.ready(let open)):
            opened = open
            let mailbox = self.mailbox
            runner = CommandRunner(store: open.store, clock: dependencies.now, executor: dependencies.background) {
                mailbox.post(.commandFinished($0))
            }
            if let auto = open.autoSignIn {
                waitingAttempt = nil
                screen = .signIn(SignInModel(email: auto.email))
                beginSignIn(SignInModel.Attempt(email: auto.email, password: auto.password, code: nil))
            } else if let attempt = waitingAttempt {
                waitingAttempt = nil
                beginSignIn(attempt)
            }
        }
    }
}
