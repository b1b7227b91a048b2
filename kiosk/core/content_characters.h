#pragma once
// The characters the content shows, so that the font atlas can hold each of them: a title in Lao
// or a star in a caption must be drawn, not shown as the font's "?" (app/fonts.h merges a fallback
// font for those the main font lacks). No window; safe on any thread.
#include <string>
#include <vector>

#include "core/catalog.h"

// The characters of UTF-8 `texts`, sorted and distinct. Control characters (below U+0020, and
// U+007F-U+009F) and invalid bytes are left out: they are never drawn.
std::vector<char32_t> characters_of(const std::vector<std::string>& texts);

// Every character of every topic's texts (titles, captions, prompts, labels) and of the teachers'
// own questions, as characters_of() gives them.
std::vector<char32_t> content_characters(const Catalog& catalog);
