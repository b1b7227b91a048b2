#!/usr/bin/env python3
"""Prints what an independent reader (openpyxl) finds in an .xlsx file, as JSON: every sheet's
cell values row by row (numbers as numbers), and the font names of the cells that hold a value.

Usage: python3 xlsx_cells.py FILE.xlsx
"""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
sheets, fonts = {}, set()
for sheet in book.worksheets:
    rows = []
    for row in sheet.iter_rows():
        rows.append([cell.value for cell in row])
        fonts.update(cell.font.name for cell in row if cell.value is not None)
    sheets[sheet.title] = rows
json.dump({"order": book.sheetnames, "sheets": sheets, "fonts": sorted(fonts)}, sys.stdout, ensure_ascii=False)
