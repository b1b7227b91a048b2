#include "core/content_library.h"

ContentLibrary::ContentLibrary(std::filesystem::path content_dir, std::filesystem::path data_dir)
    : content_dir_(std::move(content_dir)), data_dir_(std::move(data_dir)) {}

std::vector<std::string> ContentLibrary::reload() {
  std::vector<std::string> warnings;
  packs_ = load_catalog(content_dir_, imported_dir());
  std::string warning;
  added_ = load_added_cues(data_dir_, warning);
  if (!warning.empty()) warnings.push_back("added cues: " + warning);
  for (const auto& p : packs_.problems) warnings.push_back("content: " + p.describe());
  publish();
  return warnings;
}

void ContentLibrary::publish() { snapshot_ = std::make_shared<const Catalog>(with_added_cues(packs_, added_)); }

void ContentLibrary::add_cue(const std::string& key, const AddedCue& cue) {
  AddedCues changed = added_;
  changed[key].push_back(cue);
  save_added_cues(data_dir_, changed);
  added_ = std::move(changed);
  publish();
}

bool ContentLibrary::remove_cue(const std::string& key, size_t index) {
  const Entry* entry = find_lesson(*snapshot_, key);
  auto list = added_.find(key);
  if (!entry || !entry->video || list == added_.end()) return false;
  auto at = added_cue_index(*entry->video, index, list->second);
  if (!at) return false;
  AddedCues changed = added_;
  auto& cues = changed[key];
  cues.erase(cues.begin() + static_cast<std::ptrdiff_t>(*at));
  if (cues.empty()) changed.erase(key);
  save_added_cues(data_dir_, changed);
  added_ = std::move(changed);
  publish();
  return true;
}

std::shared_ptr<const Topic> share_topic(const std::shared_ptr<const Catalog>& catalog, const std::string& id) {
  const Topic* topic = catalog ? catalog->find(id) : nullptr;
  return topic ? std::shared_ptr<const Topic>(catalog, topic) : nullptr;
}

const Entry* find_lesson(const Catalog& catalog, const std::string& key) {
  const auto slash = key.find('/');
  const Topic* topic = slash == std::string::npos ? nullptr : catalog.find(key.substr(0, slash));
  for (size_t i = 0; topic && i < topic->lessons.size(); ++i)
    if (topic->lessons[i].id == key.substr(slash + 1)) return &topic->lessons[i];
  return nullptr;
}
