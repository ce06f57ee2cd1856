/* The crash guard: when the process dies on a fatal signal while the dashboard owns the
   terminal, put the terminal back (the shell's modes, the main screen, the cursor), point
   stdout and stderr at it (they point at the log file meanwhile), write a note, and hand
   the signal on (to Swift's crash reporter, or the default action), so the person sees
   the crash instead of a frozen screen. Only async-signal-safe calls in the handler.

   Swift does not emit a header's global variables, so the state is a function's static.
   Only CrashGuard.swift calls these functions: one copy of that state in the program. */
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define SD_GUARD_SIGNAL_COUNT 6

struct sd_guard_state {
    int signals[SD_GUARD_SIGNAL_COUNT];
    struct sigaction previous[SD_GUARD_SIGNAL_COUNT];
    int armed;
    int terminal;
    int has_modes;
    struct termios modes;
    char reset[1024];
    size_t reset_length;
};

static inline struct sd_guard_state *sd_guard(void) {
    static struct sd_guard_state state = {
        .signals = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT },
        .terminal = -1,
    };
    return &state;
}

static void sd_guard_handler(int signal, siginfo_t *info, void *context) {
    struct sd_guard_state *guard = sd_guard();
    (void)info;
    (void)context;
    if (guard->terminal >= 0) {
        if (guard->has_modes) tcsetattr(guard->terminal, TCSANOW, &guard->modes);
        if (write(guard->terminal, guard->reset, guard->reset_length) < 0) { /* nothing more can be done */ }
        dup2(guard->terminal, STDOUT_FILENO);
        dup2(guard->terminal, STDERR_FILENO);
    }
    for (int i = 0; i < SD_GUARD_SIGNAL_COUNT; i++) {
        if (guard->signals[i] == signal) sigaction(signal, &guard->previous[i], NULL);
    }
    /* Blocked until this handler returns, then delivered to the previous action. */
    raise(signal);
}

/* Remembers the terminal's modes as the shell left them: call before curses changes them. */
static inline void sd_crash_guard_save_modes(int terminal) {
    struct sd_guard_state *guard = sd_guard();
    guard->has_modes = tcgetattr(terminal, &guard->modes) == 0;
}

/* Arms (or re-arms) the guard: `reset` goes to `terminal` when a fatal signal arrives. */
static inline void sd_crash_guard_arm(int terminal, const char *reset) {
    struct sd_guard_state *guard = sd_guard();
    size_t length = strlen(reset);
    if (length >= sizeof guard->reset) length = sizeof guard->reset - 1;
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &previous);
    memcpy(guard->reset, reset, length);
    guard->reset_length = length;
    guard->terminal = terminal;
    if (!guard->armed) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = sd_guard_handler;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        for (int i = 0; i < SD_GUARD_SIGNAL_COUNT; i++) sigaction(guard->signals[i], &action, &guard->previous[i]);
        guard->armed = 1;
    }
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
}

/* Puts the previous actions back once the terminal is restored the ordinary way. */
static inline void sd_crash_guard_disarm(void) {
    struct sd_guard_state *guard = sd_guard();
    if (!guard->armed) return;
    for (int i = 0; i < SD_GUARD_SIGNAL_COUNT; i++) sigaction(guard->signals[i], &guard->previous[i], NULL);
    guard->armed = 0;
    guard->terminal = -1;
}

/* A terminfo string capability, or "" when the terminal has none. */
static inline const char *sd_terminfo_string(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? "" : value;
}
