// Default options of AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer in a
// KIOSK_SANITIZE build (tests/sanitizer/CMakeLists.txt). The runtimes call these hooks before main,
// then apply ASAN_OPTIONS, LSAN_OPTIONS and UBSAN_OPTIONS from the environment over them.
//
// A finding ends the program with exit code 86, which no code path of ours uses, so a test that
// expects a failure exit (1) cannot mistake a sanitizer's for it.

// Called before the runtimes are ready: nothing in them may be instrumented, and the executable
// must export them (our targets hide their symbols by default).
#define SANITIZER_HOOK extern "C" __attribute__((visibility("default"), used, no_sanitize("address", "undefined")))

SANITIZER_HOOK const char* __asan_default_options() {
  return "exitcode=86:check_initialization_order=1:strict_init_order=1:detect_leaks=" DETECT_LEAKS;
}

SANITIZER_HOOK const char* __ubsan_default_options() { return "exitcode=86:halt_on_error=1:print_stacktrace=1"; }

// Leaks inside the libraries we use are theirs: lsan.supp names only libraries, so leaks of our own
// code are still reported (where DETECT_LEAKS is on: tests/sanitizer/CMakeLists.txt).
SANITIZER_HOOK const char* __lsan_default_options() { return "suppressions=" LSAN_SUPPRESSIONS ":print_suppressions=0"; }
