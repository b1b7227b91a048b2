#pragma once
// A PDF (a teacher's e-lesson saved as PDF, a picture book) becomes a picture story, one page a
// page, rendered with poppler to fit a 1920x1080 screen; a page's first line of text is its caption.
// PowerPoint (.pptx, .ppt, .odp) goes the same way once LibreOffice, when the kiosk has it, has
// made a PDF of it (headless, at import only); narration inside slides is not kept.
#include "core/importers/importer.h"

// Reads the page count and title only. Throws nothing: problems say why it cannot be imported.
PackOnStick read_pdf_story(const fs::path& pdf);
void convert_pdf_story(const PackOnStick& pdf, const fs::path& staging, const Progress& progress);

PackOnStick read_slides_story(const fs::path& slides);
void convert_slides_story(const PackOnStick& slides, const fs::path& staging, const Progress& progress);
