#include "core/export/report_html.h"

#include <algorithm>
#include <cmath>

#include "core/text.h"

namespace {
constexpr const char* kStyle = R"css(
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: "Andika", "Noto Sans", "Segoe UI", Arial, sans-serif; color: #2B2D42; margin: 0 auto;
       max-width: 960px; padding: 28px 32px; line-height: 1.4; background: #fff; }
.kicker { color: #3A86FF; font-weight: bold; letter-spacing: .04em; margin: 0; font-size: 14px; }
h1 { font-size: 30px; margin: 4px 0 2px; }
.period { color: #5c6478; margin: 0 0 20px; }
.en { color: #8D99AE; font-weight: normal; }
.cards { display: flex; gap: 12px; margin-bottom: 24px; }
.card { flex: 1; border: 2px solid #e3e8f0; border-radius: 12px; padding: 12px 14px; }
.card b { display: block; font-size: 30px; }
.card span { font-size: 13px; }
.note { font-size: 13px; color: #5c6478; margin: 0 0 24px; }
.cards + .note { margin-top: -14px; }
section { margin-bottom: 26px; break-inside: avoid; }
h2 { font-size: 19px; border-bottom: 3px solid #FFB703; padding-bottom: 3px; margin: 0 0 10px; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th { text-align: right; font-size: 12px; color: #5c6478; font-weight: bold; padding: 4px 6px;
     border-bottom: 1px solid #cfd6e2; vertical-align: bottom; }
th:first-child, td:first-child { text-align: left; }
td { padding: 5px 6px; border-bottom: 1px solid #eef1f6; text-align: right; font-variant-numeric: tabular-nums; }
td.name { width: 27%; }
td.bar { width: 30%; }
td.name small { color: #8D99AE; }
tr { break-inside: avoid; }
.legend { font-size: 12px; color: #5c6478; margin: 4px 0 0; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; }
.empty { color: #5c6478; font-style: italic; }
footer { color: #8D99AE; font-size: 12px; border-top: 1px solid #e3e8f0; padding-top: 8px; }
@media print { body { padding: 0; } }
)css";

constexpr const char* kBlue = "#3A86FF";
constexpr const char* kGreen = "#2EB872";
constexpr const char* kOrange = "#F77F00";

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Thousands grouped with a narrow no-break space, which reads right in Vietnamese and English.
std::string number(int64_t n) { return group_thousands(n, "\u202F"); }

std::string both(const std::string& vi, const std::string& en) {
  return vi + " <span class=\"en\">/ " + en + "</span>";
}

std::string card(const std::string& value, const char* vi, const char* en) {
  return "<div class=\"card\"><b>" + value + "</b><span>" + both(vi, en) + "</span></div>\n";
}

// A horizontal bar: sessions against the largest row's sessions.
std::string bar(int value, int max) {
  double w = max > 0 ? 100.0 * value / max : 0;
  return format("<svg width=\"100%%\" height=\"14\" viewBox=\"0 0 100 14\" preserveAspectRatio=\"none\" "
                "role=\"img\"><rect width=\"100\" height=\"14\" fill=\"#eef1f6\"/>"
                "<rect width=\"%.2f\" height=\"14\" fill=\"%s\"/></svg>",
                w, kBlue);
}

// Sessions per month as columns, with lessons and games as thinner columns beside them.
std::string month_chart(const std::vector<Tally>& months) {
  if (months.empty()) return "";
  int max = 1;
  for (const auto& m : months) max = std::max({max, m.sessions, m.lessons, m.games});
  const double width = 880, height = 220, top = 22, bottom = 30, slot = width / static_cast<double>(months.size());
  const double plot = height - top - bottom, column = std::min(slot * 0.26, 34.0);
  // Over many months the labels ("11/2026") would run into each other: every n-th one then.
  const size_t label_every = static_cast<size_t>(std::ceil(50 / slot));
  // Visible overflow: the first and last month labels may reach a little past the chart's edges.
  std::string svg = format("<svg viewBox=\"0 0 %.0f %.0f\" width=\"100%%\" overflow=\"visible\" role=\"img\" "
                           "font-family=\"Andika, Noto Sans, Arial, sans-serif\" font-size=\"12\">\n",
                           width, height);
  svg += format("<line x1=\"0\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#cfd6e2\"/>\n", top + plot, width, top + plot);
  for (size_t i = 0; i < months.size(); ++i) {
    const auto& m = months[i];
    double center = slot * (static_cast<double>(i) + 0.5);
    const std::pair<int, const char*> columns[] = {{m.sessions, kBlue}, {m.lessons, kGreen}, {m.games, kOrange}};
    for (int c = 0; c < 3; ++c) {
      double h = plot * columns[c].first / max, x = center + (c - 1.5) * column;
      svg += format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" fill=\"%s\"/>\n", x,
                    top + plot - h, column - 2, h, columns[c].second);
    }
    svg += format("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#2B2D42\">%s</text>\n",
                  center - column, top + plot - plot * m.sessions / max - 5, number(m.sessions).c_str());
    if (i % label_every == 0)
      svg += format("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#5c6478\">%s</text>\n", center,
                    height - 10, escape(m.label).c_str());
  }
  svg += "</svg>\n";
  svg += format("<p class=\"legend\"><i style=\"background:%s\"></i>%s<i style=\"background:%s\"></i>%s"
                "<i style=\"background:%s\"></i>%s</p>\n",
                kBlue, both("Buổi học", "Sessions").c_str(), kGreen, both("Bài học", "Lessons").c_str(), kOrange,
                both("Trò chơi", "Games").c_str());
  return svg;
}

std::string table(const std::vector<Tally>& rows, const char* vi, const char* en, bool show_key) {
  int max = 0;
  for (const auto& r : rows) max = std::max(max, r.sessions);
  std::string html = "<table>\n<tr><th>" + both(vi, en) + "</th><th></th><th>" + both("Buổi học", "Sessions") +
                     "</th><th>" + both("Thời gian (giờ:phút)", "Time (h:min)") + "</th><th>" +
                     both("Bài học", "Lessons") + "</th><th>" + both("Trò chơi", "Games") + "</th></tr>\n";
  for (const auto& r : rows) {
    std::string name = escape(r.label.empty() ? r.key : r.label);
    if (show_key && r.label != r.key) name += "<br><small>" + escape(r.key) + "</small>";
    html += "<tr><td class=\"name\">" + name + "</td><td class=\"bar\">" + bar(r.sessions, max) + "</td><td>" +
            number(r.sessions) + "</td><td>" + hours_minutes(r.seconds) + "</td><td>" + number(r.lessons) +
            "</td><td>" + number(r.games) + "</td></tr>\n";
  }
  return html + "</table>\n";
}

std::string section(const char* vi, const char* en, const std::string& body) {
  return "<section>\n<h2>" + both(vi, en) + "</h2>\n" + body + "</section>\n";
}

// The sessions left out of every figure, so the totals can be reconciled with sessions.csv.
std::string uncounted_note(const ReportFigures& f) {
  if (f.uncounted_sessions == 0) return "";
  auto n = number(f.uncounted_sessions);
  return "<p class=\"note\">" +
         both("Buổi mở ra mà không xem bài học hay chơi trò chơi nào: " + n + ", không tính.",
              "Sessions opened without any lesson watched or game played: " + n + ", not counted.") +
         "</p>\n";
}
}  // namespace

std::string hours_minutes(int64_t seconds) {
  int64_t minutes = (seconds + 30) / 60;
  return number(minutes / 60) + format(":%02d", static_cast<int>(minutes % 60));
}

std::string report_html(const ReportFigures& f, const std::string& heading) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                     escape(heading) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<header>\n";
  html += "<p class=\"kicker\">XEM VÀ NÓI · BÁO CÁO CHIẾN DỊCH <span class=\"en\">/ WATCH AND TALK · CAMPAIGN "
          "REPORT</span></p>\n";
  html += "<h1>" + escape(heading) + "</h1>\n";
  if (!f.from_day().empty())
    html += "<p class=\"period\">Kỳ báo cáo: " + escape(f.period_vi()) + " <span class=\"en\">/ From " +
            escape(f.from_day()) + " to " + escape(f.to_day()) + "</span></p>\n";
  html += "</header>\n";
  if (f.total.sessions == 0)
    return html + "<p class=\"empty\">" + both("Chưa có buổi học nào.", "No sessions yet.") + "</p>\n" +
           uncounted_note(f) + "</body>\n</html>\n";

  int64_t average = f.total.seconds / f.total.sessions;
  html += "<div class=\"cards\">\n" + card(number(f.total.sessions), "Buổi học", "Sessions") +
          card(hours_minutes(f.total.seconds), "Tổng thời gian (giờ:phút)", "Total time (h:min)") +
          card(number((average + 30) / 60), "Phút mỗi buổi (trung bình)", "Minutes per session (average)") +
          card(number(f.total.lessons), "Bài học đã xem", "Lessons watched") +
          card(number(f.total.games), "Trò chơi đã chơi", "Games played") + "</div>\n" + uncounted_note(f);
  html += section("Theo năm học", "By school year", table(f.by_school_year, "Năm học", "School year", false));
  html += section("Theo tháng", "By month", month_chart(f.by_month) + table(f.by_month, "Tháng", "Month", false));
  html += section("Theo chủ đề", "By topic", table(f.by_topic, "Chủ đề", "Topic", true));
  html += section("Theo nhóm lớp", "By class group", table(f.by_class, "Nhóm lớp", "Class group", false));
  html += section("Theo thiết bị (lớp học)", "By device (classroom)",
                  table(f.by_device, "Thiết bị", "Device", true));
  html += "<footer>" +
          both(format("Buổi học được tính khi có bài học đã xem hoặc trò chơi đã chơi, dù đã hoàn thành hay bị "
                      "gián đoạn; bài học hay trò chơi không chạy được, hoặc bị bỏ dở trong %d giây đầu, không được "
                      "tính. Năm học: từ tháng 9 đến tháng 8 năm sau. Không lưu tên trẻ.",
                      kShortestActivitySeconds),
               format("A session counts when a lesson was watched or a game played in it, completed or "
                      "interrupted; a lesson or game that could not play, or was left within %d seconds, does not. "
                      "A school year: September to August. No child's name is stored.",
                      kShortestActivitySeconds)) +
          "</footer>\n</body>\n</html>\n";
  return html;
}
