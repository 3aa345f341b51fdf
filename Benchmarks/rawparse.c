/* A raw single-core libcsv parse: the file through csv_parse in 1 MiB reads, with callbacks that only count
 * fields and records. The baseline deid's records path is measured against in check-throughput.sh (libcsv's
 * default options, the fastest it parses: no strict mode, no space function). Prints the counts. */
#include <csv.h>
#include <stdio.h>

static size_t fields, records;
static void on_field(void *data, size_t length, void *context) { (void)data; (void)length; (void)context; fields++; }
static void on_record(int terminator, void *context) { (void)terminator; (void)context; records++; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: rawparse FILE.csv\n"); return 2; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 2; }
    struct csv_parser parser;
    if (csv_init(&parser, 0) != 0) return 2;
    static char buffer[1 << 20];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, file)) > 0) {
        if (csv_parse(&parser, buffer, n, on_field, on_record, NULL) != n) {
            fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&parser)));
            return 1;
        }
    }
    csv_fini(&parser, on_field, on_record, NULL);
    csv_free(&parser);
    fclose(file);
    printf("%zu records, %zu fields\n", records, fields);
    return 0;
}
