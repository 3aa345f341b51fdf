/* libcsv (Debian package libcsv-dev) is the CSV parser deid is built on. */
#if __has_include(<csv.h>)
#include <csv.h>
#else
#error "libcsv headers not found: install them with `apt-get install libcsv-dev`"
#endif
