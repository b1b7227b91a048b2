#include "core/content_characters.h"

#include <unistr.h>

#include <set>

std::vector<char32_t> characters_of(const std::vector<std::string>& texts) {
  std::set<char32_t> found;
  for (const auto& text : texts) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    for (size_t at = 0; at < text.size();) {
      ucs4_t c = 0;
      const int n = u8_mbtoucr(&c, s + at, text.size() - at);  // strict: -1 for invalid bytes
      if (n <= 0) {
        ++at;
        continue;
      }
      at += static_cast<size_t>(n);
      if (c >= 0x20 && !(c >= 0x7F && c <= 0x9F)) found.insert(static_cast<char32_t>(c));
    }
  }
  return {found.begin(), found.end()};
}

std::vector<char32_t> content_characters(const Catalog& catalog) {
  std::vector<std::string> texts;
  for (const auto& topic : catalog.topics) {
    texts.insert(texts.end(), topic.texts.begin(), topic.texts.end());
    texts.push_back(topic.title.vi);  // a pack with no usable manifest shows its folder's name
    for (const auto& lesson : topic.lessons)
      if (lesson.video)  // the teachers' questions are not in the pack's manifest
        for (const auto& cue : lesson.video->cues) texts.insert(texts.end(), {cue.question.vi, cue.question.en});
  }
  return characters_of(texts);
}
