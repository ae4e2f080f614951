// primordial: the command line (cli/command_line.hpp defines it).
#include <malloc.h>

#include "cli/command_line.hpp"

int main(int argc, char** argv) {
    // Dragging a slider on a wide network rebuilds and re-uploads megabytes of weights every
    // frame; keeping such blocks in the heap instead of fresh mmaps avoids a page fault per 4 KiB
    // (see docs/PERFORMANCE.md).
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    primordial::cli::CommandLine command_line;
    return command_line.main(argc, argv);
}
