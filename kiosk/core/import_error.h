#pragma once
#include <stdexcept>

// What an import throws; what() is translated, for the admin.
struct ImportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
