#include "core/export/report_docx.h"

#include <zip.h>

#include <algorithm>
#include <pugixml.hpp>
#include <set>

#include "core/export/export_error.h"
#include "core/export/output_files.h"
#include "core/paths.h"
#include "core/text.h"

namespace fs = std::filesystem;

namespace {
constexpr time_t kZipTime = 315532800;  // 1980-01-01, zip's first day: the same figures give the same bytes
constexpr int kTextWidth = 9354;        // twips between the template's margins (A4, 30 mm + 15 mm)
constexpr const char* kDots = "..............................";

ExportError template_error(const fs::path& dir, const std::string& why) {
  return {ExportError::Kind::Other, "The report template " + dir.string() + " " + why};
}

// ---- part I, built as WordprocessingML next to the {figures} paragraph ----

struct Cell {
  std::string text;
  bool number = false;  // right-aligned
};
using Row = std::vector<Cell>;

class Part {
 public:
  explicit Part(pugi::xml_node anchor) : anchor_(anchor) {}

  pugi::xml_node paragraph(const char* style) {
    auto p = anchor_.parent().insert_child_before("w:p", anchor_);
    p.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") = style;
    return p;
  }
  static void run(pugi::xml_node p, const std::string& text, bool bold = false, bool italic = false) {
    auto r = p.append_child("w:r");
    if (bold || italic) {
      auto rpr = r.append_child("w:rPr");
      if (bold) rpr.append_child("w:b");
      if (italic) rpr.append_child("w:i");
    }
    auto t = r.append_child("w:t");
    t.append_attribute("xml:space") = "preserve";
    t.text() = text.c_str();
  }
  void text(const char* style, const std::string& text) { run(paragraph(style), text); }

  // A bordered table across the text width: a header row (repeated on each page), then rows;
  // the rows listed in `bold` (by index) are totals. `first` is the first column's share of the width.
  void table(const std::vector<std::string>& header, const std::vector<Row>& rows, const std::set<size_t>& bold,
             double first = 0.3) {
    auto tbl = anchor_.parent().insert_child_before("w:tbl", anchor_);
    auto pr = tbl.append_child("w:tblPr");
    set(pr.append_child("w:tblW"), kTextWidth);
    pr.append_child("w:tblLayout").append_attribute("w:type") = "fixed";
    auto borders = pr.append_child("w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
      auto b = borders.append_child(side);
      b.append_attribute("w:val") = "single";
      b.append_attribute("w:sz") = "4";
      b.append_attribute("w:color") = "000000";
    }
    std::vector<int> widths(header.size());
    widths[0] = static_cast<int>(kTextWidth * first);
    for (size_t i = 1; i < widths.size(); ++i)
      widths[i] = (kTextWidth - widths[0]) / static_cast<int>(widths.size() - 1);
    auto grid = tbl.append_child("w:tblGrid");
    for (int w : widths) grid.append_child("w:gridCol").append_attribute("w:w") = w;
    auto header_row = tbl.append_child("w:tr");
    header_row.append_child("w:trPr").append_child("w:tblHeader");
    for (size_t i = 0; i < header.size(); ++i) cell(header_row, widths[i], header[i], "center", true, true);
    for (size_t r = 0; r < rows.size(); ++r) {
      auto tr = tbl.append_child("w:tr");
      tr.append_child("w:trPr").append_child("w:cantSplit");
      for (size_t i = 0; i < rows[r].size() && i < widths.size(); ++i)
        cell(tr, widths[i], rows[r][i].text, rows[r][i].number ? "right" : "left", bold.count(r) > 0, false);
    }
    paragraph("TableText");  // a little air after the table
  }

 private:
  static void set(pugi::xml_node width, int twips) {
    width.append_attribute("w:w") = twips;
    width.append_attribute("w:type") = "dxa";
  }
  static void cell(pugi::xml_node tr, int width, const std::string& text, const char* align, bool bold, bool head) {
    auto tc = tr.append_child("w:tc");
    auto pr = tc.append_child("w:tcPr");
    set(pr.append_child("w:tcW"), width);
    pr.append_child("w:vAlign").append_attribute("w:val") = head ? "center" : "top";
    auto p = tc.append_child("w:p");
    auto ppr = p.append_child("w:pPr");
    ppr.append_child("w:pStyle").append_attribute("w:val") = "TableText";
    ppr.append_child("w:jc").append_attribute("w:val") = align;
    run(p, text, bold);
  }

  pugi::xml_node anchor_;
};

Row tally_row(const std::string& name, const Tally& t) {
  return {{name}, {number_vi(t.sessions), true}, {hours_vi(t.seconds), true}, {number_vi(t.lessons), true},
          {number_vi(t.games), true}};
}

const std::vector<std::string> kTallyColumns = {"Số lượt", "Thời gian (giờ)", "Lượt xem bài học", "Lượt chơi trò chơi"};

std::vector<std::string> with_first(const std::string& first, const std::vector<std::string>& rest) {
  std::vector<std::string> all{first};
  all.insert(all.end(), rest.begin(), rest.end());
  return all;
}

// How many class groups held sessions in a month.
int groups_in(const ReportFigures& f, const std::string& month) {
  auto it = f.by_month_class.find(month);
  return it == f.by_month_class.end() ? 0 : static_cast<int>(it->second.size());
}

void overview(Part& part, const ReportFigures& f, const ReportingSchool& who) {
  part.text("Heading2", "1. Kết quả chung");
  if (f.total.sessions == 0) {
    part.text("BodyText", "Trong kỳ báo cáo, thiết bị chưa ghi nhận lượt hoạt động nào.");
    return;
  }
  int64_t minutes = (f.total.seconds + 30) / 60;
  std::string text = "Trong kỳ báo cáo, các lớp đã tổ chức " + number_vi(f.total.sessions) +
                     " lượt hoạt động “xem và nói”, tổng thời gian " + number_vi(minutes / 60) + " giờ " +
                     std::to_string(minutes % 60) + " phút (bình quân " +
                     number_vi((f.total.seconds / f.total.sessions + 30) / 60) + " phút mỗi lượt); trong đó có " +
                     number_vi(f.total.lessons) + " lượt xem bài học và " + number_vi(f.total.games) +
                     " lượt chơi trò chơi. Nhà trẻ: " + number_vi(f.nursery().sessions) +
                     " lượt; Mẫu giáo (Mầm, Chồi, Lá): " + number_vi(f.kindergarten().sessions) + " lượt.";
  int active = 0, most = 0, fewest = 1 << 30;
  for (const auto& m : f.by_month)
    if (int n = groups_in(f, m.key); n > 0) {
      ++active;
      most = std::max(most, n);
      fewest = std::min(fewest, n);
    }
  text += " Có " + std::to_string(active) + " tháng có hoạt động; mỗi tháng có " +
          (fewest == most ? std::to_string(most) : "từ " + std::to_string(fewest) + " đến " + std::to_string(most)) +
          " nhóm lớp sử dụng.";
  part.text("BodyText", text);
  if (int64_t estimate = estimated_child_sessions(f, who.settings.children))
    part.text("BodyText", "Ước tính khoảng " + number_vi(estimate) +
                              " lượt trẻ tham gia (ước tính: số lượt của mỗi nhóm lớp nhân với số trẻ của một lớp "
                              "thuộc nhóm đó, theo số trẻ nhà trường khai báo).");
  if (f.uncounted_sessions > 0)
    part.text("BodyText", "Không tính " + number_vi(f.uncounted_sessions) +
                              " lượt mở chương trình mà không xem bài học hay chơi trò chơi nào.");
}

void by_month(Part& part, const ReportFigures& f) {
  part.text("Heading2", "2. Số lượt theo tháng và nhóm lớp");
  auto groups = f.class_groups();
  std::vector<std::string> header{"Tháng"};
  for (const auto& g : groups) header.push_back(g);
  header.insert(header.end(), {"Cộng Nhà trẻ", "Cộng Mẫu giáo", "Tổng số lượt", "Số nhóm lớp sử dụng"});
  std::vector<Row> rows;
  for (const auto& m : f.by_month) {
    Row row{{m.label}};
    int nursery = 0, kindergarten = 0;
    for (const auto& g : groups) {
      int n = 0;
      if (auto it = f.by_month_class.find(m.key); it != f.by_month_class.end())
        if (auto c = it->second.find(g); c != it->second.end()) n = c->second.sessions;
      (is_nursery(g) ? nursery : kindergarten) += n;
      row.push_back({number_vi(n), true});
    }
    row.insert(row.end(), {{number_vi(nursery), true}, {number_vi(kindergarten), true},
                           {number_vi(m.sessions), true}, {std::to_string(groups_in(f, m.key)), true}});
    rows.push_back(row);
  }
  Row total{{"Cộng"}};
  for (const auto& g : groups) {
    auto it = std::find_if(f.by_class.begin(), f.by_class.end(), [&](const Tally& t) { return t.key == g; });
    total.push_back({number_vi(it->sessions), true});
  }
  total.insert(total.end(), {{number_vi(f.nursery().sessions), true}, {number_vi(f.kindergarten().sessions), true},
                             {number_vi(f.total.sessions), true}, {std::to_string(groups.size()), true}});
  rows.push_back(total);
  part.table(header, rows, {rows.size() - 1}, 0.14);

  rows.clear();
  for (const auto& m : f.by_month) rows.push_back(tally_row(m.label, m));
  rows.push_back(tally_row("Cộng", f.total));
  part.text("BodyText", "Thời gian, lượt xem bài học và lượt chơi trò chơi theo tháng:");
  part.table(with_first("Tháng", kTallyColumns), rows, {rows.size() - 1}, 0.2);
}

void by_class(Part& part, const ReportFigures& f, const ReportingSchool& who) {
  part.text("Heading2", "3. Theo nhóm lớp");
  bool estimate = estimated_child_sessions(f, who.settings.children) > 0;
  auto header = with_first("Nhóm lớp", kTallyColumns);
  if (estimate) header.push_back("Lượt trẻ (ước tính)");
  const auto& children = who.settings.children;
  auto row_of = [&](const std::string& name, const Tally& t, int64_t estimated) {
    Row row = tally_row(name, t);
    if (estimate) row.push_back({estimated > 0 ? number_vi(estimated) : "", true});
    return row;
  };
  std::vector<Row> rows;
  std::set<size_t> bold;
  auto groups = f.class_groups();
  auto tally_of = [&](const std::string& g) {
    return *std::find_if(f.by_class.begin(), f.by_class.end(), [&](const Tally& t) { return t.key == g; });
  };
  for (const auto& g : groups)
    if (is_nursery(g)) rows.push_back(row_of(g, tally_of(g), int64_t{tally_of(g).sessions} * children_in_class(children, g)));
  bold.insert(rows.size());
  int64_t kindergarten = 0;
  for (const auto& g : groups)
    if (!is_nursery(g)) kindergarten += int64_t{tally_of(g).sessions} * children_in_class(children, g);
  rows.push_back(row_of("Mẫu giáo (cộng)", f.kindergarten(), kindergarten));
  for (const auto& g : groups)
    if (!is_nursery(g)) rows.push_back(row_of("- " + g, tally_of(g), int64_t{tally_of(g).sessions} * children_in_class(children, g)));
  bold.insert(rows.size());
  rows.push_back(row_of("Tổng cộng", f.total, estimated_child_sessions(f, children)));
  part.table(header, rows, bold, estimate ? 0.24 : 0.3);
}

void numbered(Part& part, const char* heading, const char* first, const std::vector<Tally>& list, const Tally& total) {
  part.text("Heading2", heading);
  std::vector<Row> rows;
  for (size_t i = 0; i < list.size(); ++i) {
    Row row = tally_row(list[i].label, list[i]);
    row[0].text = std::to_string(i + 1) + ". " + row[0].text;
    rows.push_back(row);
  }
  rows.push_back(tally_row("Tổng cộng", total));
  part.table(with_first(first, kTallyColumns), rows, {rows.size() - 1}, 0.36);
}

void fill_figures(pugi::xml_node anchor, const ReportFigures& f, const ReportingSchool& who) {
  Part part(anchor);
  overview(part, f, who);
  if (f.total.sessions > 0) {
    by_month(part, f);
    by_class(part, f, who);
    numbered(part, "4. Theo chủ đề", "Chủ đề", f.by_topic, f.total);
    if (f.by_device.size() > 1) numbered(part, "5. Theo lớp học", "Lớp học (thiết bị)", f.by_device, f.total);
  }
  anchor.parent().remove_child(anchor);
}

// ---- the template's parts ----

std::string or_dots(const std::string& s) { return s.empty() ? kDots : s; }

std::map<std::string, std::string> placeholders(const ReportFigures& f, const ReportingSchool& who) {
  const auto& s = who.settings;
  std::string classrooms = f.by_device.size() == 1 ? f.by_device[0].label
                                                   : std::to_string(f.by_device.size()) + " lớp học";
  if (f.by_device.empty()) classrooms = "các lớp";
  std::string period = f.period.name.empty() ? "từ ngày " + day_vi(f.from_day()) + " đến ngày " + day_vi(f.to_day())
                                             : f.period.name;
  return {{"{parent_body_upper}", s.parent_body.empty() ? kDots : upper_vi(s.parent_body)},
          {"{school_upper}", who.school.empty() ? kDots : upper_vi(who.school)},
          {"{parent_body}", or_dots(s.parent_body)},
          {"{school}", who.school.empty() ? "nhà trường" : who.school},
          {"{abbreviation}", s.abbreviation.empty() ? "......" : s.abbreviation},
          {"{place}", or_dots(s.place)},
          {"{year}", who.written_on.size() >= 4 ? who.written_on.substr(0, 4) : "......"},
          {"{principal}", s.principal},
          {"{period_name}", period},
          {"{from}", f.from_day().empty() ? "..." : day_vi(f.from_day())},
          {"{to}", f.to_day().empty() ? "..." : day_vi(f.to_day())},
          {"{classrooms}", classrooms}};
}

void replace_all(pugi::xml_node node, const std::map<std::string, std::string>& values) {
  for (auto child : node.children()) {
    if (child.type() == pugi::node_pcdata) {
      std::string text = child.value();
      for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        auto close = text.find('}', open);
        if (close == std::string::npos) break;
        auto it = values.find(text.substr(open, close - open + 1));
        if (it == values.end()) continue;
        text.replace(open, close - open + 1, it->second);
        open += it->second.size() - 1;
      }
      child.set_value(text.c_str());
    } else {
      replace_all(child, values);
    }
  }
}

pugi::xml_node find_text(pugi::xml_node node, const char* text) {
  return node.find_node([&](pugi::xml_node n) { return std::string(n.name()) == "w:t" && std::string(n.text().get()) == text; });
}

struct ZipEntry {
  std::string name, bytes;
};

// Every file of the template, filled; [Content_Types].xml first, as Word writes it.
std::vector<ZipEntry> filled_parts(const fs::path& dir, const ReportFigures& f, const ReportingSchool& who) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file()) files.push_back(it->path());
  if (ec || files.empty()) throw template_error(dir, "cannot be read: " + (ec ? ec.message() : "it is empty"));
  std::sort(files.begin(), files.end(), [&](const fs::path& a, const fs::path& b) {
    return std::make_pair(a.filename() != "[Content_Types].xml", a) < std::make_pair(b.filename() != "[Content_Types].xml", b);
  });
  auto values = placeholders(f, who);
  std::vector<ZipEntry> parts;
  bool figures = false;
  for (const auto& file : files) {
    pugi::xml_document doc;
    auto parsed = doc.load_file(file.c_str(), pugi::parse_default | pugi::parse_declaration | pugi::parse_ws_pcdata_single);
    if (!parsed) throw template_error(dir, "is broken: " + file.string() + ": " + parsed.description());
    if (auto anchor = find_text(doc, "{figures}")) {
      fill_figures(anchor.parent().parent(), f, who);
      figures = true;
    }
    replace_all(doc, values);
    struct : pugi::xml_writer {
      std::string bytes;
      void write(const void* data, size_t size) override { bytes.append(static_cast<const char*>(data), size); }
    } out;
    doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    parts.push_back({fs::relative(file, dir).generic_string(), std::move(out.bytes)});
  }
  if (!figures) throw template_error(dir, "is broken: no paragraph says {figures}");
  return parts;
}

std::string zip_error_text(zip_error_t* err) { return zip_error_strerror(err); }

// The parts as one zip archive in memory (libzip's buffer source).
std::string zip_parts(const std::vector<ZipEntry>& parts) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* zip = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &err) : nullptr;
  auto fail = [&](const std::string& why) {
    std::string message = "bao-cao.docx cannot be made: " + why;
    zip_error_fini(&err);
    return ExportError(ExportError::Kind::Other, message);
  };
  if (!zip) {
    if (buffer) zip_source_free(buffer);
    throw fail(zip_error_text(&err));
  }
  zip_source_keep(buffer);  // read after zip_close
  for (const auto& part : parts) {
    zip_source_t* source = zip_source_buffer(zip, part.bytes.data(), part.bytes.size(), 0);
    zip_int64_t index = source ? zip_file_add(zip, part.name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (source) zip_source_free(source);
      std::string why = zip_strerror(zip);
      zip_discard(zip);
      zip_source_free(buffer);
      throw fail(why);
    }
    zip_file_set_mtime(zip, static_cast<zip_uint64_t>(index), kZipTime, 0);
  }
  if (zip_close(zip) != 0) {
    std::string why = zip_strerror(zip);
    zip_discard(zip);
    zip_source_free(buffer);
    throw fail(why);
  }
  std::string bytes;
  zip_stat_t st;
  if (zip_source_open(buffer) == 0) {
    if (zip_source_stat(buffer, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
      bytes.resize(st.size);
      if (zip_source_read(buffer, bytes.data(), st.size) != static_cast<zip_int64_t>(st.size)) bytes.clear();
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  if (bytes.empty()) throw fail("the archive cannot be read back from memory");
  zip_error_fini(&err);
  return bytes;
}
}  // namespace

fs::path report_template_dir() { return find_install_paths().assets / "report-template"; }

std::string number_vi(int64_t n) { return group_thousands(n, "."); }

std::string hours_vi(int64_t seconds) {
  int64_t tenths = (seconds + 180) / 360;
  return number_vi(tenths / 10) + "," + std::to_string(tenths % 10);
}

WrittenFile write_report_docx(const ReportFigures& f, const ReportingSchool& who, const fs::path& path,
                              const fs::path& template_dir) {
  std::string bytes = zip_parts(filled_parts(template_dir, f, who));
  FileOut out(path);
  out.write(bytes);
  WrittenFile written;
  written.sha256 = out.finish();
  written.bytes = out.bytes();
  return written;
}
