// libFuzzer's driver, as the Swift toolchain's clang runtime provides it with -sanitize=fuzzer. deid-fuzz calls
// it from its own main: SwiftPM renames an executable's main, so libFuzzer's main would never be linked in.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
