#pragma once
#include <string>

// A random (version 4) UUID in its canonical lowercase text form, from libuuid.
std::string new_uuid();
