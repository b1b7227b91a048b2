#pragma once
// Writes small PDFs for tests: each page (A4 landscape) a coloured top half and a line of text, as
// a teacher's slides saved as PDF are, with a correct cross-reference table.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

struct PdfPage {
  std::string text;      // ASCII, drawn in Helvetica at the top left
  unsigned color = 0;    // 0xRRGGBB of the top half
};

inline void make_pdf(const std::filesystem::path& out, const std::vector<PdfPage>& pages, const std::string& title = "") {
  std::vector<std::string> objects;  // object n is objects[n - 1]
  std::string kids;
  const size_t first_page = 4;
  for (size_t i = 0; i < pages.size(); ++i) kids += std::to_string(first_page + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (size_t i = 0; i < pages.size(); ++i) {
    char fill[64];
    std::snprintf(fill, sizeof fill, "%.3f %.3f %.3f rg", (pages[i].color >> 16 & 255) / 255.0,
                  (pages[i].color >> 8 & 255) / 255.0, (pages[i].color & 255) / 255.0);
    const std::string content = std::string(fill) + " 0 297 842 298 re f 0 0 0 rg BT /F1 36 Tf 40 240 Td (" +
                                pages[i].text + ") Tj ET";
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 3 0 R >> >> "
                      "/Contents " + std::to_string(first_page + 2 * i + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  }
  if (!title.empty()) objects.push_back("<< /Title (" + title + ") >>");
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t n = 0; n < objects.size(); ++n) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(n + 1) + " 0 obj\n" + objects[n] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" +
         (title.empty() ? "" : " /Info " + std::to_string(objects.size()) + " 0 R") + " >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  std::filesystem::create_directories(out.parent_path());
  std::ofstream(out, std::ios::binary) << pdf;
}
