// The floor of the kiosk's start-up, for tests/bench/bench_kiosk.py: the least any SDL2 + OpenGL
// program must do before its first frame, timed the same way as the kiosk.
//
//   bench_floor --windowed WxH --ui-tree FILE [--atlas]
//
// Opens a window as the kiosk does (the same SDL hints, an EGL core-profile OpenGL 3.2 context,
// double-buffered, vsync), clears it white and presents that one frame; with --atlas it also sets
// up Dear ImGui and builds the kiosk's font atlas (app/fonts.h: Andika, the five sizes the screens
// use, Vietnamese glyphs) and draws a line of text with it. After the buffer swap it writes FILE
// as the kiosk writes its ui-tree ({"screen": "home"}), then waits for SIGTERM or SIGINT, so that
// its peak memory can be read from /proc.
#define GL_GLEXT_PROTOTYPES
#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>

#include "app/fonts.h"
#include "app/sdl_video.h"

int main(int argc, char** argv) {
  int width = 1920, height = 1080;
  std::string ui_tree;
  bool atlas = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--windowed") && i + 1 < argc && std::sscanf(argv[i + 1], "%dx%d", &width, &height) == 2) {
      ++i;
    } else if (!std::strcmp(argv[i], "--ui-tree") && i + 1 < argc) {
      ui_tree = argv[++i];
    } else if (!std::strcmp(argv[i], "--atlas")) {
      atlas = true;
    } else {
      std::fprintf(stderr, "usage: %s --windowed WxH --ui-tree FILE [--atlas]\n", argv[0]);
      return 2;
    }
  }
  if (!start_sdl_video()) {  // the kiosk's hints and GL context
    std::fprintf(stderr, "bench_floor: %s\n", SDL_GetError());
    return 1;
  }
  SDL_Window* window = SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height,
                                        SDL_WINDOW_OPENGL | SDL_WINDOW_SHOWN);
  SDL_GLContext context = window ? SDL_GL_CreateContext(window) : nullptr;
  if (!context) {
    std::fprintf(stderr, "bench_floor: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_SetSwapInterval(1);
  if (atlas) {
    static Fonts fonts;  // outlives the context, as the kiosk's
    ImGui::CreateContext(fonts.atlas());
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplSDL2_InitForOpenGL(window, context);
    ImGui_ImplOpenGL3_Init("#version 150");
    // The sample content's characters are all Andika's: an empty catalog builds the same atlas.
    fonts.update(std::min(width / 1920.0f, height / 1080.0f), std::make_shared<const Catalog>());
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    ImGui::GetBackgroundDrawList()->AddText(fonts.get(FontSize::Title), fonts.get(FontSize::Title)->FontSize,
                                            ImVec2(100, 100), IM_COL32(0, 0, 0, 255), "Xem và Nói");
    ImGui::Render();
  }
  int dw, dh;
  SDL_GL_GetDrawableSize(window, &dw, &dh);
  glViewport(0, 0, dw, dh);
  glClearColor(1, 1, 1, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  if (atlas) ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(window);
  {
    std::ofstream out(ui_tree + ".tmp", std::ios::trunc);
    out << "{\"screen\": \"home\"}\n";
  }
  std::rename((ui_tree + ".tmp").c_str(), ui_tree.c_str());
  SDL_Event e;
  while (SDL_WaitEvent(&e) && e.type != SDL_QUIT) {
  }
  if (atlas) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
  }
  SDL_GL_DeleteContext(context);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}
