#pragma once
// Writes .h5p packages for tests in the shapes real ones have (Lumi, H5P.org, Moodle exports):
// h5p.json naming the main library and its version, content/content.json, media under content/,
// and the JavaScript libraries beside them that the kiosk must never keep.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "zip_maker.h"

struct H5pSpec {
  std::string title = "Trò chơi của cô";
  std::string library;                  // "H5P.MemoryGame"
  nlohmann::json major = 1, minor = 3;  // real packages write numbers or strings
  nlohmann::json content;               // content/content.json
  std::vector<ZipItem> media;           // named from the zip's top, e.g. "content/images/a.png"
  bool escape_slashes = false;          // content.json with "\/" as PHP's json_encode writes
};

inline void make_h5p(const std::filesystem::path& out, const H5pSpec& spec) {
  nlohmann::json h5p = {{"title", spec.title},
                        {"language", "vi"},
                        {"mainLibrary", spec.library},
                        {"embedTypes", {"iframe"}},
                        {"license", "U"},
                        {"preloadedDependencies",
                         {{{"machineName", "FontAwesome"}, {"majorVersion", 4}, {"minorVersion", 5}},
                          {{"machineName", spec.library}, {"majorVersion", spec.major}, {"minorVersion", spec.minor}}}}};
  std::string content = spec.content.dump();
  if (spec.escape_slashes)
    for (size_t at = 0; (at = content.find('/', at)) != std::string::npos; at += 2) content.insert(at, "\\");
  std::vector<ZipItem> items = {{"h5p.json", h5p.dump(), ""},
                                {"content/", "", ""},
                                {"content/content.json", content, ""},
                                {spec.library + "-1.3/", "", ""},
                                {spec.library + "-1.3/library.json", "{}", ""},
                                {spec.library + "-1.3/js/game.js", "alert('never run')", ""}};
  items.insert(items.end(), spec.media.begin(), spec.media.end());
  make_zip(out, items);
}
