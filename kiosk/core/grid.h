#pragma once
// Square cells for n pictures in an area: the number of columns that gives the largest cells,
// centred. Pure layout, in whatever units the area is.
#include <cstddef>
#include <vector>

#include "core/targets.h"

std::vector<Rect> grid_cells(size_t n, const Rect& area, float gap, float max_cell);
