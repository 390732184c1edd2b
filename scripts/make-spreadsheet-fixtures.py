#!/usr/bin/env python3
"""Writes the spreadsheet fixtures: the same invented case rows as CSV, as
.xlsx written by openpyxl (1900 and 1904 date systems), and as .xlsx and
.ods written by LibreOffice (the openpyxl file converted by
`soffice --headless --convert-to`), plus the damaged and hostile files the
import must refuse. The outputs are committed, so that the tests never need
openpyxl or LibreOffice; run this again only to change them:

    pip install openpyxl
    apt-get install libreoffice-calc-nogui
    swift build && python3 scripts/make-spreadsheet-fixtures.py

Every person, case and source here is invented.
"""
import csv
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SHEETS = os.path.join(ROOT, "Fixtures", "spreadsheets")
EXAMPLES = os.path.join(ROOT, "Fixtures", "examples")

HEADER = ["case_ref", "person_ref", "name", "sex", "birth", "body", "body_kind", "category", "place",
          "arrest_date", "trial_date", "charges", "outcome", "sentence", "sentence_kind", "term_years",
          "source_key", "locator"]

D = datetime.date
# (cells, how the spreadsheet types them). A date is typed as a date with
# a number format; a float with "0.00" is the article 58.10 as a number cell.
ROWS = [
    ["example:sheet-1937-0101", "example:p-zateeva", "Затеева Прасковья Ильинична", "f", 1901,
     "Тройка УНКВД по Калининской области", "troika", "political", "Кашин",
     D(1937, 8, 14), D(1937, 11, 5), 58.10, "convicted", "10 лет ИТЛ", "camp", 10,
     "example-memory-book", "с. 12"],
    # The case ref is merged down over this row in the spreadsheets.
    [None, "example:p-bulkin", "Булкин Фрол Саввич", "m", "ок. 1895",
     "Тройка УНКВД по Калининской области", "troika", "political", "Кашин",
     D(1937, 8, 20), D(1937, 11, 5), "58-10; 58-11", "convicted", "ВМН", "death", None,
     "example-memory-book", "с. 13"],
    None,  # an empty row
    ["example:sheet-1938-0007", "example:p-mokeev", "Мокеев Онисим Карпович", "m", 1903,
     "Калининский областной суд", "regional_court", "political", "Бежецк",
     "1930-е", ("month", D(1938, 3, 1)), 58.10, "acquitted", None, None, None,
     "example-file-1937", "л. 40об"],
    None,
    None,  # two empty rows
    ["example:sheet-1938-0007", "example:p-mokeev", "Mokeev, Onisim", "m", 1903,
     None, None, None, None, None, None, None, None, None, None, None,
     "example-file-1937", "л. 41"],
]


def csv_text(value):
    if value is None:
        return ""
    if isinstance(value, tuple):  # a date shown to the month
        return value[1].strftime("%m.%Y")
    if isinstance(value, D):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        return "%.2f" % value
    return str(value)


def write_csv(path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(HEADER)
        last_ref = None
        for row in ROWS:
            if row is None:
                out.writerow([""] * len(HEADER))
                continue
            ref = row[0] or last_ref
            last_ref = ref
            out.writerow([ref] + [csv_text(v) for v in row[1:]])


def write_openpyxl(path, epoch=None, merged_header=False):
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "Лист1"
    # A title above the table, merged across it.
    ws.cell(row=1, column=1, value="Список осуждённых (вымышленные примеры)")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    header_row = 2
    for column, name in enumerate(HEADER, start=1):
        cell = ws.cell(row=header_row, column=column, value=name)
        cell.font = Font(bold=True)
    if merged_header:
        # "dates" over arrest_date and trial_date: a header no CSV can hold.
        ws.cell(row=header_row, column=11, value=None)
        ws.merge_cells(start_row=header_row, start_column=10, end_row=header_row, end_column=11)
    r = header_row
    for row in ROWS:
        r += 1
        if row is None:
            continue
        for column, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=column)
            if isinstance(value, tuple):
                cell.value = value[1]
                cell.number_format = "MMMM YYYY"
            elif isinstance(value, D):
                cell.value = value
                cell.number_format = "DD.MM.YYYY"
            elif isinstance(value, float):
                cell.value = value
                cell.number_format = "0.00"
            else:
                cell.value = value
    # The case ref of the first case, merged down over its two defendants.
    ws.merge_cells(start_row=header_row + 1, start_column=1, end_row=header_row + 2, end_column=1)
    # A second sheet, for --sheet.
    other = wb.create_sheet("Примечания")
    other.append(["case_ref", "person_ref", "name"])
    other.append(["example:sheet-1939-0001", "example:p-ryzhov", "Рыжов Авдей Лукич"])
    wb.save(path)


def libreoffice(source, extension, target):
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["soffice", "--headless", "--convert-to", extension, "--outdir", out, source],
                       check=True, stdout=subprocess.DEVNULL)
        produced = os.path.join(out, os.path.splitext(os.path.basename(source))[0] + "." + extension)
        shutil.copyfile(produced, target)


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED)


CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 b'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                 b'officedocument.spreadsheetml.sheet.main+xml"/></Types>')
RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            b'<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                 b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                 b'2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def write_bad():
    bad = SHEETS
    # A CSV file saved under the name .xlsx.
    with open(os.path.join(bad, "not-a-zip.xlsx"), "w", encoding="utf-8") as f:
        f.write("case_ref,person_ref,name\nexample:c-1,example:p-1,Пример Пётр\n")
    # A zip bomb: a sheet of 300 MB of spaces, some 300 KB compressed.
    sheet_head = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                  b'<sheetData>')
    with zipfile.ZipFile(os.path.join(bad, "zip-bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)]:
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as f:
            f.write(sheet_head)
            block = b" " * (1 << 20)
            for _ in range(300):
                f.write(block)
            f.write(b"</sheetData></worksheet>")
    # The same bomb with a header that lies: it claims 1,000 bytes.
    with open(os.path.join(bad, "zip-bomb-lying.xlsx"), "wb") as out:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                               ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
                               ("xl/worksheets/sheet1.xml", sheet_head + b" " * (300 << 20) + b"</sheetData></worksheet>")]:
                z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data,
                           compress_type=zipfile.ZIP_DEFLATED)
    with open(os.path.join(bad, "zip-bomb-lying.xlsx"), "r+b") as f:
        data = bytearray(f.read())
        name = b"xl/worksheets/sheet1.xml"
        local = data.find(b"PK\x03\x04" + b"\x14\x00", 0)
        at = 0
        while True:
            local = data.find(b"PK\x03\x04", at)
            if local < 0:
                break
            if data[local + 30: local + 30 + len(name)] == name:
                data[local + 22: local + 26] = (1000).to_bytes(4, "little")
            at = local + 4
        central = data.find(b"PK\x01\x02")
        while central >= 0:
            if data[central + 46: central + 46 + len(name)] == name:
                data[central + 24: central + 28] = (1000).to_bytes(4, "little")
            central = data.find(b"PK\x01\x02", central + 4)
        f.seek(0)
        f.write(data)
    # An entry whose name leaves the package.
    write_zip(os.path.join(bad, "path-trick.xlsx"),
              [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("xl/workbook.xml", WORKBOOK),
               ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS), ("../../outside.txt", b"x")])
    # The workbook names a sheet whose part is missing.
    write_zip(os.path.join(bad, "missing-sheet.xlsx"),
              [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("xl/workbook.xml", WORKBOOK),
               ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)])
    # An .ods that is an OpenDocument text.
    write_zip(os.path.join(bad, "text-document.ods"),
              [("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>")])
    # A sheet with a DTD that expands entities (a "billion laughs").
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
              b'<c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')
    write_zip(os.path.join(bad, "entities.xlsx"),
              [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("xl/workbook.xml", WORKBOOK),
               ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS), ("xl/worksheets/sheet1.xml", laughs)])
    # Truncated: the LibreOffice workbook cut in half.
    with open(os.path.join(SHEETS, "rows-libreoffice.xlsx"), "rb") as f:
        data = f.read()
    with open(os.path.join(bad, "truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])


def write_resaved_export():
    """dossier's own .xlsx export of both example files, opened and saved
    again by LibreOffice as .ods and .xlsx: the export must survive a real
    spreadsheet program. Needs a built dossier ($DOSSIER, else the debug build)."""
    dossier = os.environ.get("DOSSIER", os.path.join(ROOT, ".build", "debug", "dossier"))
    with tempfile.TemporaryDirectory() as work:
        db = os.path.join(work, "a.sqlite")
        subprocess.run([dossier, "import", "--db", db, os.path.join(EXAMPLES, "sources.json"),
                        os.path.join(EXAMPLES, "rows.csv"), os.path.join(SHEETS, "rows.csv")],
                       check=True, stdout=subprocess.DEVNULL)
        exported = os.path.join(work, "export.xlsx")
        subprocess.run([dossier, "export", "--db", db, "--format", "xlsx", "--out", exported], check=True)
        libreoffice(exported, "ods", os.path.join(SHEETS, "export-resaved.ods"))
        libreoffice(os.path.join(SHEETS, "export-resaved.ods"), "xlsx", os.path.join(SHEETS, "export-resaved.xlsx"))


def main():
    if shutil.which("soffice") is None:
        sys.exit("make-spreadsheet-fixtures: needs soffice (apt-get install libreoffice-calc-nogui)")
    os.makedirs(SHEETS, exist_ok=True)
    write_csv(os.path.join(SHEETS, "rows.csv"))
    openpyxl_path = os.path.join(SHEETS, "rows-openpyxl.xlsx")
    write_openpyxl(openpyxl_path)
    write_openpyxl(os.path.join(SHEETS, "rows-openpyxl-1904.xlsx"), epoch=CALENDAR_MAC_1904)
    libreoffice(openpyxl_path, "xlsx", os.path.join(SHEETS, "rows-libreoffice.xlsx"))
    libreoffice(openpyxl_path, "ods", os.path.join(SHEETS, "rows-libreoffice.ods"))
    merged = os.path.join(SHEETS, "merged-header.xlsx")
    write_openpyxl(merged, merged_header=True)
    libreoffice(merged, "ods", os.path.join(SHEETS, "merged-header.ods"))
    # The documentation's examples.
    shutil.copyfile(os.path.join(SHEETS, "rows-libreoffice.xlsx"), os.path.join(EXAMPLES, "rows.xlsx"))
    shutil.copyfile(os.path.join(SHEETS, "rows-libreoffice.ods"), os.path.join(EXAMPLES, "rows.ods"))
    write_bad()
    write_resaved_export()


if __name__ == "__main__":
    main()
