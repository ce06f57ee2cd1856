/* Ctrl-S and Ctrl-Q as keys. With the terminal's XON/XOFF flow control on (cbreak
   leaves it on), Ctrl-S stops all output to the terminal until Ctrl-Q: the dashboard
   would freeze mid-frame, its writes blocked, as soon as someone saves in the composer.
   Turning IXON off hands both keys to the program, as lazygit and vim do; ncurses
   restores the shell's modes on the way out. Call def_prog_mode afterwards. */
#include <termios.h>

static inline int sd_disable_flow_control(int fd) {
    struct termios modes;
    if (tcgetattr(fd, &modes) != 0) return -1;
    modes.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
    return tcsetattr(fd, TCSANOW, &modes);
}
