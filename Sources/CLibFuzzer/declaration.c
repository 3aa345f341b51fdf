// Only the header matters: the symbol comes from libFuzzer when deid-fuzz is built with -sanitize=fuzzer.
#include "libfuzzer_driver.h"
