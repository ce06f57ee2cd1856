#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <locale.h>
#include <langinfo.h>

/* term.h defines macros such as `lines` and `columns` that clash with Swift names. */
#undef lines
#undef columns

static inline const char *sd_curses_version(void) { return curses_version(); }
