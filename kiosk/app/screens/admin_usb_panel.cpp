#include "app/screens/admin_usb_panel.h"

#include <imgui.h>

#include <cstdio>

#include "app/screens/admin_widgets.h"
#include "core/clock.h"
#include "core/export/log_export.h"
#include "core/i18n.h"
#include "core/text.h"

namespace {
constexpr double kRefreshSeconds = 1;
}

AdminUsbPanel::AdminUsbPanel(Kiosk& kiosk)
    : kiosk_(kiosk), journal_sessions_(kiosk.journal ? kiosk.journal->session_count() : 0) {}

const UsbStick* AdminUsbPanel::chosen() const {
  for (const auto& s : sticks_)
    if (s.path == chosen_path_) return &s;
  return nullptr;
}

void AdminUsbPanel::refresh_sticks() {
  sticks_ = find_usb_sticks(kiosk_.usb_root);
  if (!chosen() && !sticks_.empty()) chosen_path_ = sticks_.front().path;
  if (!chosen()) chosen_path_.clear();
  if (chosen_path_ != packs_of_ && !job_.running()) scan_packs();
}

void AdminUsbPanel::scan_packs() {
  packs_of_ = chosen_path_;
  packs_ = chosen_path_.empty() ? std::vector<PackOnStick>{} : scan_stick(chosen_path_, kiosk_.content->imported_dir());
  for (auto& p : packs_) p.replaces_existing |= kiosk_.content->catalog()->find(p.id) != nullptr;
}

bool AdminUsbPanel::tick(double now) {
  bool redraw = false;
  if (now >= next_refresh_ && !job_.running()) {
    auto before = sticks_.size();
    std::string chosen_before = chosen_path_;
    refresh_sticks();
    next_refresh_ = now + kRefreshSeconds;
    redraw = sticks_.size() != before || chosen_path_ != chosen_before;
  }
  if (job_.finished() && !job_seen_) {  // back on the UI thread: show what the job changed
    job_seen_ = true;
    std::fprintf(stderr, "kiosk: admin: %s\n", job_.message().c_str());
    if (job_was_import_ && !job_.failed()) {
      kiosk_.load_content();
      kiosk_.textures->clear();
    }
    refresh_sticks();
    scan_packs();
    redraw = true;
  }
  return redraw;
}

double AdminUsbPanel::wake_in(double now) const { return std::max(0.0, next_refresh_ - now); }

void AdminUsbPanel::update(Targets& targets, double now) {
  if (next_refresh_ == 0) tick(now);
  if (sticks_.empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr("No USB stick found. Plug one in: it shows here by itself."));
    return;
  }
  for (size_t i = 0; i < sticks_.size(); ++i) {
    const UsbStick& s = sticks_[i];
    std::string label = format(tr("%s (%s free of %s)"), s.name.c_str(), human_size(s.free_bytes).c_str(),
                               human_size(s.size_bytes).c_str());
    if (s.read_only) label += std::string(" · ") + tr("read-only");
    if (ImGui::RadioButton((label + "##" + s.path.string()).c_str(), s.path == chosen_path_) && !job_.running()) {
      chosen_path_ = s.path;
      scan_packs();
    }
    mark(targets, "admin:stick:" + std::to_string(i), s.name);
  }
  const UsbStick* stick = chosen();
  if (!stick) return;

  section(tr("Logs"));
  ImGui::TextUnformatted(format(trn("%d session in this kiosk's journal", "%d sessions in this kiosk's journal",
                                    journal_sessions_), journal_sessions_).c_str());
  ImGui::BeginDisabled(job_.running() || !kiosk_.journal);
  if (ImGui::Button(format(tr("Export the logs to %s"), stick->name.c_str()).c_str())) export_logs();
  ImGui::EndDisabled();
  mark(targets, "admin:export", tr("Export the logs"));

  if (job_.running()) {
    ImGui::ProgressBar(float(job_.fraction()), {-1, 0}, job_.step().c_str());
  } else if (job_.finished()) {
    status_text(!job_.failed(), job_.message());
  }

  section(tr("Topics on the stick"));
  if (packs_.empty()) ImGui::TextWrapped("%s", tr("No topic packs and no folders of videos or pictures on this stick."));
  for (size_t i = 0; i < packs_.size(); ++i) {
    const PackOnStick& p = packs_[i];
    ImGui::PushID(int(i));
    if (i > 0) ImGui::Spacing();  // a package's problems end before the next one's title
    // What it is and what it becomes, wrapped short of the Import button beside it (a teacher's
    // title can be long, and at 1024x768 it would push the button off the screen).
    const char* import_label = p.replaces_existing ? tr("Import (replaces the kiosk's copy)") : tr("Import");
    const float button_w = ImGui::CalcTextSize(import_label).x + 2 * ImGui::GetStyle().FramePadding.x;
    const std::string& title = p.title.in(ui_language());
    ImGui::PushTextWrapPos(p.importable() ? ImGui::GetContentRegionMax().x - button_w - ImGui::GetStyle().ItemSpacing.x : 0);
    ImGui::TextWrapped("%s", p.becomes.empty() ? title.c_str() : format("%s: %s", title.c_str(), p.becomes.c_str()).c_str());
    ImGui::PopTextWrapPos();
    if (p.importable()) {
      ImGui::SameLine();
      ImGui::BeginDisabled(job_.running());
      if (ImGui::Button(import_label)) import(p);
      ImGui::EndDisabled();
      mark(targets, "admin:import:" + p.id, tr("Import"));
    }
    if (!p.problems.empty()) status_text(false, tr("Cannot be imported, because of these problems:"));
    for (auto problem : p.problems) {  // named from the stick's top, as the admin sees it on a computer
      problem.file = problem.file.lexically_relative(p.path.parent_path());
      status_text(false, "  " + problem.describe());
    }
    if (!p.skipped.empty()) ImGui::TextWrapped("%s", tr("Left out:"));
    for (const auto& item : p.skipped) ImGui::TextWrapped("  %s", item.c_str());
    ImGui::PopID();
  }
}

void AdminUsbPanel::export_logs() {
  const std::string stick = chosen_path_;
  refresh_sticks();  // a stick pulled out this second leaves an empty mount folder on the kiosk's own disk
  if (chosen_path_ != stick) return;
  ExportOptions options;
  options.journal_db = kiosk_.data_dir / "journal.sqlite";
  options.destination = chosen_path_;
  options.device_name = kiosk_.settings.device_name;
  options.school = kiosk_.settings.school;
  options.report = kiosk_.settings.report;
  for (const auto& t : kiosk_.content->catalog()->topics) options.topic_titles[t.id] = t.title.vi;
  options.now = unix_now();
  options.period = report_period(kiosk_.settings.report, options.now);
  job_was_import_ = false;
  job_seen_ = false;
  job_.start([options](const BackgroundJob::Progress& progress) {
    ExportResult r = ::export_logs(options, progress);
    return format(tr("Exported %d sessions and %d activities to %s. Checked: the stick can be removed."), r.sessions,
                  r.activities, r.folder.filename().c_str());
  });
}

void AdminUsbPanel::import(const PackOnStick& pack) {
  job_was_import_ = true;
  job_seen_ = false;
  auto dest = kiosk_.content->imported_dir();
  job_.start([pack, dest, lang = ui_language()](const BackgroundJob::Progress& progress) {
    import_pack(pack, dest, [&](double f) { progress(f, tr("Copying")); });
    return format(tr("\"%s\" is imported and ready in the classroom."), pack.title.in(lang).c_str());
  });
}
