#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <poll.h>
#include <signal.h>
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <locale.h>
#include <langinfo.h>

/* term.h defines macros such as `lines` and `columns` that clash with Swift names. */
#undef lines
#undef columns

static inline const char *sd_curses_version(void) { return curses_version(); }

/* Globals that Swift 6 strict concurrency rejects, and macros Swift cannot import. */
static inline WINDOW *sd_stdscr(void) { return stdscr; }
static inline WINDOW *sd_curscr(void) { return curscr; }
static inline int sd_colors(void) { return COLORS; }
static inline int sd_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t sd_a_bold(void) { return A_BOLD; }
static inline attr_t sd_a_dim(void) { return A_DIM; }
static inline attr_t sd_a_italic(void) { return A_ITALIC; }
static inline attr_t sd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sd_a_reverse(void) { return A_REVERSE; }

/* glibc declares wcwidth only under _XOPEN_SOURCE, which SwiftPM drops from pkg-config
   flags. It is what ncurses measures cells with, so the backend must ask it too. */
extern int wcwidth(wchar_t);
static inline int sd_wcwidth(wchar_t c) { return wcwidth(c); }

/* Mouse masks are macros built from other macros. */
static inline mmask_t sd_mouse_clicks(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int sd_button1(mmask_t m) { return (m & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0; }
static inline int sd_wheel_up(mmask_t m) { return (m & BUTTON4_PRESSED) != 0; }
static inline int sd_wheel_down(mmask_t m) { return (m & BUTTON5_PRESSED) != 0; }

#include <pthread.h>
#include "crash_guard.h"
#include "interrupt.h"
#include "flow_control.h"

/* ppoll needs _GNU_SOURCE, which SwiftPM's Glibc module does not set. */
static inline int sd_ppoll(struct pollfd *fds, nfds_t n, const struct timespec *timeout, const sigset_t *mask) {
    return ppoll(fds, n, timeout, mask);
}
