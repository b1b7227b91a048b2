#pragma once
// Writes a small OpenDocument presentation (.odp) for tests, as Impress or PowerPoint saves one:
// each slide a coloured band across its top and a line of text, on LibreOffice's default 16:9 page.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "zip_maker.h"

struct Slide {
  std::string text;    // plain text, drawn below the band
  unsigned color = 0;  // 0xRRGGBB of the band (the top half of the slide)
};

inline void make_odp(const std::filesystem::path& out, const std::vector<Slide>& slides) {
  std::string styles, pages;
  for (size_t i = 0; i < slides.size(); ++i) {
    char color[8];
    std::snprintf(color, sizeof color, "#%06x", slides[i].color & 0xFFFFFF);
    const std::string style = "band" + std::to_string(i);
    styles += "<style:style style:name=\"" + style + "\" style:family=\"graphic\"><style:graphic-properties "
              "draw:fill=\"solid\" draw:fill-color=\"" + color + "\" draw:stroke=\"none\"/></style:style>";
    pages += "<draw:page draw:name=\"slide" + std::to_string(i + 1) + "\"><draw:rect draw:style-name=\"" + style +
             "\" svg:x=\"0cm\" svg:y=\"0cm\" svg:width=\"28cm\" svg:height=\"7.8cm\"/>";
    if (!slides[i].text.empty())
      pages += "<draw:frame svg:x=\"1cm\" svg:y=\"10cm\" svg:width=\"26cm\" svg:height=\"2cm\"><draw:text-box><text:p>" +
               slides[i].text + "</text:p></draw:text-box></draw:frame>";
    pages += "</draw:page>";
  }
  const std::string content =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content "
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
      "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
      "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" office:version=\"1.2\">"
      "<office:automatic-styles>" + styles + "</office:automatic-styles><office:body><office:presentation>" + pages +
      "</office:presentation></office:body></office:document-content>\n";
  const std::string type = "application/vnd.oasis.opendocument.presentation";
  const std::string manifest =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest "
      "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
      "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + type + "\"/>"
      "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>\n";
  // The mimetype entry comes first, as OpenDocument requires; deflating it too is what some tools do.
  make_zip(out, {{"mimetype", type, ""}, {"META-INF/manifest.xml", manifest, ""}, {"content.xml", content, ""}});
}
