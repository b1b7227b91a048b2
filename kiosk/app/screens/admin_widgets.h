#pragma once
// Helpers for the admin screens, which use Dear ImGui's stock widgets (grown-ups, text fields).
#include <imgui.h>
#include <imgui_internal.h>

#include <string>

#include "core/targets.h"

// Registers the widget just drawn as a target, so the ui-tree dump and `--replay tap @ID` reach it.
// Not while its window is hidden: ImGui hides a popup in the frame it opens (to measure it), and a
// tap in the next frame cannot reach a window that was hidden.
inline void mark(Targets& targets, const std::string& id, const std::string& label) {
  if (ImGui::GetCurrentWindowRead()->Hidden) return;
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  targets.add(id, label, {a.x, a.y, b.x - a.x, b.y - a.y});
}

// A line of text in the colour of good news or of a problem.
void status_text(bool ok, const std::string& text);

// A heading that opens a part of a panel.
void section(const char* title);
