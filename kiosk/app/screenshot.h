#pragma once
#include <string>

// Saves the current OpenGL back buffer (width x height pixels) as a PNG, written under a temporary
// name and renamed, so a watcher never reads half a file. Returns false (and says why on stderr).
bool save_screenshot(const std::string& path, int width, int height);
