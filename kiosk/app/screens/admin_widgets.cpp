#include "app/screens/admin_widgets.h"

void status_text(bool ok, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ok ? IM_COL32(20, 120, 60, 255) : IM_COL32(190, 20, 30, 255));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

void section(const char* title) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextColored(ImVec4(0.11f, 0.21f, 0.34f, 1), "%s", title);
}
