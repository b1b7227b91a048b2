#include "core/grid.h"

#include <algorithm>

std::vector<Rect> grid_cells(size_t n, const Rect& area, float gap, float max_cell) {
  std::vector<Rect> cells;
  if (n == 0) return cells;
  size_t best_cols = 1;
  float best = 0;
  for (size_t cols = 1; cols <= n; ++cols) {
    size_t rows = (n + cols - 1) / cols;
    float size = std::min({max_cell, (area.w - (cols - 1) * gap) / cols, (area.h - (rows - 1) * gap) / rows});
    if (size > best) {
      best = size;
      best_cols = cols;
    }
  }
  const size_t rows = (n + best_cols - 1) / best_cols;
  const float total_h = rows * best + (rows - 1) * gap;
  for (size_t i = 0; i < n; ++i) {
    size_t row = i / best_cols, col = i % best_cols;
    size_t in_row = std::min(best_cols, n - row * best_cols);  // the last row is centred too
    float row_w = in_row * best + (in_row - 1) * gap;
    cells.push_back({area.x + (area.w - row_w) / 2 + col * (best + gap), area.y + (area.h - total_h) / 2 + row * (best + gap),
                     best, best});
  }
  return cells;
}
