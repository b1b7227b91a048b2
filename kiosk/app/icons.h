#pragma once
// The kiosk's own pictures (assets/icons/NAME.png: logo, star, home...), through the texture cache.
// GL and lifetime as TextureCache (textures.h): the cache must outlive this. UI thread only.
#include <filesystem>
#include <string>

#include "app/textures.h"

class Icons {
 public:
  Icons(std::filesystem::path dir, TextureCache& textures) : dir_(std::move(dir)), textures_(textures) {}
  const Texture& get(const std::string& name) const { return textures_.get(path(name)); }
  std::filesystem::path path(const std::string& name) const { return dir_ / (name + ".png"); }

 private:
  std::filesystem::path dir_;
  TextureCache& textures_;
};
