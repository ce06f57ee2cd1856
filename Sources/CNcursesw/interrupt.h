/* Ctrl-C as a key. The terminal stays in cbreak mode, so Ctrl-Z still suspends, but
   SIGINT no longer ends the process (ncurses' own handler would exit at once, losing
   an open editor's text): the handler only counts it, ppoll wakes with EINTR, and the
   backend hands the dashboard a ctrl+c key, which quits only where the bindings say. */
#include <signal.h>

static volatile sig_atomic_t sd_interrupt_pending = 0;

static void sd_on_interrupt(int signal_number) {
    (void)signal_number;
    sd_interrupt_pending = 1;
}

static inline int sd_catch_interrupts(void) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = sd_on_interrupt;
    return sigaction(SIGINT, &action, NULL);
}

static inline void sd_release_interrupts(void) {
    signal(SIGINT, SIG_DFL);
}

/* 1 once for each burst of Ctrl-C since the last call. */
static inline int sd_take_interrupt(void) {
    int pending = sd_interrupt_pending;
    sd_interrupt_pending = 0;
    return pending;
}
