/* GLPK (Debian package libglpk-dev) solves the disclosure audit's linear programs. */
#if __has_include(<glpk.h>)
#include <glpk.h>
#else
#error "GLPK headers not found: install them with `apt-get install libglpk-dev`"
#endif
