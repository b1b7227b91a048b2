#include "core/export/report_xlsx.h"

#include <xlsxwriter.h>

#include <cerrno>

#include "core/export/export_error.h"
#include "core/export/output_files.h"
#include "core/text.h"

namespace fs = std::filesystem;

namespace {
constexpr const char* kFont = "Times New Roman";

struct Formats {
  lxw_format *text, *title, *italic_center, *head, *column_number, *cell, *number, *hours, *total_cell, *total_number,
      *total_hours;

  explicit Formats(lxw_workbook* wb) {
    auto make = [&](bool bold, bool italic, bool border, lxw_format_alignments align, const char* num = nullptr) {
      lxw_format* f = workbook_add_format(wb);
      format_set_font_name(f, kFont);
      format_set_font_size(f, 12);
      if (bold) format_set_bold(f);
      if (italic) format_set_italic(f);
      if (border) format_set_border(f, LXW_BORDER_THIN);
      format_set_align(f, align);
      format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
      if (num) format_set_num_format(f, num);
      return f;
    };
    text = make(false, false, false, LXW_ALIGN_LEFT);
    title = make(true, false, false, LXW_ALIGN_CENTER);
    format_set_font_size(title, 14);
    italic_center = make(false, true, false, LXW_ALIGN_CENTER);
    head = make(true, false, true, LXW_ALIGN_CENTER);
    format_set_text_wrap(head);
    column_number = make(false, true, true, LXW_ALIGN_CENTER);
    cell = make(false, false, true, LXW_ALIGN_LEFT);
    format_set_text_wrap(cell);
    number = make(false, false, true, LXW_ALIGN_RIGHT, "#,##0");
    hours = make(false, false, true, LXW_ALIGN_RIGHT, "#,##0.0");
    total_cell = make(true, false, true, LXW_ALIGN_LEFT);
    total_number = make(true, false, true, LXW_ALIGN_RIGHT, "#,##0");
    total_hours = make(true, false, true, LXW_ALIGN_RIGHT, "#,##0.0");
  }
};

double hours(int64_t seconds) { return static_cast<double>((seconds + 180) / 360) / 10; }

// One sheet's rows, written top to bottom.
class Sheet {
 public:
  // Printed on A4, as wide as one page (landscape for the wide month table).
  Sheet(lxw_workbook* wb, const Formats& f, const char* name, bool landscape = false)
      : ws_(workbook_add_worksheet(wb, name)), f_(f) {
    worksheet_set_paper(ws_, 9);  // A4
    if (landscape) worksheet_set_landscape(ws_);
    worksheet_fit_to_pages(ws_, 1, 0);
  }

  lxw_worksheet* ws() { return ws_; }
  // Width of each column in characters, from the first.
  void widths(std::initializer_list<double> chars) {
    lxw_col_t col = 0;
    for (double w : chars) worksheet_set_column(ws_, col, col, w, nullptr), ++col;
  }
  // A line of text across `columns` columns.
  void banner(const std::string& text, int columns, lxw_format* format, double height = 0) {
    worksheet_merge_range(ws_, row_, 0, row_, static_cast<lxw_col_t>(columns - 1), text.c_str(), format);
    if (height > 0) worksheet_set_row(ws_, row_, height, nullptr);
    ++row_;
  }
  void skip() { ++row_; }
  void header(const std::vector<std::string>& cells, double height = 32) {
    for (size_t c = 0; c < cells.size(); ++c) worksheet_write_string(ws_, row_, static_cast<lxw_col_t>(c), cells[c].c_str(), f_.head);
    worksheet_set_row(ws_, row_, height, nullptr);
    ++row_;
  }
  void text(lxw_col_t col, const std::string& s, bool total = false) {
    worksheet_write_string(ws_, row_, col, s.c_str(), total ? f_.total_cell : f_.cell);
  }
  void number(lxw_col_t col, double n, bool total = false) {
    worksheet_write_number(ws_, row_, col, n, total ? f_.total_number : f_.number);
  }
  void hours(lxw_col_t col, int64_t seconds, bool total = false) {
    worksheet_write_number(ws_, row_, col, ::hours(seconds), total ? f_.total_hours : f_.hours);
  }
  // Sessions, hours, lessons, games from column `col` on.
  void tally(lxw_col_t col, const Tally& t, bool total = false) {
    number(col, t.sessions, total);
    hours(col + 1, t.seconds, total);
    number(col + 2, t.lessons, total);
    number(col + 3, t.games, total);
  }
  void next() { ++row_; }
  lxw_row_t row() const { return row_; }

 private:
  lxw_worksheet* ws_;
  const Formats& f_;
  lxw_row_t row_ = 0;
};

std::string period_text(const ReportFigures& f) { return "Kỳ báo cáo: " + f.period_vi(); }

void summary(lxw_workbook* wb, const Formats& fmt, const ReportFigures& f, const ReportingSchool& who) {
  Sheet s(wb, fmt, "Tổng hợp");
  s.widths({7, 44, 12, 12, 36});
  s.banner("Đơn vị báo cáo: " + who.school, 5, fmt.text);
  s.banner("Đơn vị nhận báo cáo: " + who.settings.parent_body, 5, fmt.text);
  s.skip();
  s.banner("SỐ LIỆU SỬ DỤNG CHƯƠNG TRÌNH “XEM VÀ NÓI”", 5, fmt.title, 20);
  s.banner(period_text(f), 5, fmt.italic_center);
  s.skip();
  s.header({"TT", "Chỉ tiêu", "Đơn vị tính", "Số lượng", "Ghi chú"});
  const char* letters[] = {"A", "B", "C", "1", "2"};
  for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(s.ws(), s.row(), c, letters[c], fmt.column_number);
  s.next();
  auto line = [&](const char* tt, const std::string& name, const char* unit, double value, const std::string& note,
                  bool is_hours = false) {
    s.text(0, tt);
    s.text(1, name);
    s.text(2, unit);
    if (is_hours) worksheet_write_number(s.ws(), s.row(), 3, value, fmt.hours);
    else s.number(3, value);
    s.text(4, note);
    s.next();
  };
  int months = 0;
  for (const auto& m : f.by_month) months += m.sessions > 0;
  line("1", "Số lượt hoạt động “xem và nói”", "lượt", f.total.sessions,
       "Mỗi lượt là một buổi của một lớp; không tính theo số trẻ" +
           (f.uncounted_sessions ? format("; không tính %d lượt mở mà không xem, không chơi", f.uncounted_sessions) : ""));
  line("1.1", "Nhà trẻ", "lượt", f.nursery().sessions, "");
  line("1.2", "Mẫu giáo (Mầm, Chồi, Lá)", "lượt", f.kindergarten().sessions, "");
  line("2", "Tổng thời gian", "giờ", hours(f.total.seconds), "", true);
  line("3", "Lượt xem bài học", "lượt", f.total.lessons, "Video bài học, truyện tranh có lời kể");
  line("4", "Lượt chơi trò chơi", "lượt", f.total.games, "");
  line("5", "Số tháng có hoạt động", "tháng", months, "");
  line("6", "Số nhóm lớp sử dụng", "nhóm lớp", static_cast<double>(f.by_class.size()), "");
  line("7", "Số lớp học (thiết bị) có số liệu", "lớp", static_cast<double>(f.by_device.size()), "");
  if (int64_t estimate = estimated_child_sessions(f, who.settings.children))
    line("8", "Lượt trẻ (ước tính)", "lượt trẻ", static_cast<double>(estimate),
         "Ước tính = số lượt của mỗi nhóm lớp × số trẻ một lớp do nhà trường khai báo");
}

void by_month(lxw_workbook* wb, const Formats& fmt, const ReportFigures& f) {
  Sheet s(wb, fmt, "Theo tháng", true);
  auto groups = f.class_groups();
  std::vector<std::string> header{"Tháng"};
  for (const auto& g : groups) header.push_back(g);
  header.insert(header.end(), {"Cộng Nhà trẻ", "Cộng Mẫu giáo", "Tổng số lượt", "Số nhóm lớp sử dụng",
                               "Thời gian (giờ)", "Lượt xem bài học", "Lượt chơi trò chơi"});
  s.banner("SỐ LƯỢT THEO THÁNG VÀ NHÓM LỚP", static_cast<int>(header.size()), fmt.title, 20);
  s.banner(period_text(f), static_cast<int>(header.size()), fmt.italic_center);
  s.skip();
  worksheet_set_column(s.ws(), 0, 0, 11, nullptr);
  worksheet_set_column(s.ws(), 1, static_cast<lxw_col_t>(header.size() - 1), 12, nullptr);
  s.header(header, 48);
  auto write = [&](const std::string& label, const Tally& t, const std::map<std::string, Tally>* classes, bool total) {
    s.text(0, label, total);
    lxw_col_t col = 1;
    Tally nursery, kindergarten;
    for (const auto& g : groups) {
      int n = 0;
      if (classes)
        if (auto it = classes->find(g); it != classes->end()) n = it->second.sessions;
      if (!classes) n = std::find_if(f.by_class.begin(), f.by_class.end(), [&](const Tally& c) { return c.key == g; })->sessions;
      (is_nursery(g) ? nursery : kindergarten).sessions += n;
      s.number(col++, n, total);
    }
    s.number(col++, nursery.sessions, total);
    s.number(col++, kindergarten.sessions, total);
    s.number(col++, t.sessions, total);
    s.number(col++, static_cast<double>(classes ? classes->size() : groups.size()), total);
    s.hours(col++, t.seconds, total);
    s.number(col++, t.lessons, total);
    s.number(col++, t.games, total);
    s.next();
  };
  static const std::map<std::string, Tally> kNone;
  for (const auto& m : f.by_month) {
    auto it = f.by_month_class.find(m.key);
    write(m.label, m, it == f.by_month_class.end() ? &kNone : &it->second, false);
  }
  write("Cộng", f.total, nullptr, true);
}

// A numbered list of tallies with their keys (topic id, device id) and a total row.
void listing(lxw_workbook* wb, const Formats& fmt, const ReportFigures& f, const char* sheet, const char* title,
             const char* name, const char* key, const std::vector<Tally>& list) {
  Sheet s(wb, fmt, sheet);
  s.widths({6, 36, 24, 12, 12, 12, 12});
  s.banner(title, 7, fmt.title, 20);
  s.banner(period_text(f), 7, fmt.italic_center);
  s.skip();
  s.header({"TT", name, key, "Số lượt", "Thời gian (giờ)", "Lượt xem bài học", "Lượt chơi trò chơi"});
  for (size_t i = 0; i < list.size(); ++i) {
    s.number(0, static_cast<double>(i + 1));
    s.text(1, list[i].label);
    s.text(2, list[i].key);
    s.tally(3, list[i]);
    s.next();
  }
  s.text(0, "", true);
  s.text(1, "Cộng", true);
  s.text(2, "", true);
  s.tally(3, f.total, true);
}
}  // namespace

WrittenFile write_report_xlsx(const ReportFigures& f, const ReportingSchool& who, const fs::path& path) {
  lxw_workbook_options options = {LXW_FALSE, nullptr, LXW_FALSE};
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) throw destination_error(errno ? errno : EIO, path);
  Formats fmt(wb);
  summary(wb, fmt, f, who);
  by_month(wb, fmt, f);
  listing(wb, fmt, f, "Theo chủ đề", "SỐ LƯỢT THEO CHỦ ĐỀ", "Chủ đề", "Mã chủ đề", f.by_topic);
  listing(wb, fmt, f, "Theo lớp học", "SỐ LƯỢT THEO LỚP HỌC (THIẾT BỊ)", "Lớp học", "Mã thiết bị", f.by_device);
  lxw_doc_properties properties = {};
  std::string title = "Số liệu " + f.period_vi();
  properties.title = title.data();
  properties.author = const_cast<char*>(who.school.c_str());
  workbook_set_properties(wb, &properties);
  errno = 0;
  if (lxw_error error = workbook_close(wb)) {
    int err = errno;
    std::error_code ec;
    fs::remove(path, ec);
    if (err) throw destination_error(err, path);
    throw ExportError(ExportError::Kind::Other,
                      format("so-lieu.xlsx cannot be written: %s", lxw_strerror(error)));
  }
  WrittenFile written;
  written.sha256 = seal_file(path);
  written.bytes = fs::file_size(path);
  return written;
}
